package io.hipaaaudit.bench;

import io.hipaaaudit.inventory.Inventory;
import io.hipaaaudit.inventory.aws.DbInstance;
import io.hipaaaudit.inventory.aws.DbSubnetGroup;
import io.hipaaaudit.inventory.aws.Endpoint;
import io.hipaaaudit.inventory.aws.ManagedPrefixList;
import io.hipaaaudit.inventory.aws.NetworkAcl;
import io.hipaaaudit.inventory.aws.NetworkInterface;
import io.hipaaaudit.inventory.aws.RouteTable;
import io.hipaaaudit.inventory.aws.SecurityGroup;
import io.hipaaaudit.inventory.aws.Subnet;
import io.hipaaaudit.inventory.aws.Vpc;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * One large VPC (10.0.0.0/8) for timing the network analysis: {@code subnets} /24 subnets, {@code groups} security
 * groups whose rules mix CIDRs, ::/0, prefix lists, port ranges and references to other groups, one interface per
 * group, a route table per 10 subnets (local, NAT or internet default, split defaults, peering, prefix lists,
 * blackholes), an ACL per 20 subnets with deny-before-allow entries, and a database per 4 subnets. Seeded.
 */
public final class SyntheticNetwork {
    private SyntheticNetwork() {}

    static final String A = "111122223333";
    static final String R = "us-east-1";

    public static Inventory of(int subnetCount, int groupCount, long seed) {
        Random rnd = new Random(seed);
        List<Vpc> vpcs = List.of(new Vpc(A, R, "vpc-1", null, List.of("10.0.0.0/8"), List.of("2600:1f18::/56"), false, null));
        List<ManagedPrefixList> lists = List.of(new ManagedPrefixList(A, R, "pl-office", null, "office", "IPv4", A,
                List.of(new ManagedPrefixList.Entry("81.2.69.0/24", "office"), new ManagedPrefixList.Entry("10.9.0.0/16", "vpn")), null));
        List<Subnet> subnets = new ArrayList<>();
        List<RouteTable> tables = new ArrayList<>();
        List<NetworkAcl> acls = new ArrayList<>();
        for (int i = 0; i < subnetCount; i++) {
            String cidr = "10." + (i / 256) + "." + (i % 256) + ".0/24";
            List<String> v6 = i % 3 == 0 ? List.of(String.format("2600:1f18:0:%x::/64", i % 256)) : List.of();
            subnets.add(new Subnet(A, R, "subnet-" + i, null, "vpc-1", "us-east-1a", Optional.of(cidr), v6,
                    Optional.of(rnd.nextInt(10) == 0), Optional.of(false), null));
        }
        for (int t = 0; t * 10 < subnetCount; t++) {
            List<RouteTable.Route> routes = new ArrayList<>();
            routes.add(route("10.0.0.0/8", "local", "local", "active"));
            switch (t % 6) {
                case 0 -> routes.add(route("0.0.0.0/0", "internet-gateway", "igw-1", "active"));
                case 1 -> routes.add(route("0.0.0.0/0", "nat-gateway", "nat-" + t, "active"));
                case 2 -> {
                    routes.add(route("0.0.0.0/1", "internet-gateway", "igw-1", "active"));
                    routes.add(route("128.0.0.0/1", "internet-gateway", "igw-1", "active"));
                }
                case 3 -> routes.add(route("::/0", "egress-only-internet-gateway", "eigw-1", "active"));
                case 4 -> routes.add(route("0.0.0.0/0", "internet-gateway", "igw-old", "blackhole"));
                default -> { }
            }
            routes.add(route("172.16." + (t % 256) + ".0/24", "vpc-peering-connection", "pcx-" + t, "active"));
            routes.add(new RouteTable.Route(null, null, Optional.of("pl-office"), "transit-gateway", "tgw-1", "active", null));
            List<RouteTable.Association> assoc = new ArrayList<>();
            for (int s = t * 10; s < Math.min(subnetCount, t * 10 + 10); s++) {
                if (s % 10 != 9) { // every tenth subnet falls back to the main table
                    assoc.add(new RouteTable.Association("a-" + s, false, Optional.of("subnet-" + s), null));
                }
            }
            if (t == 0) {
                assoc.add(new RouteTable.Association("a-main", true, null, null));
            }
            tables.add(new RouteTable(A, R, "rtb-" + t, null, "vpc-1", routes, assoc, null));
        }
        for (int n = 0; n * 20 < subnetCount; n++) {
            List<NetworkAcl.Entry> entries = new ArrayList<>();
            entries.add(new NetworkAcl.Entry(90, false, "6", "deny", Optional.of("0.0.0.0/0"), null,
                    Optional.of(new NetworkAcl.PortRange(5432, 5432))));
            entries.add(new NetworkAcl.Entry(80, false, "6", "allow", Optional.of("10.0.0.0/8"), null,
                    Optional.of(new NetworkAcl.PortRange(5000 + n, 6000))));
            for (int e = 0; e < 16; e++) {
                entries.add(new NetworkAcl.Entry(100 + e, false, "-1", e % 3 == 0 ? "deny" : "allow",
                        Optional.of("10." + e + ".0.0/16"), null, null));
            }
            entries.add(new NetworkAcl.Entry(200, false, "-1", "allow", Optional.of("0.0.0.0/0"), null, null));
            entries.add(new NetworkAcl.Entry(100, true, "6", "allow", Optional.of("0.0.0.0/0"), null,
                    Optional.of(new NetworkAcl.PortRange(1024, 65535))));
            List<String> ids = new ArrayList<>();
            for (int s = n * 20; s < Math.min(subnetCount, n * 20 + 20); s++) {
                ids.add("subnet-" + s);
            }
            acls.add(new NetworkAcl(A, R, "acl-" + n, null, "vpc-1", n == 0, entries, ids, null));
        }
        List<SecurityGroup> groups = new ArrayList<>();
        List<NetworkInterface> enis = new ArrayList<>();
        for (int g = 0; g < groupCount; g++) {
            List<SecurityGroup.Rule> rules = new ArrayList<>();
            rules.add(rule(g, 0, "tcp", 5432, 5432, Optional.empty(), Optional.of("sg-" + rnd.nextInt(groupCount))));
            rules.add(rule(g, 1, "tcp", 5432, 5432, Optional.of("10." + rnd.nextInt(8) + ".0.0/16"), Optional.empty()));
            rules.add(rule(g, 2, "tcp", 443, 443, Optional.of("0.0.0.0/0"), Optional.empty()));
            switch (g % 10) {
                case 0 -> rules.add(rule(g, 3, "-1", -1, -1, Optional.of("0.0.0.0/0"), Optional.empty()));
                case 1 -> rules.add(rule(g, 3, "tcp", 5000, 6000, Optional.of("::/0"), Optional.empty()));
                case 2 -> rules.add(new SecurityGroup.Rule(Optional.of("sgr-" + g + "-3"), "tcp", Optional.of(5432),
                        Optional.of(5432), null, null, Optional.of("pl-office"), null, Optional.of("office")));
                case 3 -> rules.add(rule(g, 3, "tcp", 5432, 5432, Optional.empty(), Optional.of("sg-" + g)));
                default -> { }
            }
            groups.add(new SecurityGroup(A, R, "sg-" + g, null, "group-" + g, "", "vpc-1", A, rules, List.of(), null));
            int s = rnd.nextInt(subnetCount);
            enis.add(new NetworkInterface(A, R, "eni-" + g, null, "vpc-1", "subnet-" + s,
                    List.of("10." + (s / 256) + "." + (s % 256) + "." + (10 + g % 200)), List.of(), null,
                    List.of("sg-" + g), "interface", "", null));
        }
        List<DbSubnetGroup> subnetGroups = new ArrayList<>();
        List<DbInstance> dbs = new ArrayList<>();
        for (int d = 0; d * 4 + 3 < subnetCount; d++) {
            subnetGroups.add(new DbSubnetGroup(A, R, "dbsg-" + d, null, "vpc-1",
                    List.of("subnet-" + (d * 4), "subnet-" + (d * 4 + 1), "subnet-" + (d * 4 + 2)), null));
            dbs.add(new DbInstance(A, R, "db-" + d, null, null, Optional.of("postgres"), "16.4", "db.r6g.large",
                    Optional.of("available"),
                    Optional.of(new Endpoint("db-" + d + ".example", 5432 + d % 3)), Optional.of(true),
                    Optional.of(d % 7 == 0), Optional.of("IPV4"), Optional.of(true), null, null, null, null, null,
                    Optional.of("dbsg-" + d), Optional.of(List.of("sg-" + rnd.nextInt(groupCount), "sg-" + rnd.nextInt(groupCount))),
                    null, null, null, null, null, null, null, null));
        }
        return new Inventory(null, null, null, null, vpcs, subnets, tables, null, null, acls, groups, lists, null, enis, null,
                dbs, null, null, null, subnetGroups, null, null, null, null, null, null, null, null, null);
    }

    private static RouteTable.Route route(String dest, String type, String target, String state) {
        boolean v6 = dest.contains(":");
        return new RouteTable.Route(v6 ? null : Optional.of(dest), v6 ? Optional.of(dest) : null, null, type, target,
                state, null);
    }

    private static SecurityGroup.Rule rule(int g, int n, String proto, int from, int to, Optional<String> cidr,
                                           Optional<String> group) {
        boolean v6 = cidr.map(c -> c.contains(":")).orElse(false);
        return new SecurityGroup.Rule(Optional.of("sgr-" + g + "-" + n), proto, Optional.of(from), Optional.of(to),
                v6 ? null : cidr, v6 ? cidr : null, null,
                group.map(id -> new SecurityGroup.GroupReference(id, null, null, null)), null);
    }

    static Map<String, Integer> sizes(Inventory inv) {
        return Map.of("subnets", inv.subnets().size(), "securityGroups", inv.securityGroups().size(),
                "routeTables", inv.routeTables().size(), "networkAcls", inv.networkAcls().size(),
                "networkInterfaces", inv.networkInterfaces().size(), "dbInstances", inv.dbInstances().size());
    }
}
