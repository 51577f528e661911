package io.hipaaaudit.inventory.aws;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.hipaaaudit.inventory.Nulls;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A route table with every route and association. The VPC's main table has an association with
 * {@code main = true}; subnets without an explicit association use it.
 */
public record RouteTable(String account, String region, String id, String arn, String vpcId, List<Route> routes,
                         List<Association> associations, Map<String, String> tags) implements AwsResource {
    public RouteTable {
        account = Nulls.required(account, "account");
        region = Nulls.required(region, "region");
        id = Nulls.required(id, "id");
        arn = arn == null ? Arns.ec2(region, account, "route-table", id) : arn;
        vpcId = Nulls.str(vpcId);
        routes = Nulls.list(routes);
        associations = Nulls.list(associations);
        tags = Nulls.sorted(tags);
    }

    @JsonIgnore
    public boolean isMain() {
        return associations.stream().anyMatch(Association::main);
    }

    /**
     * One route. Exactly one destination is set. {@code targetType} is one of: local, internet-gateway,
     * virtual-private-gateway, nat-gateway, egress-only-internet-gateway, transit-gateway,
     * vpc-peering-connection, network-interface, instance, carrier-gateway, local-gateway, core-network,
     * gateway-endpoint (S3, DynamoDB: a prefix-list destination), gateway-load-balancer-endpoint, unknown; older
     * snapshots say vpc-endpoint for both endpoint kinds. {@code state} is {@code active} or {@code blackhole}.
     */
    public record Route(Optional<String> destinationCidrBlock, Optional<String> destinationIpv6CidrBlock,
                        Optional<String> destinationPrefixListId, String targetType, String targetId, String state,
                        Optional<String> origin) {
        public Route {
            destinationCidrBlock = Nulls.opt(destinationCidrBlock);
            destinationIpv6CidrBlock = Nulls.opt(destinationIpv6CidrBlock);
            destinationPrefixListId = Nulls.opt(destinationPrefixListId);
            targetType = Nulls.str(targetType);
            targetId = Nulls.str(targetId);
            state = state == null ? "active" : state;
            origin = Nulls.opt(origin);
        }
    }

    /** An association to a subnet, to a gateway (edge association) or the main-table marker. */
    public record Association(String id, boolean main, Optional<String> subnetId, Optional<String> gatewayId) {
        public Association {
            id = Nulls.str(id);
            subnetId = Nulls.opt(subnetId);
            gatewayId = Nulls.opt(gatewayId);
        }
    }
}
