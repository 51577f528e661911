package io.hipaaaudit.bench.aws;

import io.hipaaaudit.inventory.Inventory;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;

/**
 * Resources per inventory type: what a complete collection of a {@link SyntheticAccount} must hold, and what an
 * inventory does hold. Egress-only gateways are internet gateways in the inventory; a trail is listed once per
 * region that shows it (the multi-region trail in every region); KMS keys are the customer keys plus the
 * AWS-managed keys RDS uses; parameter groups are the ones in use.
 */
public final class InventoryCounts {
    private InventoryCounts() {}

    public static Map<String, Long> expected(SyntheticAccount account) {
        Map<String, Long> out = new TreeMap<>();
        for (RegionModel m : account.regions()) {
            Set<String> usedKeys = new HashSet<>();
            m.dbInstances().forEach(i -> usedKeys.add(i.kmsKeyArn()));
            m.dbClusters().forEach(c -> usedKeys.add(c.kmsKeyArn()));
            Stream.concat(m.snapshots().stream(), m.clusterSnapshots().stream()).forEach(s -> usedKeys.add(s.kmsKeyArn()));
            add(out, "vpcs", m.vpcs().size());
            add(out, "subnets", m.subnets().size());
            add(out, "routeTables", m.routeTables().size());
            add(out, "internetGateways", m.internetGateways().size() + m.egressOnlyGateways().size());
            add(out, "natGateways", m.natGateways().size());
            add(out, "networkAcls", m.networkAcls().size());
            add(out, "securityGroups", m.securityGroups().size());
            add(out, "managedPrefixLists", m.prefixLists().size());
            add(out, "flowLogs", m.flowLogs().size());
            add(out, "networkInterfaces", m.networkInterfaces().size());
            add(out, "dbInstances", m.dbInstances().size());
            add(out, "dbClusters", m.dbClusters().size());
            add(out, "dbSnapshots", m.snapshots().size() + m.clusterSnapshots().size());
            add(out, "dbParameterGroups", m.instanceParameterGroups().size() + m.clusterParameterGroups().size());
            add(out, "dbSubnetGroups", m.subnetGroups().size());
            add(out, "kmsKeys", m.keys().stream().filter(k -> k.customer() || usedKeys.contains(k.arn())).count());
            add(out, "trails", m.trails().size());
        }
        return out;
    }

    public static Map<String, Long> collected(Inventory inv) {
        Map<String, ToLongFunction<Inventory>> sizes = Map.ofEntries(
                Map.entry("vpcs", i -> i.vpcs().size()), Map.entry("subnets", i -> i.subnets().size()),
                Map.entry("routeTables", i -> i.routeTables().size()),
                Map.entry("internetGateways", i -> i.internetGateways().size()),
                Map.entry("natGateways", i -> i.natGateways().size()), Map.entry("networkAcls", i -> i.networkAcls().size()),
                Map.entry("securityGroups", i -> i.securityGroups().size()),
                Map.entry("managedPrefixLists", i -> i.managedPrefixLists().size()),
                Map.entry("flowLogs", i -> i.flowLogs().size()),
                Map.entry("networkInterfaces", i -> i.networkInterfaces().size()),
                Map.entry("dbInstances", i -> i.dbInstances().size()), Map.entry("dbClusters", i -> i.dbClusters().size()),
                Map.entry("dbSnapshots", i -> i.dbSnapshots().size()),
                Map.entry("dbParameterGroups", i -> i.dbParameterGroups().size()),
                Map.entry("dbSubnetGroups", i -> i.dbSubnetGroups().size()), Map.entry("kmsKeys", i -> i.kmsKeys().size()),
                Map.entry("trails", i -> i.trails().size()));
        Map<String, Long> out = new TreeMap<>();
        sizes.forEach((name, size) -> out.put(name, size.applyAsLong(inv)));
        return out;
    }

    private static void add(Map<String, Long> out, String type, long n) {
        out.merge(type, n, Long::sum);
    }
}
