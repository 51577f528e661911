package io.hipaaaudit.collect.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.hipaaaudit.inventory.aws.RouteTable;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.Route;

/** VPC endpoint routes share GatewayId with internet and virtual private gateways; the destination tells the kind. */
class RouteTargetsTest {

    @Test
    void aPrefixListRouteToAnEndpointIsAGatewayEndpoint() {
        RouteTable.Route r = RouteTargets.route(Route.builder().destinationPrefixListId("pl-63a5400a")
                .gatewayId("vpce-0s3").state("active").build());
        assertThat(r.targetType()).isEqualTo("gateway-endpoint");
        assertThat(r.targetId()).isEqualTo("vpce-0s3");
    }

    @Test
    void aCidrRouteToAnEndpointIsAGatewayLoadBalancerEndpoint() {
        RouteTable.Route r = RouteTargets.route(Route.builder().destinationCidrBlock("0.0.0.0/0")
                .gatewayId("vpce-0gwlb").state("active").build());
        assertThat(r.targetType()).isEqualTo("gateway-load-balancer-endpoint");
    }

    @Test
    void gatewaysKeepTheirKinds() {
        assertThat(RouteTargets.route(Route.builder().destinationCidrBlock("0.0.0.0/0").gatewayId("igw-1").build())
                .targetType()).isEqualTo("internet-gateway");
        assertThat(RouteTargets.route(Route.builder().destinationPrefixListId("pl-1").transitGatewayId("tgw-1").build())
                .targetType()).isEqualTo("transit-gateway");
    }
}
