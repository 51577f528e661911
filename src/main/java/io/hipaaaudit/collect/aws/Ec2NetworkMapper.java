package io.hipaaaudit.collect.aws;

import static io.hipaaaudit.collect.aws.Tags.text;

import io.hipaaaudit.inventory.aws.InternetGateway;
import io.hipaaaudit.inventory.aws.NatGateway;
import io.hipaaaudit.inventory.aws.NetworkAcl;
import io.hipaaaudit.inventory.aws.RouteTable;
import io.hipaaaudit.inventory.aws.Subnet;
import io.hipaaaudit.inventory.aws.Vpc;
import io.hipaaaudit.inventory.aws.VpcEndpoint;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.ec2.model.Tag;

/** Maps EC2 topology models to inventory records; SDK types stop here. */
final class Ec2NetworkMapper {
    private final String account;
    private final String region;

    Ec2NetworkMapper(String account, String region) {
        this.account = account;
        this.region = region;
    }

    static java.util.Map<String, String> tags(List<Tag> tags) {
        return Tags.of(tags, Tag::key, Tag::value);
    }

    Vpc vpc(software.amazon.awssdk.services.ec2.model.Vpc v) {
        List<String> cidrs = v.cidrBlockAssociationSet().isEmpty() ? text(v.cidrBlock()).stream().toList()
                : v.cidrBlockAssociationSet().stream().map(a -> a.cidrBlock()).toList();
        List<String> ipv6 = v.ipv6CidrBlockAssociationSet().stream().map(a -> a.ipv6CidrBlock()).toList();
        return new Vpc(account, region, v.vpcId(), null, cidrs, ipv6, Boolean.TRUE.equals(v.isDefault()), tags(v.tags()));
    }

    Subnet subnet(software.amazon.awssdk.services.ec2.model.Subnet s) {
        List<String> ipv6 = s.ipv6CidrBlockAssociationSet().stream().map(a -> a.ipv6CidrBlock()).toList();
        return new Subnet(account, region, s.subnetId(), s.subnetArn(), s.vpcId(), s.availabilityZone(),
                text(s.cidrBlock()), ipv6, Optional.ofNullable(s.mapPublicIpOnLaunch()),
                Optional.ofNullable(s.assignIpv6AddressOnCreation()), tags(s.tags()));
    }

    RouteTable routeTable(software.amazon.awssdk.services.ec2.model.RouteTable t) {
        List<RouteTable.Route> routes = t.routes().stream().map(RouteTargets::route).toList();
        List<RouteTable.Association> associations = t.associations().stream()
                .map(a -> new RouteTable.Association(a.routeTableAssociationId(), Boolean.TRUE.equals(a.main()),
                        text(a.subnetId()), text(a.gatewayId())))
                .toList();
        return new RouteTable(account, region, t.routeTableId(), null, t.vpcId(), routes, associations, tags(t.tags()));
    }

    InternetGateway internetGateway(software.amazon.awssdk.services.ec2.model.InternetGateway g) {
        List<String> vpcs = g.attachments().stream().map(a -> a.vpcId()).toList();
        return new InternetGateway(account, region, g.internetGatewayId(), null, false, vpcs, tags(g.tags()));
    }

    InternetGateway egressOnlyGateway(software.amazon.awssdk.services.ec2.model.EgressOnlyInternetGateway g) {
        List<String> vpcs = g.attachments().stream().map(a -> a.vpcId()).toList();
        return new InternetGateway(account, region, g.egressOnlyInternetGatewayId(), null, true, vpcs, tags(g.tags()));
    }

    NatGateway natGateway(software.amazon.awssdk.services.ec2.model.NatGateway g) {
        return new NatGateway(account, region, g.natGatewayId(), null, g.vpcId(), g.subnetId(), g.stateAsString(),
                g.connectivityTypeAsString(), tags(g.tags()));
    }

    NetworkAcl networkAcl(software.amazon.awssdk.services.ec2.model.NetworkAcl n) {
        List<NetworkAcl.Entry> entries = n.entries().stream()
                .map(e -> new NetworkAcl.Entry(e.ruleNumber(), Boolean.TRUE.equals(e.egress()), e.protocol(),
                        e.ruleActionAsString(), text(e.cidrBlock()), text(e.ipv6CidrBlock()),
                        Optional.ofNullable(e.portRange()).filter(p -> p.from() != null && p.to() != null)
                                .map(p -> new NetworkAcl.PortRange(p.from(), p.to()))))
                .toList();
        List<String> subnets = n.associations().stream().map(a -> a.subnetId()).toList();
        return new NetworkAcl(account, region, n.networkAclId(), null, n.vpcId(), Boolean.TRUE.equals(n.isDefault()),
                entries, subnets, tags(n.tags()));
    }

    /** An endpoint; a field the answer lacks stays unknown (the policy, private DNS, even the service name). */
    VpcEndpoint vpcEndpoint(software.amazon.awssdk.services.ec2.model.VpcEndpoint e) {
        return new VpcEndpoint(account, region, e.vpcEndpointId(), null, e.vpcId(), text(e.serviceName()),
                text(e.vpcEndpointTypeAsString()), text(e.stateAsString()), Optional.ofNullable(e.privateDnsEnabled()),
                text(e.policyDocument()), e.hasSubnetIds() ? e.subnetIds() : List.of(), tags(e.tags()));
    }
}
