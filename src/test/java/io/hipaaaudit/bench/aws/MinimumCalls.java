package io.hipaaaudit.bench.aws;

import io.hipaaaudit.bench.aws.RegionModel.Key;
import io.hipaaaudit.bench.aws.RegionModel.Snapshot;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The fewest requests that read everything the collector needs from a {@link SyntheticAccount}: every listing in
 * pages of the API's maximum size (at least one page, even when empty), and one call per resource where the data
 * exists only per resource: entries of the prefix lists that are the account's own or referenced, attributes of
 * manual snapshots, the rule parameters of each parameter group in use, DescribeKey for customer keys and the
 * AWS-managed keys RDS uses, rotation for symmetric customer keys, the policy of customer keys, status and
 * selectors once per trail (in its home region), one LookupEvents per attribution target, and the database log
 * groups in pages of 50.
 */
public final class MinimumCalls {
    /** The parameters the collector asks for (RdsParameterCollector), as far as the model sets them. */
    static final Set<String> RULE_PARAMETERS = Set.of("rds.force_ssl", "password_encryption", "log_connections",
            "log_disconnections", "log_statement", "shared_preload_libraries", "pgaudit.log", "pgaudit.role");

    /** Requests of one action in one region; {@code bucket} is the quota they draw from. */
    public record Calls(String region, String action, String bucket, long count, boolean listing) {}

    private MinimumCalls() {}

    /** The minimum per region and action; {@code lookups} is the attribution targets per region. */
    public static List<Calls> of(SyntheticAccount account, int pageCap, boolean discoverRegions,
                                 Map<String, Long> lookups) {
        List<Calls> out = new ArrayList<>();
        String home = account.regionNames().get(0);
        out.add(new Calls(home, "sts:GetCallerIdentity", "sts", 1, false));
        out.add(new Calls(home, "s3:ListBuckets", "s3", 1, false)); // once per account; no buckets: one empty page
        if (discoverRegions) {
            out.add(new Calls(home, "ec2:DescribeRegions", "ec2:DescribeRegions", 1, false));
        }
        Set<String> trailArns = new HashSet<>();
        for (RegionModel m : account.regions()) {
            Lister l = new Lister(m.region(), pageCap, out);
            l.list("ec2:DescribeVpcs", m.vpcs().size());
            l.list("ec2:DescribeSubnets", m.subnets().size());
            l.list("ec2:DescribeRouteTables", m.routeTables().size());
            l.list("ec2:DescribeInternetGateways", m.internetGateways().size());
            l.list("ec2:DescribeEgressOnlyInternetGateways", m.egressOnlyGateways().size());
            l.list("ec2:DescribeNatGateways", m.natGateways().size());
            l.list("ec2:DescribeNetworkAcls", m.networkAcls().size());
            l.list("ec2:DescribeSecurityGroups", m.securityGroups().size());
            l.list("ec2:DescribeManagedPrefixLists", m.prefixLists().size());
            l.list("ec2:DescribeFlowLogs", m.flowLogs().size());
            l.list("ec2:DescribeNetworkInterfaces", m.networkInterfaces().size());
            l.list("ec2:DescribeVpcEndpoints", 0);
            Set<String> referenced = new HashSet<>();
            m.routeTables().forEach(t -> referenced.add(t.s3PrefixListId()));
            m.securityGroups().forEach(g -> referenced.add(g.prefixListId()));
            m.prefixLists().stream().filter(p -> SyntheticAccount.ACCOUNT.equals(p.owner()) || referenced.contains(p.id()))
                    .forEach(p -> l.pages("ec2:GetManagedPrefixListEntries", p.entries().size()));
            l.list("rds:DescribeDBInstances", m.dbInstances().size());
            l.list("rds:DescribeDBClusters", m.dbClusters().size());
            l.list("rds:DescribeDBSubnetGroups", m.subnetGroups().size());
            l.list("rds:DescribeDBSnapshots", m.snapshots().size());
            l.list("rds:DescribeDBClusterSnapshots", m.clusterSnapshots().size());
            l.each("rds:DescribeDBSnapshotAttributes", m.snapshots().stream().filter(s -> s.type().equals("manual")).count());
            l.each("rds:DescribeDBClusterSnapshotAttributes",
                    m.clusterSnapshots().stream().filter(s -> s.type().equals("manual")).count());
            long parameters = RdsWire.PARAMETERS.keySet().stream().filter(RULE_PARAMETERS::contains).count();
            m.instanceParameterGroups().forEach(g -> l.pages("rds:DescribeDBParameters", parameters));
            m.clusterParameterGroups().forEach(g -> l.pages("rds:DescribeDBClusterParameters", parameters));
            l.list("logs:DescribeLogGroups", JsonApi.logGroups(m, "/aws/rds/").size());
            l.list("kms:ListAliases", m.aliases().size());
            l.list("kms:ListKeys", m.keys().size());
            Set<String> used = new HashSet<>();
            m.dbInstances().forEach(i -> used.add(i.kmsKeyArn()));
            m.dbClusters().forEach(c -> used.add(c.kmsKeyArn()));
            Stream.concat(m.snapshots().stream(), m.clusterSnapshots().stream()).map(Snapshot::kmsKeyArn).forEach(used::add);
            l.each("kms:DescribeKey", m.keys().stream().filter(k -> k.customer() || used.contains(k.arn())).count());
            l.each("kms:GetKeyRotationStatus", m.keys().stream().filter(k -> k.customer() && k.rotatable()).count());
            l.each("kms:GetKeyPolicy", m.keys().stream().filter(Key::customer).count());
            l.list("secretsmanager:ListSecrets", 0); // the model has no secrets: one empty page
            l.list("lambda:ListFunctions", 0); // nor functions
            l.each("cloudtrail:DescribeTrails", 1);
            for (RegionModel.Trail t : m.trails()) {
                if (trailArns.add(t.arn())) {
                    out.add(new Calls(t.homeRegion(), "cloudtrail:GetTrailStatus", "cloudtrail:GetTrailStatus", 1, false));
                    out.add(new Calls(t.homeRegion(), "cloudtrail:GetEventSelectors", "cloudtrail:GetEventSelectors", 1, false));
                }
            }
            l.each("cloudtrail:LookupEvents", lookups.getOrDefault(m.region(), 0L));
        }
        return out;
    }

    /** Totals per action over all regions. */
    public static Map<String, Long> perAction(List<Calls> calls) {
        Map<String, Long> out = new TreeMap<>();
        calls.forEach(c -> out.merge(c.action(), c.count(), Long::sum));
        out.values().removeIf(n -> n == 0);
        return out;
    }

    /** Adds the calls of one region, pages or one per resource. */
    private record Lister(String region, int cap, List<Calls> out) {
        void list(String action, long items) {
            add(action, Math.max(1, pagesOf(action, items)), true);
        }

        void pages(String action, long items) {
            add(action, Math.max(1, pagesOf(action, items)), false);
        }

        void each(String action, long count) {
            add(action, count, false);
        }

        private long pagesOf(String action, long items) {
            int size = Paging.maxPage(action.substring(action.indexOf(':') + 1), cap);
            return (items + size - 1) / size;
        }

        private void add(String action, long count, boolean listing) {
            String service = action.substring(0, action.indexOf(':'));
            out.add(new Calls(region, action, Quotas.bucket(service, action.substring(service.length() + 1), false),
                    count, listing));
        }
    }
}
