package io.hipaaaudit.collect.aws;

import static io.hipaaaudit.collect.aws.Tags.text;

import io.hipaaaudit.inventory.aws.RouteTable;
import software.amazon.awssdk.services.ec2.model.Route;

/**
 * Names a route's target. EC2 puts each target kind in its own field, except {@code gatewayId}, which holds
 * {@code local}, internet gateways, virtual private gateways and VPC endpoints alike: the id prefix tells, and for
 * endpoints the destination.
 * An instance route also carries the instance's interface, so the instance is checked first.
 */
final class RouteTargets {
    private RouteTargets() {}

    static RouteTable.Route route(Route r) {
        String[] target = target(r);
        return new RouteTable.Route(text(r.destinationCidrBlock()), text(r.destinationIpv6CidrBlock()),
                text(r.destinationPrefixListId()), target[0], target[1], r.stateAsString(),
                text(r.originAsString()));
    }

    private static String[] target(Route r) {
        if (present(r.natGatewayId())) return pair("nat-gateway", r.natGatewayId());
        if (present(r.egressOnlyInternetGatewayId())) return pair("egress-only-internet-gateway", r.egressOnlyInternetGatewayId());
        if (present(r.transitGatewayId())) return pair("transit-gateway", r.transitGatewayId());
        if (present(r.vpcPeeringConnectionId())) return pair("vpc-peering-connection", r.vpcPeeringConnectionId());
        if (present(r.carrierGatewayId())) return pair("carrier-gateway", r.carrierGatewayId());
        if (present(r.localGatewayId())) return pair("local-gateway", r.localGatewayId());
        if (present(r.coreNetworkArn())) return pair("core-network", r.coreNetworkArn());
        if (present(r.gatewayId())) return pair(gatewayKind(r.gatewayId(), present(r.destinationPrefixListId())),
                r.gatewayId());
        if (present(r.instanceId())) return pair("instance", r.instanceId());
        if (present(r.networkInterfaceId())) return pair("network-interface", r.networkInterfaceId());
        return pair("unknown", "");
    }

    /**
     * A {@code vpce-} target is a gateway endpoint when the route's destination is a prefix list (the routes AWS
     * adds for S3 and DynamoDB endpoints), else a Gateway Load Balancer endpoint (CreateRoute's VpcEndpointId, "for
     * Gateway Load Balancer endpoints only", with a CIDR destination). The analysis checks the first against the
     * prefix list's owner.
     */
    static String gatewayKind(String id, boolean prefixListDestination) {
        if (id.equals("local")) return "local";
        if (id.startsWith("igw-")) return "internet-gateway";
        if (id.startsWith("vgw-")) return "virtual-private-gateway";
        if (id.startsWith("vpce-")) return prefixListDestination ? "gateway-endpoint" : "gateway-load-balancer-endpoint";
        if (id.startsWith("eigw-")) return "egress-only-internet-gateway";
        return "unknown";
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static String[] pair(String type, String id) {
        return new String[] {type, id};
    }
}
