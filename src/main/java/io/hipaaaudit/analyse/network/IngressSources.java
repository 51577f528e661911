package io.hipaaaudit.analyse.network;

import io.hipaaaudit.inventory.aws.ManagedPrefixList;
import io.hipaaaudit.inventory.aws.SecurityGroup;
import io.hipaaaudit.inventory.aws.Vpc;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The sources the database's security groups admit on its port: every inbound rule with protocol -1, or TCP with
 * a port range holding the port, expanded to one source per CIDR, prefix-list entry or referenced group.
 */
public final class IngressSources {
    private IngressSources() {}

    /** Empty when a security group or a prefix list a rule names was not observed, or a CIDR is unreadable. */
    public static Optional<List<Ingress>> of(String account, String region, List<String> groupIds, int port, Vpc vpc,
                                             NetworkIndex index) {
        List<Cidr> vpcCidrs = new ArrayList<>();
        List<Ingress> out = new ArrayList<>();
        try {
            vpc.cidrBlocks().forEach(c -> vpcCidrs.add(Cidr.parse(c)));
            vpc.ipv6CidrBlocks().forEach(c -> vpcCidrs.add(Cidr.parse(c)));
            for (String id : groupIds) {
                Optional<SecurityGroup> g = index.group(account, region, id);
                if (g.isEmpty()) {
                    return Optional.empty();
                }
                for (SecurityGroup.Rule r : g.get().ingress()) {
                    if (Ports.admits(r, port) && !expand(g.get(), r, vpc, vpcCidrs, index, out)) {
                        return Optional.empty();
                    }
                }
            }
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.of(out);
    }

    private static boolean expand(SecurityGroup g, SecurityGroup.Rule r, Vpc vpc, List<Cidr> vpcCidrs,
                                  NetworkIndex index, List<Ingress> out) {
        List<String> ranges = new ArrayList<>();
        r.cidrIpv4().ifPresent(ranges::add);
        r.cidrIpv6().ifPresent(ranges::add);
        if (r.prefixListId().isPresent()) {
            Optional<ManagedPrefixList> list = index.prefixList(g.account(), g.region(), r.prefixListId().get());
            if (list.isEmpty()) {
                return false;
            }
            list.get().entries().forEach(e -> ranges.add(e.cidr()));
        }
        String kind = r.prefixListId().isPresent() ? "prefix-list" : "cidr";
        for (String range : ranges) {
            Cidr c = Cidr.parse(range);
            boolean inside = vpcCidrs.stream().anyMatch(v -> v.contains(c));
            out.add(new Ingress(g, r, kind, Optional.of(c), Optional.empty(), false, inside));
        }
        r.referencedGroup().ifPresent(ref -> out.add(new Ingress(g, r, "group", Optional.empty(), Optional.of(ref),
                crossVpc(g, ref, vpc, index), false)));
        return true;
    }

    /**
     * A reference crosses VPCs when it names a peering connection, another account, or a group observed in
     * another VPC. A group we did not observe in our own account is taken to be local only when nothing says
     * otherwise, since AWS only accepts same-VPC or peered references.
     */
    private static boolean crossVpc(SecurityGroup g, SecurityGroup.GroupReference ref, Vpc vpc, NetworkIndex index) {
        if (ref.vpcPeeringConnectionId().isPresent()) {
            return true;
        }
        if (ref.userId().filter(u -> !u.equals(g.account())).isPresent()) {
            return true;
        }
        if (ref.vpcId().filter(v -> !v.equals(vpc.id())).isPresent()) {
            return true;
        }
        return index.group(g.account(), g.region(), ref.groupId()).map(r -> !r.vpcId().equals(vpc.id())).orElse(false);
    }
}
