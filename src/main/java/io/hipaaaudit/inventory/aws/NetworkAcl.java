package io.hipaaaudit.inventory.aws;

import io.hipaaaudit.inventory.Nulls;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A network ACL with its entries (evaluated by rule number, first match wins) and the subnets it governs. */
public record NetworkAcl(String account, String region, String id, String arn, String vpcId, boolean defaultAcl,
                         List<Entry> entries, List<String> subnetIds, Map<String, String> tags) implements AwsResource {
    public NetworkAcl {
        account = Nulls.required(account, "account");
        region = Nulls.required(region, "region");
        id = Nulls.required(id, "id");
        arn = arn == null ? Arns.ec2(region, account, "network-acl", id) : arn;
        vpcId = Nulls.str(vpcId);
        entries = Nulls.list(entries);
        subnetIds = Nulls.list(subnetIds);
        tags = Nulls.sorted(tags);
    }

    /**
     * One entry. {@code protocol} is the IANA number as a string, {@code -1} for all. {@code action} is
     * {@code allow} or {@code deny}. Port range is present for TCP/UDP only.
     */
    public record Entry(int ruleNumber, boolean egress, String protocol, String action, Optional<String> cidrBlock,
                        Optional<String> ipv6CidrBlock, Optional<PortRange> portRange) {
        public Entry {
            protocol = Nulls.str(protocol);
            action = Nulls.str(action);
            cidrBlock = Nulls.opt(cidrBlock);
            ipv6CidrBlock = Nulls.opt(ipv6CidrBlock);
            portRange = Nulls.opt(portRange);
        }
    }

    public record PortRange(int from, int to) {}
}
