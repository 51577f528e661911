package io.hipaaaudit.engine;

import io.hipaaaudit.inventory.Inventory;
import io.hipaaaudit.inventory.aws.DbSubnetGroup;
import io.hipaaaudit.inventory.aws.FlowLog;
import io.hipaaaudit.inventory.aws.NetworkInterface;
import io.hipaaaudit.inventory.aws.Subnet;
import io.hipaaaudit.inventory.aws.Vpc;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Per-VPC lookups built once: which of its subnets hold databases, which network interfaces are the databases'
 * (RDS gives its interfaces the description {@code RDSNetworkInterface}), and which flow logs watch the VPC, those
 * subnets or those interfaces.
 */
final class VpcIndex {
    static final String RDS_INTERFACE = "RDSNetworkInterface";

    private final Map<String, TreeSet<String>> dbSubnetsByVpc = new HashMap<>();
    private final Map<String, List<NetworkInterface>> interfacesByVpc;
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
        interfacesByVpc = inv.networkInterfaces().stream().filter(n -> n.description().equals(RDS_INTERFACE))
                .collect(Collectors.groupingBy(n -> key(n.account(), n.region(), n.vpcId())));
        flowLogsByResource = inv.flowLogs().stream()
                .collect(Collectors.groupingBy(l -> key(l.account(), l.region(), l.resourceId())));
    }

    List<String> dbSubnetIds(Vpc vpc) {
        return List.copyOf(dbSubnetsByVpc.getOrDefault(key(vpc.account(), vpc.region(), vpc.id()), new TreeSet<>()));
    }

    /** The database network interfaces in the VPC's database subnets, by id. */
    List<NetworkInterface> dbInterfaces(Vpc vpc) {
        List<String> subnets = dbSubnetIds(vpc);
        return interfacesByVpc.getOrDefault(key(vpc.account(), vpc.region(), vpc.id()), List.of()).stream()
                .filter(n -> subnets.contains(n.subnetId()))
                .sorted(Comparator.comparing(NetworkInterface::id)).toList();
    }

    /** The flow logs on the VPC itself, on its database subnets and on its database interfaces. */
    List<FlowLog> flowLogs(Vpc vpc) {
        Stream<String> watched = Stream.concat(Stream.of(vpc.id()),
                Stream.concat(dbSubnetIds(vpc).stream(), dbInterfaces(vpc).stream().map(NetworkInterface::id)));
        return watched.distinct()
                .flatMap(id -> flowLogsByResource.getOrDefault(key(vpc.account(), vpc.region(), id), List.of()).stream())
                .toList();
    }

    private static String key(String account, String region, String id) {
        return account + "|" + region + "|" + id;
    }
}
