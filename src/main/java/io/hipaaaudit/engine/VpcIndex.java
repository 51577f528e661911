package io.hipaaaudit.engine;

import io.hipaaaudit.inventory.Inventory;
import io.hipaaaudit.inventory.aws.DbSubnetGroup;
import io.hipaaaudit.inventory.aws.FlowLog;
import io.hipaaaudit.inventory.aws.Subnet;
import io.hipaaaudit.inventory.aws.Vpc;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Per-VPC lookups built once: which of its subnets hold databases, and which flow logs watch it. */
final class VpcIndex {
    private final Map<String, TreeSet<String>> dbSubnetsByVpc = new HashMap<>();
    private final Map<String, List<FlowLog>> flowLogsByResource;

    VpcIndex(Inventory inv) {
        Map<String, String> vpcOfSubnet = new HashMap<>();
        for (Subnet s : inv.subnets()) {
            vpcOfSubnet.put(key(s.account(), s.region(), s.id()), s.vpcId());
        }
        for (DbSubnetGroup g : inv.dbSubnetGroups()) {
            for (String subnetId : g.subnetIds()) {
                String vpcId = vpcOfSubnet.getOrDefault(key(g.account(), g.region(), subnetId), g.vpcId());
                dbSubnetsByVpc.computeIfAbsent(key(g.account(), g.region(), vpcId), k -> new TreeSet<>()).add(subnetId);
            }
        }
        flowLogsByResource = inv.flowLogs().stream()
                .collect(Collectors.groupingBy(l -> key(l.account(), l.region(), l.resourceId())));
    }

    List<String> dbSubnetIds(Vpc vpc) {
        return List.copyOf(dbSubnetsByVpc.getOrDefault(key(vpc.account(), vpc.region(), vpc.id()), new TreeSet<>()));
    }

    List<FlowLog> flowLogs(Vpc vpc) {
        return flowLogsByResource.getOrDefault(key(vpc.account(), vpc.region(), vpc.id()), List.of());
    }

    private static String key(String account, String region, String id) {
        return account + "|" + region + "|" + id;
    }
}
