package io.hipaaaudit.bench.aws;

import io.hipaaaudit.bench.aws.WireRequest.Answer;
import java.util.List;
import java.util.function.Function;

/** Answers the EC2 actions the collector calls, from one region of the model. */
final class Ec2Api {
    private final SyntheticAccount account;
    private final int cap;

    Ec2Api(SyntheticAccount account, int cap) {
        this.account = account;
        this.cap = cap;
    }

    Answer answer(WireRequest q) {
        RegionModel m = account.region(q.region());
        String r = q.region();
        return switch (q.action()) {
            case "DescribeRegions" -> Answer.xml(Ec2Wire.page("DescribeRegions", "regionInfo",
                    account.regionNames().stream().map(Ec2Wire::region).toList(), null));
            case "DescribeVpcs" -> paged(q, m.vpcs(), Ec2Wire::vpc, "vpcSet");
            case "DescribeSubnets" -> paged(q, m.subnets(), s -> Ec2Wire.subnet(r, s), "subnetSet");
            case "DescribeRouteTables" -> paged(q, m.routeTables(), Ec2Wire::routeTable, "routeTableSet");
            case "DescribeInternetGateways" -> paged(q, m.internetGateways(), Ec2Wire::internetGateway, "internetGatewaySet");
            case "DescribeEgressOnlyInternetGateways" -> paged(q, m.egressOnlyGateways(), Ec2Wire::egressOnlyGateway,
                    "egressOnlyInternetGatewaySet");
            case "DescribeNatGateways" -> paged(q, m.natGateways(), Ec2Wire::natGateway, "natGatewaySet");
            case "DescribeNetworkAcls" -> paged(q, m.networkAcls(), Ec2Wire::networkAcl, "networkAclSet");
            case "DescribeSecurityGroups" -> paged(q, m.securityGroups(), g -> Ec2Wire.securityGroup(r, g),
                    "securityGroupInfo");
            case "DescribeManagedPrefixLists" -> paged(q, m.prefixLists(), p -> Ec2Wire.prefixList(r, p), "prefixListSet");
            case "GetManagedPrefixListEntries" -> m.prefixLists().stream()
                    .filter(p -> p.id().equals(q.param("PrefixListId"))).findFirst()
                    .map(p -> paged(q, p.entries(), Ec2Wire::prefixListEntry, "entrySet"))
                    .orElseGet(() -> error(400, "InvalidPrefixListID.NotFound", "The prefix list ID does not exist"));
            case "DescribeFlowLogs" -> paged(q, m.flowLogs(), Ec2Wire::flowLog, "flowLogSet");
            case "DescribeNetworkInterfaces" -> paged(q, m.networkInterfaces(), Ec2Wire::networkInterface,
                    "networkInterfaceSet");
            // the synthetic account has no VPC endpoints: one empty page
            case "DescribeVpcEndpoints" -> paged(q, List.<String>of(), e -> e, "vpcEndpointSet");
            default -> error(400, "InvalidAction", "The action " + q.action() + " is not valid for this web service.");
        };
    }

    private <T> Answer paged(WireRequest q, List<T> all, Function<T, String> render, String set) {
        Paging.Page<T> page = Paging.page(q.action(), all, q.param("MaxResults"), q.param("NextToken"), cap);
        return Answer.xml(Ec2Wire.page(q.action(), set, page.items().stream().map(render).toList(), page.next()));
    }

    static Answer error(int status, String code, String message) {
        return new Answer(status, "text/xml;charset=UTF-8", Ec2Wire.error(code, message));
    }
}
