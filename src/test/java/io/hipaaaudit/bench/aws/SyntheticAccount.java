package io.hipaaaudit.bench.aws;

import io.hipaaaudit.bench.aws.RegionModel.Alias;
import io.hipaaaudit.bench.aws.RegionModel.DbCluster;
import io.hipaaaudit.bench.aws.RegionModel.DbInstance;
import io.hipaaaudit.bench.aws.RegionModel.Key;
import io.hipaaaudit.bench.aws.RegionModel.Snapshot;
import io.hipaaaudit.bench.aws.RegionModel.Trail;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A generated AWS account, deterministic for a size: per region, VPCs of about 20 subnets (a quarter public, a
 * quarter private behind NAT, half isolated for databases), their route tables, ACLs, gateways and flow logs;
 * security groups in the shape of a healthcare backend (closed default, db ← lambda on 5432, web on 443, internal,
 * admin via a customer prefix list); one network interface per group; RDS PostgreSQL instances (a tenth of them
 * in two-member Aurora clusters) with snapshots, parameter and subnet groups; customer KMS keys with aliases; a
 * multi-region trail plus one trail per region. A few resources drift out of compliance on purpose (every 25th
 * database, 50th key, 20th default group, 10th VPC without flow logs).
 */
public final class SyntheticAccount {
    public static final String ACCOUNT = "111122223333";
    static final String OTHER_ACCOUNT = "444455556666";

    private final AccountSize size;
    private final Map<String, RegionModel> regions = new LinkedHashMap<>();

    public SyntheticAccount(AccountSize size) {
        this.size = size;
        List<String> names = size.regionNames();
        for (int r = 0; r < names.size(); r++) {
            regions.put(names.get(r), region(r, names.get(r), names.get(0)));
        }
    }

    public AccountSize size() {
        return size;
    }

    public List<String> regionNames() {
        return List.copyOf(regions.keySet());
    }

    RegionModel region(String name) {
        return regions.get(name);
    }

    List<RegionModel> regions() {
        return List.copyOf(regions.values());
    }

    private RegionModel region(int r, String name, String homeRegion) {
        int regionCount = size.regions();
        Network net = new Network(r, name, AccountSize.share(size.subnets(), regionCount, r),
                AccountSize.share(size.securityGroups(), regionCount, r));
        List<Key> keys = keys(r, name, AccountSize.share(size.kmsKeys(), regionCount, r));
        List<Key> symmetric = keys.stream().filter(k -> k.customer() && k.rotatable()).toList();
        String awsRdsKey = keys.stream().filter(k -> !k.customer()).findFirst().orElseThrow().arn();
        int dbCount = AccountSize.share(size.dbInstances(), regionCount, r);
        int clusterCount = dbCount / 10;
        List<DbInstance> instances = new ArrayList<>();
        List<DbCluster> clusters = new ArrayList<>();
        List<Snapshot> snapshots = new ArrayList<>();
        List<Snapshot> clusterSnapshots = new ArrayList<>();
        for (int c = 0; c < clusterCount; c++) {
            int vpc = c % net.vpcs.size();
            String id = "aurora-" + name + "-" + c;
            String key = symmetric.get(c % symmetric.size()).arn();
            List<String> members = List.of(id + "-1", id + "-2");
            clusters.add(new DbCluster(id, net.subnetGroup(vpc), net.dbGroup(vpc), "aurora-cpg-" + (c % 3), key, members));
            members.forEach(m -> instances.add(new DbInstance(m, net.vpcs.get(vpc).id(), net.subnetGroup(vpc),
                    net.dbGroup(vpc), "default.aurora-postgresql16", key, id, false)));
            clusterSnapshots.add(new Snapshot("rds:" + id + "-2026-11-24-03-00", id, "automated", key, false));
            if (c % 2 == 0) {
                clusterSnapshots.add(new Snapshot(id + "-before-upgrade", id, "manual", key, false));
            }
        }
        for (int i = 0; i < dbCount - 2 * clusterCount; i++) {
            int vpc = i % net.vpcs.size();
            String id = "pg-" + name + "-" + i;
            boolean drift = i % 25 == 24;
            String key = drift ? awsRdsKey : symmetric.get(i % symmetric.size()).arn();
            instances.add(new DbInstance(id, net.vpcs.get(vpc).id(), net.subnetGroup(vpc), net.dbGroup(vpc),
                    "app-pg16-" + (i % 10), key, null, drift));
            snapshots.add(new Snapshot("rds:" + id + "-2026-11-24-03-00", id, "automated", key, false));
            if (i % 5 == 0) {
                snapshots.add(new Snapshot(id + "-manual", id, "manual", key, i % 50 == 0));
            }
        }
        List<String> instanceGroups = instances.stream().map(DbInstance::parameterGroup).distinct().sorted().toList();
        List<String> clusterGroups = clusters.stream().map(DbCluster::parameterGroup).distinct().sorted().toList();
        List<Trail> trails = List.of(
                new Trail("org-audit", "arn:aws:cloudtrail:" + homeRegion + ":" + ACCOUNT + ":trail/org-audit",
                        homeRegion, true),
                new Trail("regional-" + name, "arn:aws:cloudtrail:" + name + ":" + ACCOUNT + ":trail/regional-" + name,
                        name, false));
        return new RegionModel(name, net.vpcs, net.subnets, net.routeTables, net.acls, net.igws, net.eigws, net.nats,
                net.flowLogs, net.groups, net.prefixLists, net.enis, instances, clusters, snapshots, clusterSnapshots,
                net.subnetGroups, instanceGroups, clusterGroups, keys, aliases(name, keys), trails);
    }

    /** Customer keys (every 100th an RSA signing key, every 50th without rotation) and two AWS-managed keys. */
    private static List<Key> keys(int r, String region, int count) {
        List<Key> keys = new ArrayList<>();
        keys.add(key(r, region, 1_000_000, "AWS", "SYMMETRIC_DEFAULT", true));
        keys.add(key(r, region, 1_000_001, "AWS", "SYMMETRIC_DEFAULT", true));
        for (int i = 0; i < count; i++) {
            boolean rsa = i % 100 == 99;
            keys.add(key(r, region, i, "CUSTOMER", rsa ? "RSA_2048" : "SYMMETRIC_DEFAULT", !rsa && i % 50 != 48));
        }
        return keys;
    }

    private static Key key(int r, String region, int i, String manager, String spec, boolean rotation) {
        String id = String.format("%08x-%04x-4000-8000-%012x", r, "AWS".equals(manager) ? 0xa0a0 : 0xc0c0, i);
        return new Key(id, "arn:aws:kms:" + region + ":" + ACCOUNT + ":key/" + id, manager, spec, rotation);
    }

    private static List<Alias> aliases(String region, List<Key> keys) {
        List<Alias> out = new ArrayList<>();
        out.add(new Alias("alias/aws/rds", keys.get(0).id()));
        out.add(new Alias("alias/aws/ebs", keys.get(1).id()));
        out.add(new Alias("alias/aws/s3", null));
        for (int i = 2; i < keys.size(); i++) {
            out.add(new Alias("alias/app-" + region + "-" + (i - 2), keys.get(i).id()));
        }
        return out;
    }

    static String id(String prefix, int region, long n) {
        return String.format("%s-0%x%015x", prefix, region, n);
    }
}
