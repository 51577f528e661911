package io.hipaaaudit.analyse.network;

import io.hipaaaudit.inventory.ResourceTypes;
import io.hipaaaudit.inventory.aws.DbSubnetGroup;
import io.hipaaaudit.inventory.aws.NetworkAcl;
import io.hipaaaudit.inventory.aws.Subnet;
import io.hipaaaudit.inventory.aws.Vpc;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Who can reach one database's port, and how: its security groups' sources, combined for each of its subnets
 * with that subnet's ACL and route table. RDS may place the endpoint in any subnet of the group (and moves it
 * on failover), so a path through any of them counts.
 */
public final class DbReach {
    private final NetworkIndex index;
    private final Function<Subnet, Optional<SubnetRouting>> routing;

    public DbReach(NetworkIndex index, Function<Subnet, Optional<SubnetRouting>> routing) {
        this.index = index;
        this.routing = routing;
    }

    public DbNetwork analyse(DbTarget db) {
        String a = db.account();
        String r = db.region();
        Optional<DbSubnetGroup> group = index.unknown(ResourceTypes.DB_SUBNET_GROUP, a, r) ? Optional.empty()
                : db.subnetGroup().flatMap(n -> index.subnetGroup(a, r, n));
        if (group.isEmpty()) {
            return new DbNetwork(db.port(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty());
        }
        List<String> ids = group.get().subnetIds().stream().sorted().toList();
        Optional<Vpc> vpc = index.unknown(ResourceTypes.VPC, a, r) ? Optional.empty()
                : index.vpc(a, r, group.get().vpcId());
        Optional<List<SubnetReach>> reach = subnets(db, ids);
        Optional<Map<String, String>> tiers = reach.map(list -> {
            Map<String, String> m = new LinkedHashMap<>();
            list.forEach(s -> m.put(s.subnetId(), s.routing().tier().map(Enum::name).orElse("UNKNOWN")));
            return m;
        }).filter(m -> !m.containsValue("UNKNOWN"));
        // A prefix list that a rule references but that was not observed leaves the sources unknown (see
        // IngressSources); a failed prefix-list listing alone does not.
        boolean groupsKnown = !index.unknown(ResourceTypes.SECURITY_GROUP, a, r);
        Optional<List<Ingress>> ingress = db.port().isEmpty() || vpc.isEmpty() || !groupsKnown
                || db.groupIds().isEmpty() ? Optional.empty()
                : IngressSources.of(a, r, db.groupIds().get(), db.port().get(), vpc.get(), index);
        Optional<List<Path>> paths = reach.isEmpty() || ingress.isEmpty() || tiers.isEmpty() ? Optional.empty()
                : paths(reach.get(), ingress.get(), db.port().get());
        Optional<List<String>> aclOpen = reach.isEmpty() || db.port().isEmpty() ? Optional.empty()
                : aclOpenToPublic(reach.get(), db.port().get());
        return new DbNetwork(db.port(), Optional.of(group.get().vpcId()), Optional.of(ids), tiers, ingress, paths,
                aclOpen);
    }

    /** Each DB subnet with its routing and ACL; empty when any of them was not observed. */
    private Optional<List<SubnetReach>> subnets(DbTarget db, List<String> ids) {
        String a = db.account();
        String r = db.region();
        if (index.unknown(ResourceTypes.SUBNET, a, r) || index.unknown(ResourceTypes.NETWORK_ACL, a, r)) {
            return Optional.empty();
        }
        List<SubnetRouting> routings = new ArrayList<>();
        List<NetworkAcl> acls = new ArrayList<>();
        for (String id : ids) {
            Optional<Subnet> s = index.subnet(a, r, id);
            Optional<SubnetRouting> rt = s.flatMap(routing);
            Optional<NetworkAcl> acl = s.flatMap(index::acl);
            if (rt.isEmpty() || acl.isEmpty()) {
                return Optional.empty();
            }
            routings.add(rt.get());
            acls.add(acl.get());
        }
        Ipv6Endpoint v6 = Ipv6Endpoint.of(db.networkType(), db.publiclyAccessible(),
                routings.stream().anyMatch(SubnetRouting::hasV6));
        List<SubnetReach> out = new ArrayList<>();
        for (int i = 0; i < routings.size(); i++) {
            out.add(new SubnetReach(routings.get(i), acls.get(i), db.port().orElse(-1), db.publiclyAccessible(), v6));
        }
        return Optional.of(out);
    }

    private Optional<List<Path>> paths(List<SubnetReach> subnets, List<Ingress> ingress, int port) {
        List<Path> out = new ArrayList<>();
        try {
            for (SubnetReach s : subnets) {
                for (Ingress in : ingress) {
                    if (in.group().isPresent()) {
                        out.addAll(GroupReach.paths(s, in, index, port));
                        continue;
                    }
                    Optional<List<Path>> p = s.fromRange(in);
                    if (p.isEmpty()) {
                        return Optional.empty();
                    }
                    out.addAll(p.get());
                }
            }
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // an unreadable CIDR in an ACL, subnet or interface
        }
        return Optional.of(out);
    }

    /** One line per ACL entry that lets a public address in on the port, naming the first such address. */
    private static Optional<List<String>> aclOpenToPublic(List<SubnetReach> subnets, int port) {
        Map<String, String> out = new LinkedHashMap<>();
        try {
            for (SubnetReach s : subnets) {
                for (Cidr world : List.of(Cidr.ALL_V4, Cidr.ALL_V6)) {
                    for (AclEvaluation.Decision d : AclEvaluation.allowedIn(s.acl(), world, port)) {
                        String entry = d.label(s.acl().id()) + " "
                                + AclEvaluation.cidr(d.entry().orElseThrow(), world.v6()).orElseThrow();
                        PublicSpace.firstPublic(d.part()).ifPresent(p -> out.putIfAbsent(s.subnetId() + entry,
                                entry + " admits " + p + " on tcp/" + port + " into " + s.subnetId()));
                    }
                }
            }
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.of(List.copyOf(out.values()));
    }
}
