package io.hipaaaudit.collect.aws;

import static io.hipaaaudit.collect.aws.MissingField.listed;
import static io.hipaaaudit.inventory.ResourceTypes.INTERNET_GATEWAY;
import static io.hipaaaudit.inventory.ResourceTypes.NAT_GATEWAY;
import static io.hipaaaudit.inventory.ResourceTypes.NETWORK_ACL;
import static io.hipaaaudit.inventory.ResourceTypes.ROUTE_TABLE;
import static io.hipaaaudit.inventory.ResourceTypes.SUBNET;
import static io.hipaaaudit.inventory.ResourceTypes.VPC;
import static io.hipaaaudit.inventory.ResourceTypes.VPC_ENDPOINT;

import io.hipaaaudit.inventory.aws.InternetGateway;
import io.hipaaaudit.inventory.aws.NatGateway;
import io.hipaaaudit.inventory.aws.NetworkAcl;
import io.hipaaaudit.inventory.aws.RouteTable;
import io.hipaaaudit.inventory.aws.Subnet;
import io.hipaaaudit.inventory.aws.Vpc;
import io.hipaaaudit.inventory.aws.VpcEndpoint;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * VPC topology of one region: VPCs, subnets, route tables, internet / egress-only / NAT gateways, network ACLs and
 * VPC endpoints.
 * Each API is paged once with its largest page size (route tables and NACLs allow 100, the others 1000 (VPC endpoints too); egress-only
 * gateways 255). The listings are independent of each other, so a region's run at once; the prefix lists the
 * routes reference come out of them, so their entries can be read.
 */
final class Ec2NetworkCollector {
    private final Ec2Client ec2;
    private final RegionScope scope;
    private final Ec2NetworkMapper map;
    private volatile Optional<Set<String>> routePrefixLists = Optional.empty();

    Ec2NetworkCollector(Ec2Client ec2, RegionScope scope) {
        this.ec2 = ec2;
        this.scope = scope;
        this.map = new Ec2NetworkMapper(scope.account(), scope.region());
    }

    /**
     * The region's topology listings, independent of each other: run them in any order or at once, then read
     * {@link #routePrefixLists()}.
     */
    List<Runnable> listings() {
        return List.of(
                () -> {
                    var tables = scope.list("ec2:DescribeRouteTables", List.of(ROUTE_TABLE),
                            () -> ec2.describeRouteTablesPaginator(r -> r.maxResults(100)).stream()
                                    .flatMap(p -> listed(p.hasRouteTables(), p.routeTables(), "routeTableSet").stream())
                                    .toList(),
                            t -> t.routeTableId(), "routeTableId", map::routeTable);
                    tables.ifPresent(items -> scope.sink().addAll(RouteTable.class, items));
                    routePrefixLists = tables.map(items -> {
                        Set<String> ids = new TreeSet<>();
                        items.forEach(t -> t.routes().forEach(route -> route.destinationPrefixListId()
                                .ifPresent(ids::add)));
                        return ids;
                    });
                },
                () -> scope.list("ec2:DescribeVpcs", List.of(VPC),
                        () -> ec2.describeVpcsPaginator(r -> r.maxResults(1000)).stream()
                                .flatMap(p -> listed(p.hasVpcs(), p.vpcs(), "vpcSet").stream()).toList(),
                        v -> v.vpcId(), "vpcId", map::vpc)
                        .ifPresent(items -> scope.sink().addAll(Vpc.class, items)),
                () -> scope.list("ec2:DescribeSubnets", List.of(SUBNET),
                        () -> ec2.describeSubnetsPaginator(r -> r.maxResults(1000)).stream()
                                .flatMap(p -> listed(p.hasSubnets(), p.subnets(), "subnetSet").stream()).toList(),
                        v -> v.subnetId(), "subnetId", map::subnet)
                        .ifPresent(items -> scope.sink().addAll(Subnet.class, items)),
                () -> scope.list("ec2:DescribeInternetGateways", List.of(INTERNET_GATEWAY),
                        () -> ec2.describeInternetGatewaysPaginator(r -> r.maxResults(1000)).stream()
                                .flatMap(p -> listed(p.hasInternetGateways(), p.internetGateways(),
                                        "internetGatewaySet").stream()).toList(),
                        g -> g.internetGatewayId(), "internetGatewayId", map::internetGateway)
                        .ifPresent(items -> scope.sink().addAll(InternetGateway.class, items)),
                () -> scope.list("ec2:DescribeEgressOnlyInternetGateways", List.of(INTERNET_GATEWAY),
                        () -> ec2.describeEgressOnlyInternetGatewaysPaginator(r -> r.maxResults(255)).stream()
                                .flatMap(p -> listed(p.hasEgressOnlyInternetGateways(), p.egressOnlyInternetGateways(),
                                        "egressOnlyInternetGatewaySet").stream()).toList(),
                        g -> g.egressOnlyInternetGatewayId(), "egressOnlyInternetGatewayId", map::egressOnlyGateway)
                        .ifPresent(items -> scope.sink().addAll(InternetGateway.class, items)),
                () -> scope.list("ec2:DescribeNatGateways", List.of(NAT_GATEWAY),
                        () -> ec2.describeNatGatewaysPaginator(r -> r.maxResults(1000)).stream()
                                .flatMap(p -> listed(p.hasNatGateways(), p.natGateways(), "natGatewaySet").stream())
                                .toList(),
                        g -> g.natGatewayId(), "natGatewayId", map::natGateway)
                        .ifPresent(items -> scope.sink().addAll(NatGateway.class, items)),
                () -> scope.list("ec2:DescribeNetworkAcls", List.of(NETWORK_ACL),
                        () -> ec2.describeNetworkAclsPaginator(r -> r.maxResults(100)).stream()
                                .flatMap(p -> listed(p.hasNetworkAcls(), p.networkAcls(), "networkAclSet").stream())
                                .toList(),
                        n -> n.networkAclId(), "networkAclId", map::networkAcl)
                        .ifPresent(items -> scope.sink().addAll(NetworkAcl.class, items)),
                () -> scope.list("ec2:DescribeVpcEndpoints", List.of(VPC_ENDPOINT),
                        () -> ec2.describeVpcEndpointsPaginator(r -> r.maxResults(1000)).stream()
                                .flatMap(p -> listed(p.hasVpcEndpoints(), p.vpcEndpoints(), "vpcEndpointSet").stream())
                                .toList(),
                        e -> e.vpcEndpointId(), "vpcEndpointId", map::vpcEndpoint)
                        .ifPresent(items -> scope.sink().addAll(VpcEndpoint.class, items)));
    }

    /** The prefix list ids the routes reference, once the listings ran; empty if the route tables are unknown. */
    Optional<Set<String>> routePrefixLists() {
        return routePrefixLists;
    }
}
