package io.hipaaaudit.inventory.aws;

import io.hipaaaudit.inventory.Nulls;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A security group. Rules are flattened to one source each (as DescribeSecurityGroupRules returns them), so a
 * finding can name the exact rule.
 */
public record SecurityGroup(String account, String region, String id, String arn, String name, String description,
                            String vpcId, String ownerId, List<Rule> ingress, List<Rule> egress,
                            Map<String, String> tags) implements AwsResource {
    public SecurityGroup {
        account = Nulls.required(account, "account");
        region = Nulls.required(region, "region");
        id = Nulls.required(id, "id");
        arn = arn == null ? Arns.ec2(region, account, "security-group", id) : arn;
        name = Nulls.str(name);
        description = Nulls.str(description);
        vpcId = Nulls.str(vpcId);
        ownerId = ownerId == null ? account : ownerId;
        ingress = Nulls.list(ingress);
        egress = Nulls.list(egress);
        tags = Nulls.sorted(tags);
    }

    /**
     * One rule with exactly one source/destination: an IPv4 CIDR, an IPv6 CIDR, a managed prefix list or a
     * referenced security group. {@code protocol} is {@code -1} (all), {@code tcp}, {@code udp}, {@code icmp},
     * {@code icmpv6} or an IANA number; ports are absent for {@code -1}.
     */
    public record Rule(Optional<String> ruleId, String protocol, Optional<Integer> fromPort, Optional<Integer> toPort,
                       Optional<String> cidrIpv4, Optional<String> cidrIpv6, Optional<String> prefixListId,
                       Optional<GroupReference> referencedGroup, Optional<String> description) {
        public Rule {
            ruleId = Nulls.opt(ruleId);
            protocol = Nulls.str(protocol);
            fromPort = Nulls.opt(fromPort);
            toPort = Nulls.opt(toPort);
            cidrIpv4 = Nulls.opt(cidrIpv4);
            cidrIpv6 = Nulls.opt(cidrIpv6);
            prefixListId = Nulls.opt(prefixListId);
            referencedGroup = Nulls.opt(referencedGroup);
            description = Nulls.opt(description);
        }
    }

    public record GroupReference(String groupId, Optional<String> userId, Optional<String> vpcId,
                                 Optional<String> vpcPeeringConnectionId) {
        public GroupReference {
            groupId = Nulls.str(groupId);
            userId = Nulls.opt(userId);
            vpcId = Nulls.opt(vpcId);
            vpcPeeringConnectionId = Nulls.opt(vpcPeeringConnectionId);
        }
    }
}
