package io.hipaaaudit.bench.aws;

import static io.hipaaaudit.bench.aws.SyntheticAccount.id;

import io.hipaaaudit.bench.aws.RegionModel.Eni;
import io.hipaaaudit.bench.aws.RegionModel.FlowLog;
import io.hipaaaudit.bench.aws.RegionModel.Gateway;
import io.hipaaaudit.bench.aws.RegionModel.Nat;
import io.hipaaaudit.bench.aws.RegionModel.NetworkAcl;
import io.hipaaaudit.bench.aws.RegionModel.PrefixList;
import io.hipaaaudit.bench.aws.RegionModel.RouteTable;
import io.hipaaaudit.bench.aws.RegionModel.SecurityGroup;
import io.hipaaaudit.bench.aws.RegionModel.Subnet;
import io.hipaaaudit.bench.aws.RegionModel.SubnetGroup;
import io.hipaaaudit.bench.aws.RegionModel.Vpc;
import java.util.ArrayList;
import java.util.List;

/**
 * The EC2 networking of one generated region. VPC {@code j} is 10.j.0.0/16; its {@code k}-th subnet is 10.j.k.0/24
 * and its tier is k mod 4 (0 public, 1 private, 2–3 isolated). Isolated subnets get a route table each, except
 * every tenth, which falls back to the main table; they share a database ACL per pair.
 */
final class Network {
    private static final String[] ROLES = {"web", "internal", "admin", "peer"};

    final List<Vpc> vpcs = new ArrayList<>();
    final List<Subnet> subnets = new ArrayList<>();
    final List<RouteTable> routeTables = new ArrayList<>();
    final List<NetworkAcl> acls = new ArrayList<>();
    final List<Gateway> igws = new ArrayList<>();
    final List<Gateway> eigws = new ArrayList<>();
    final List<Nat> nats = new ArrayList<>();
    final List<FlowLog> flowLogs = new ArrayList<>();
    final List<SecurityGroup> groups = new ArrayList<>();
    final List<PrefixList> prefixLists = new ArrayList<>();
    final List<Eni> enis = new ArrayList<>();
    final List<SubnetGroup> subnetGroups = new ArrayList<>();
    private final int r;

    Network(int r, String region, int subnetCount, int groupCount) {
        this.r = r;
        int vpcCount = Math.max(1, (subnetCount + 19) / 20);
        if (groupCount < 3 * vpcCount) {
            throw new IllegalArgumentException("need at least 3 security groups per VPC in " + region);
        }
        prefixLists.add(new PrefixList(id("pl", r, 1), "office", SyntheticAccount.ACCOUNT,
                List.of("198.51.100.0/24", "203.0.113.0/24")));
        prefixLists.add(new PrefixList(id("pl", r, 2), "vpn", SyntheticAccount.ACCOUNT,
                List.of("10.200.0.0/16", "10.201.0.0/16", "10.202.0.0/16")));
        prefixLists.add(new PrefixList(id("pl", r, 3), "com.amazonaws." + region + ".s3", "AWS",
                List.of("52.216.0.0/15", "54.231.0.0/16", "3.5.0.0/19", "16.182.0.0/16")));
        prefixLists.add(new PrefixList(id("pl", r, 4), "com.amazonaws." + region + ".dynamodb", "AWS",
                List.of("52.94.0.0/22", "3.218.180.0/22")));
        for (int j = 0; j < vpcCount; j++) {
            vpcs.add(new Vpc(id("vpc", r, j), "10." + j + ".0.0/16"));
        }
        for (int i = 0; i < subnetCount; i++) {
            int j = i % vpcCount;
            int k = i / vpcCount;
            subnets.add(new Subnet(id("subnet", r, i), vpcs.get(j).id(), "10." + j + "." + k + ".0/24",
                    region + "abc".charAt(k % 3), k % 4 == 0));
        }
        for (int j = 0; j < vpcCount; j++) {
            vpc(j);
        }
        for (int i = 0; i < groupCount; i++) {
            int j = i % vpcCount;
            int slot = i / vpcCount;
            Vpc vpc = vpcs.get(j);
            String role = switch (slot) {
                case 0 -> j % 20 == 19 ? "default-open" : "default";
                case 1 -> "db";
                case 2 -> "lambda";
                default -> ROLES[slot % ROLES.length];
            };
            String peer = switch (role) {
                case "db" -> group(j, 2);
                case "peer", "default-open" -> group(j, role.equals("peer") ? 1 : 0);
                default -> null;
            };
            groups.add(new SecurityGroup(id("sg", r, i), slot == 0 ? "default" : role + "-" + slot, vpc.id(),
                    vpc.cidr(), role, peer, "admin".equals(role) ? prefixLists.get(0).id() : null));
        }
        for (int i = 0; i < groupCount; i++) {
            Subnet s = subnets.get(i % subnetCount);
            int j = i % subnetCount % vpcCount;
            String ip = s.cidr().substring(0, s.cidr().lastIndexOf('.')) + "." + (10 + (i / subnetCount) % 240);
            enis.add(new Eni(id("eni", r, i), s.id(), s.vpcId(), s.az(), ip, List.of(group(j, 2))));
        }
    }

    /** The id of the security group in {@code slot} of VPC {@code j} (0 default, 1 db, 2 lambda). */
    String group(int j, int slot) {
        return id("sg", r, (long) slot * vpcs.size() + j);
    }

    String dbGroup(int j) {
        return group(j, 1);
    }

    String subnetGroup(int j) {
        return "db-" + vpcs.get(j).id();
    }

    private void vpc(int j) {
        Vpc vpc = vpcs.get(j);
        List<Subnet> own = subnets.stream().filter(s -> s.vpcId().equals(vpc.id())).toList();
        List<String> publicIds = new ArrayList<>();
        List<String> privateIds = new ArrayList<>();
        List<Subnet> isolated = new ArrayList<>();
        for (int k = 0; k < own.size(); k++) {
            switch (k % 4) {
                case 0 -> publicIds.add(own.get(k).id());
                case 1 -> privateIds.add(own.get(k).id());
                default -> isolated.add(own.get(k));
            }
        }
        String igw = id("igw", r, j);
        String nat = id("nat", r, j);
        String s3 = prefixLists.get(2).id();
        igws.add(new Gateway(igw, vpc.id()));
        nats.add(new Nat(nat, vpc.id(), publicIds.get(0)));
        if (j % 5 == 0) {
            eigws.add(new Gateway(id("eigw", r, j), vpc.id()));
        }
        if (j % 10 != 9) {
            flowLogs.add(new FlowLog(id("fl", r, j), vpc.id()));
        }
        routeTables.add(new RouteTable(id("rtb", r, 3L * j), vpc.id(), vpc.cidr(), "main", null, List.of(), null));
        routeTables.add(new RouteTable(id("rtb", r, 3L * j + 1), vpc.id(), vpc.cidr(), "public", igw, publicIds, s3));
        routeTables.add(new RouteTable(id("rtb", r, 3L * j + 2), vpc.id(), vpc.cidr(), "private", nat, privateIds, null));
        List<String> dbSubnets = new ArrayList<>();
        List<String> azs = new ArrayList<>();
        for (int n = 0; n < isolated.size(); n++) {
            Subnet s = isolated.get(n);
            dbSubnets.add(s.id());
            azs.add(s.az());
            if (n % 10 != 0) {
                routeTables.add(new RouteTable(id("rtb", r, 1_000_000L + subnets.indexOf(s)), vpc.id(), vpc.cidr(),
                        "isolated", null, List.of(s.id()), null));
            }
            if (n % 2 == 1 || n == isolated.size() - 1) {
                acls.add(new NetworkAcl(id("acl", r, 1_000_000L + subnets.indexOf(s)), vpc.id(), vpc.cidr(), false,
                        List.copyOf(dbSubnets.subList(dbSubnets.size() - 1 - n % 2, dbSubnets.size()))));
            }
        }
        List<String> open = new ArrayList<>(publicIds);
        open.addAll(privateIds);
        acls.add(new NetworkAcl(id("acl", r, j), vpc.id(), vpc.cidr(), true, open));
        if (!dbSubnets.isEmpty()) {
            subnetGroups.add(new SubnetGroup(subnetGroup(j), vpc.id(), List.copyOf(dbSubnets), List.copyOf(azs)));
        }
    }
}
