package io.hipaaaudit.analyse.network;

import io.hipaaaudit.inventory.Inventory;
import io.hipaaaudit.inventory.ResourceTypes;
import io.hipaaaudit.inventory.aws.DbCluster;
import io.hipaaaudit.inventory.aws.DbInstance;
import io.hipaaaudit.inventory.aws.LambdaFunction;
import io.hipaaaudit.inventory.aws.Subnet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The network analysis as rule facts, built once per scan: {@code resource.tier} and friends on subnets,
 * {@code resource.network} on DB instances and clusters. A fact is left out, never defaulted, when its inputs
 * were not observed; see {@link DbNetworkFacts} for the names.
 */
public final class NetworkFacts {
    private final Inventory inv;
    private final NetworkIndex index;
    private final Map<String, Optional<SubnetRouting>> routing = new HashMap<>();
    private final Set<String> dbSubnets = new HashSet<>();
    private final TableCache tables;
    private final DbReach reach;
    /** Per (account, region, security group id), the names of the Lambda functions that use the group. */
    private final Map<String, List<String>> functionsByGroup = new HashMap<>();
    /** Per database ARN, its network analysis (the database facts and the function facts share it). */
    private final Map<String, DbNetwork> analysed = new HashMap<>();

    public NetworkFacts(Inventory inv) {
        this.inv = inv;
        this.index = new NetworkIndex(inv);
        inv.dbSubnetGroups().forEach(g -> g.subnetIds().forEach(id -> dbSubnets.add(NetworkIndex.key(g.account(),
                g.region(), id))));
        this.tables = new TableCache(index);
        this.reach = new DbReach(index, this::routing);
        inv.lambdaFunctions().forEach(fn -> fn.securityGroupIds().orElse(List.of()).forEach(g -> functionsByGroup
                .computeIfAbsent(NetworkIndex.key(fn.account(), fn.region(), g), k -> new ArrayList<>()).add(fn.id())));
        functionsByGroup.values().forEach(names -> names.sort(null));
    }

    private synchronized DbNetwork analyse(String arn, java.util.function.Supplier<DbTarget> target) {
        DbNetwork n = analysed.get(arn);
        if (n == null) {
            n = reach.analyse(target.get());
            analysed.put(arn, n);
        }
        return n;
    }

    /** The functions (by name) that use a security group of the account and region. */
    private List<String> functions(String account, String region, String groupId) {
        return functionsByGroup.getOrDefault(NetworkIndex.key(account, region, groupId), List.of());
    }

    private synchronized Optional<SubnetRouting> routing(Subnet s) {
        return routing.computeIfAbsent(NetworkIndex.key(s.account(), s.region(), s.id()),
                k -> SubnetRouting.of(s, index, tables));
    }

    /** Adds tier, tiers, routeTableId, routeTableMain, tierDecidedBy, networkAclId and dbSubnet to a subnet's facts. */
    public Map<String, Object> subnet(Subnet s, Map<String, Object> f) {
        routing(s).ifPresent(r -> {
            f.put("routeTableId", r.table().id());
            f.put("routeTableMain", r.mainTable());
            Map<String, Object> tiers = new HashMap<>();
            r.ipv4().ifPresent(t -> tiers.put("ipv4", t.tier().name()));
            r.ipv6().ifPresent(t -> tiers.put("ipv6", t.tier().name()));
            f.put("tiers", tiers);
            r.tier().ifPresent(t -> f.put("tier", t.name()));
            r.tier().ifPresent(t -> f.put("tierDecidedBy", decidedBy(r)));
        });
        if (!index.unknown(ResourceTypes.NETWORK_ACL, s.account(), s.region())) {
            index.acl(s).ifPresent(a -> f.put("networkAclId", a.id()));
        }
        if (!index.unknown(ResourceTypes.DB_SUBNET_GROUP, s.account(), s.region())) {
            f.put("dbSubnet", dbSubnets.contains(NetworkIndex.key(s.account(), s.region(), s.id())));
        }
        return f;
    }

    private static List<String> decidedBy(SubnetRouting r) {
        List<String> out = new java.util.ArrayList<>();
        r.ipv4().ifPresent(t -> t.decidedBy().ifPresent(d -> out.add("IPv4 " + t.tier() + ": " + d + " (e.g. to "
                + t.example().orElse("") + ")")));
        r.ipv6().ifPresent(t -> t.decidedBy().ifPresent(d -> out.add("IPv6 " + t.tier() + ": " + d + " (e.g. to "
                + t.example().orElse("") + ")")));
        if (out.isEmpty()) {
            out.add(r.table().id() + ": local routes only");
        }
        return out;
    }

    public Map<String, Object> dbInstance(DbInstance d, Map<String, Object> f) {
        f.put("network", DbNetworkFacts.of(analyse(d.arn(), () -> DbTarget.of(d)),
                g -> functions(d.account(), d.region(), g)));
        return f;
    }

    public Map<String, Object> dbCluster(DbCluster c, Map<String, Object> f) {
        f.put("network", DbNetworkFacts.of(analyse(c.arn(), () -> DbTarget.of(c, inv.dbInstances())),
                g -> functions(c.account(), c.region(), g)));
        return f;
    }

    /**
     * Adds {@code inVpc}, {@code subnetTiers} (subnet id to tier, the same classification as the DB subnets';
     * empty outside a VPC, absent when a subnet's tier is unknown), and {@code databases} / {@code usesDatabase}
     * (absent while the function's security groups are unknown) to a Lambda function's facts. A function uses a
     * database of its account and region when one of its security groups is a source that a DB security group
     * admits on the database port, or when it runs in the database's VPC (it may reach the database by an address
     * range rule).
     */
    public Map<String, Object> lambdaFunction(LambdaFunction fn, Map<String, Object> f) {
        f.put("inVpc", fn.inVpc());
        Map<String, Object> tiers = new LinkedHashMap<>();
        boolean known = true;
        for (String id : fn.subnetIds()) {
            Optional<Tier> tier = index.subnet(fn.account(), fn.region(), id).flatMap(this::routing)
                    .flatMap(SubnetRouting::tier);
            known &= tier.isPresent();
            tier.ifPresent(t -> tiers.put(id, t.name()));
        }
        if (known) {
            f.put("subnetTiers", tiers);
        }
        fn.securityGroupIds().ifPresent(groups -> {
            List<Map<String, Object>> dbs = new ArrayList<>();
            for (DbInstance d : inv.dbInstances()) {
                if (d.dbClusterIdentifier().isEmpty()) {
                    used(fn, groups, "instance", d.id(), d.arn(), d.account(), d.region(),
                            () -> analyse(d.arn(), () -> DbTarget.of(d))).ifPresent(dbs::add);
                }
            }
            for (DbCluster c : inv.dbClusters()) {
                used(fn, groups, "cluster", c.id(), c.arn(), c.account(), c.region(),
                        () -> analyse(c.arn(), () -> DbTarget.of(c, inv.dbInstances()))).ifPresent(dbs::add);
            }
            f.put("databases", dbs);
            f.put("usesDatabase", !dbs.isEmpty());
        });
        return f;
    }

    private static Optional<Map<String, Object>> used(LambdaFunction fn, List<String> groups, String kind, String id,
                                                      String arn, String account, String region,
                                                      java.util.function.Supplier<DbNetwork> network) {
        if (!account.equals(fn.account()) || !region.equals(fn.region())) {
            return Optional.empty();
        }
        DbNetwork n = network.get();
        Optional<String> via = n.ingress().flatMap(in -> in.stream()
                .filter(i -> i.group().filter(g -> groups.contains(g.groupId())).isPresent()).findFirst()
                .map(i -> "security group " + i.group().get().groupId() + " admitted on port "
                        + n.port().map(String::valueOf).orElse("?") + " by " + i.securityGroup().id()));
        if (via.isEmpty() && fn.vpcId().isPresent() && n.vpcId().equals(fn.vpcId())) {
            via = Optional.of("in the database's VPC " + fn.vpcId().get());
        }
        return via.map(v -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", id);
            m.put("arn", arn);
            m.put("kind", kind);
            m.put("via", v);
            return m;
        });
    }
}
