package io.hipaaaudit.collect.aws;

import static io.hipaaaudit.collect.aws.Ec2NetworkMapper.tags;
import static io.hipaaaudit.collect.aws.Tags.text;

import io.hipaaaudit.inventory.aws.FlowLog;
import io.hipaaaudit.inventory.aws.NetworkInterface;
import io.hipaaaudit.inventory.aws.SecurityGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.ManagedPrefixList;

/** Maps EC2 security models to inventory records, one rule per source as the inventory wants them. */
final class Ec2SecurityMapper {
    private final String account;
    private final String region;

    Ec2SecurityMapper(String account, String region) {
        this.account = account;
        this.region = region;
    }

    SecurityGroup securityGroup(software.amazon.awssdk.services.ec2.model.SecurityGroup g) {
        return new SecurityGroup(account, region, g.groupId(), g.securityGroupArn(), g.groupName(), g.description(),
                g.vpcId(), g.ownerId(), flatten(g.ipPermissions()), flatten(g.ipPermissionsEgress()), tags(g.tags()));
    }

    /** One IpPermission can list many CIDRs, prefix lists and groups; each becomes its own rule. */
    static List<SecurityGroup.Rule> flatten(List<IpPermission> permissions) {
        List<SecurityGroup.Rule> rules = new ArrayList<>();
        for (IpPermission p : permissions) {
            boolean allPorts = "-1".equals(p.ipProtocol());
            Optional<Integer> from = allPorts ? Optional.empty() : Optional.ofNullable(p.fromPort());
            Optional<Integer> to = allPorts ? Optional.empty() : Optional.ofNullable(p.toPort());
            String proto = p.ipProtocol();
            p.ipRanges().forEach(r -> rules.add(new SecurityGroup.Rule(Optional.empty(), proto, from, to,
                    text(r.cidrIp()), Optional.empty(), Optional.empty(), Optional.empty(), text(r.description()))));
            p.ipv6Ranges().forEach(r -> rules.add(new SecurityGroup.Rule(Optional.empty(), proto, from, to,
                    Optional.empty(), text(r.cidrIpv6()), Optional.empty(), Optional.empty(), text(r.description()))));
            p.prefixListIds().forEach(r -> rules.add(new SecurityGroup.Rule(Optional.empty(), proto, from, to,
                    Optional.empty(), Optional.empty(), text(r.prefixListId()), Optional.empty(),
                    text(r.description()))));
            p.userIdGroupPairs().forEach(r -> rules.add(new SecurityGroup.Rule(Optional.empty(), proto, from, to,
                    Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.of(new SecurityGroup.GroupReference(r.groupId(), text(r.userId()), text(r.vpcId()),
                            text(r.vpcPeeringConnectionId()))),
                    text(r.description()))));
        }
        return rules;
    }

    io.hipaaaudit.inventory.aws.ManagedPrefixList prefixList(ManagedPrefixList p,
            List<io.hipaaaudit.inventory.aws.ManagedPrefixList.Entry> entries) {
        return new io.hipaaaudit.inventory.aws.ManagedPrefixList(account, region, p.prefixListId(), p.prefixListArn(), p.prefixListName(),
                p.addressFamily(), p.ownerId(), entries, tags(p.tags()));
    }

    FlowLog flowLog(software.amazon.awssdk.services.ec2.model.FlowLog f) {
        return new FlowLog(account, region, f.flowLogId(), null, f.resourceId(), f.trafficTypeAsString(),
                f.flowLogStatus(), f.deliverLogsStatus(),
                java.util.Optional.ofNullable(f.deliverLogsErrorMessage()).filter(m -> !m.isBlank())
                        .map(io.hipaaaudit.redact.Redaction::text),
                f.logDestinationTypeAsString(), tags(f.tags()));
    }

    NetworkInterface networkInterface(software.amazon.awssdk.services.ec2.model.NetworkInterface n) {
        List<String> privateIps = n.privateIpAddresses().stream().map(a -> a.privateIpAddress()).toList();
        List<String> ipv6 = n.ipv6Addresses().stream().map(a -> a.ipv6Address()).toList();
        Optional<String> publicIp = Optional.ofNullable(n.association()).flatMap(a -> text(a.publicIp()));
        List<String> groups = n.groups().stream().map(g -> g.groupId()).toList();
        return new NetworkInterface(account, region, n.networkInterfaceId(), null, n.vpcId(), n.subnetId(),
                privateIps, ipv6, publicIp, groups, n.interfaceTypeAsString(), n.description(), tags(n.tagSet()));
    }
}
