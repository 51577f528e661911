package io.hipaaaudit.analyse.network;

import io.hipaaaudit.inventory.Inventory;
import io.hipaaaudit.inventory.ResourceTypes;
import io.hipaaaudit.inventory.aws.DbCluster;
import io.hipaaaudit.inventory.aws.DbInstance;
import io.hipaaaudit.inventory.aws.Subnet;
import java.util.HashMap;
import java.util.HashSet;
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

    public NetworkFacts(Inventory inv) {
        this.inv = inv;
        this.index = new NetworkIndex(inv);
        inv.dbSubnetGroups().forEach(g -> g.subnetIds().forEach(id -> dbSubnets.add(NetworkIndex.key(g.account(),
                g.region(), id))));
        this.tables = new TableCache(index);
        this.reach = new DbReach(index, this::routing);
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
        f.put("network", DbNetworkFacts.of(reach.analyse(DbTarget.of(d))));
        return f;
    }

    public Map<String, Object> dbCluster(DbCluster c, Map<String, Object> f) {
        f.put("network", DbNetworkFacts.of(reach.analyse(DbTarget.of(c, inv.dbInstances()))));
        return f;
    }
}
