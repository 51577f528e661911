package io.hipaaaudit.analyse.network;

import io.hipaaaudit.inventory.aws.SecurityGroup;
import java.util.Optional;

/**
 * One source a database security group admits on the database port: an address range (a CIDR, or one entry of
 * a prefix list) or a referenced security group.
 *
 * @param cidr      the range, for {@code cidr} and {@code prefix-list} sources
 * @param group     the referenced group, for {@code group} sources
 * @param crossVpc  the referenced group lives in another VPC or account (across a peering connection)
 * @param insideVpc the range lies wholly inside the database VPC's CIDR blocks
 */
public record Ingress(SecurityGroup securityGroup, SecurityGroup.Rule rule, String kind, Optional<Cidr> cidr,
                      Optional<SecurityGroup.GroupReference> group, boolean crossVpc, boolean insideVpc) {

    public boolean isPublic() {
        return cidr.map(PublicSpace::hasPublic).orElse(false);
    }

    public String source() {
        if (group.isPresent()) {
            SecurityGroup.GroupReference g = group.get();
            return g.groupId() + (g.groupId().equals(securityGroup.id()) ? " (itself)" : "")
                    + g.vpcPeeringConnectionId().map(p -> " via " + p).orElse("");
        }
        return rule.prefixListId().map(p -> p + " " + cidr.get()).orElse(cidr.get().toString());
    }

    /** {@code sg-1 sgr-1 "from lambdas" tcp/5432}: the rule as an auditor finds it in the console. */
    public String ruleLabel() {
        return securityGroup.id() + " " + rule.ruleId().orElse("(rule)")
                + rule.description().map(d -> " \"" + d + "\"").orElse("") + " "
                + Ports.label(rule.protocol(), rule.fromPort().orElse(-1), rule.toPort().orElse(-1));
    }

    public String text() {
        return ruleLabel() + " from " + source();
    }
}
