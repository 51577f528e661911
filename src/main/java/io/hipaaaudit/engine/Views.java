package io.hipaaaudit.engine;

import io.hipaaaudit.analyse.BucketFacts;
import io.hipaaaudit.analyse.KeyIndex;
import io.hipaaaudit.analyse.KeyPolicyFacts;
import io.hipaaaudit.analyse.LambdaFacts;
import io.hipaaaudit.analyse.LogGroupFacts;
import io.hipaaaudit.analyse.PhiLogging;
import io.hipaaaudit.analyse.SecretFacts;
import io.hipaaaudit.analyse.TrailFacts;
import io.hipaaaudit.analyse.network.NetworkFacts;
import io.hipaaaudit.inventory.CollectionError;
import io.hipaaaudit.inventory.Inventory;
import io.hipaaaudit.inventory.ResourceTypes;
import io.hipaaaudit.inventory.aws.Account;
import io.hipaaaudit.inventory.aws.AwsResource;
import io.hipaaaudit.inventory.aws.Bucket;
import io.hipaaaudit.inventory.aws.DbCluster;
import io.hipaaaudit.inventory.aws.DbInstance;
import io.hipaaaudit.inventory.aws.DbParameterGroup;
import io.hipaaaudit.inventory.aws.DbSnapshot;
import io.hipaaaudit.inventory.aws.KmsKey;
import io.hipaaaudit.inventory.aws.LambdaFunction;
import io.hipaaaudit.inventory.aws.LogGroup;
import io.hipaaaudit.inventory.aws.Secret;
import io.hipaaaudit.inventory.aws.Trail;
import io.hipaaaudit.inventory.aws.Vpc;
import io.hipaaaudit.inventory.aws.VpcEndpoint;
import io.hipaaaudit.policy.DbPolicy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Builds, once per scan, the facts every rule reads: each inventory resource as a plain map plus the facts that
 * need more than one resource (the KMS key behind an RDS resource, the parameter values in force for a database,
 * the VPCs that hold database subnets, the trails that cover an account).
 */
public final class Views {
    private final Inventory inv;
    private final Environments envs;
    private final KeyIndex keys;
    private final NetworkFacts network;
    private final Map<String, List<ResourceView>> byType = new TreeMap<>();

    private final Map<String, List<String>> keyUsers = new HashMap<>();
    private final Map<String, List<DbParameterGroup>> parameterGroups;
    private final VpcIndex vpcFacts;
    private final SecretFacts secretFacts;

    private Views(Inventory inv, Environments envs) {
        this.inv = inv;
        this.envs = envs;
        this.keys = new KeyIndex(inv.kmsKeys());
        this.network = new NetworkFacts(inv);
        inv.dbInstances().forEach(d -> d.kmsKeyId().ifPresent(ref -> addKeyUser(d, ref)));
        inv.dbClusters().forEach(c -> c.kmsKeyId().ifPresent(ref -> addKeyUser(c, ref)));
        inv.dbSnapshots().forEach(s -> s.kmsKeyId().ifPresent(ref -> addKeyUser(s, ref)));
        inv.trails().forEach(t -> t.kmsKeyId().ifPresent(ref -> addKeyUser(t, ref)));
        inv.buckets().forEach(b -> b.kmsMasterKeyId().ifPresent(ref -> addKeyUser(b, ref)));
        inv.secrets().forEach(s -> s.kmsKeyId().ifPresent(ref -> addKeyUser(s, ref)));
        inv.lambdaFunctions().forEach(l -> l.kmsKeyArn().ifPresent(ref -> addKeyUser(l, ref)));
        inv.logGroups().forEach(g -> g.kmsKeyId().ifPresent(ref -> addKeyUser(g, ref)));
        this.secretFacts = new SecretFacts(inv.dbInstances(), inv.dbClusters(), inv.secrets());
        this.vpcFacts = new VpcIndex(inv);
        this.parameterGroups = inv.dbParameterGroups().stream()
                .collect(Collectors.groupingBy(g -> g.account() + "|" + g.region() + "|" + g.kind() + "|" + g.id()));
    }

    private void addKeyUser(AwsResource user, String ref) {
        keys.resolve(user.account(), user.region(), ref)
                .ifPresent(k -> keyUsers.computeIfAbsent(k.arn(), a -> new ArrayList<>()).add(user.arn()));
    }

    public static Map<String, List<ResourceView>> build(Inventory inv, Environments envs) {
        return build(inv, envs, Optional.empty());
    }

    /** With a declared database policy, PostgreSQL views also carry what the policy says about them. */
    public static Map<String, List<ResourceView>> build(Inventory inv, Environments envs, Optional<DbPolicy> policy) {
        Views v = new Views(inv, envs);
        v.aws(ResourceTypes.VPC, inv.vpcs(), v::vpc);
        v.aws(ResourceTypes.SUBNET, inv.subnets(), s -> v.network.subnet(s, Plain.of(s)));
        v.aws(ResourceTypes.ROUTE_TABLE, inv.routeTables(), Plain::of);
        v.aws(ResourceTypes.INTERNET_GATEWAY, inv.internetGateways(), Plain::of);
        v.aws(ResourceTypes.NAT_GATEWAY, inv.natGateways(), Plain::of);
        v.aws(ResourceTypes.NETWORK_ACL, inv.networkAcls(), Plain::of);
        v.aws(ResourceTypes.SECURITY_GROUP, inv.securityGroups(), Plain::of);
        v.aws(ResourceTypes.MANAGED_PREFIX_LIST, inv.managedPrefixLists(), Plain::of);
        v.aws(ResourceTypes.FLOW_LOG, inv.flowLogs(), Plain::of);
        v.aws(ResourceTypes.NETWORK_INTERFACE, inv.networkInterfaces(), Plain::of);
        v.aws(ResourceTypes.VPC_ENDPOINT, inv.vpcEndpoints(), Plain::of);
        v.aws(ResourceTypes.DB_INSTANCE, inv.dbInstances(), v::dbInstance);
        v.aws(ResourceTypes.DB_CLUSTER, inv.dbClusters(), v::dbCluster);
        v.aws(ResourceTypes.DB_SNAPSHOT, inv.dbSnapshots(), v::dbSnapshot);
        v.aws(ResourceTypes.DB_PARAMETER_GROUP, inv.dbParameterGroups(), v::parameterGroup);
        v.uncollectedParameterGroups();
        v.aws(ResourceTypes.DB_SUBNET_GROUP, inv.dbSubnetGroups(), Plain::of);
        v.aws(ResourceTypes.KMS_KEY, inv.kmsKeys(), v::kmsKey);
        v.aws(ResourceTypes.TRAIL, inv.trails(), t -> TrailFacts.of(t, Plain.of(t), v.collectedAt()));
        v.logGroups();
        v.aws(ResourceTypes.SECRET, inv.secrets(), v::secret);
        v.aws(ResourceTypes.LAMBDA_FUNCTION, inv.lambdaFunctions(), v::lambdaFunction);
        v.aws(ResourceTypes.BUCKET, inv.buckets(), v::bucket);
        v.accounts();
        PgViews.add(inv, envs, policy,
                d -> v.parameters(d.account(), d.region(), "instance", d.parameterGroupNames()), v.byType);
        UnknownFacts unknown = new UnknownFacts(inv, io.hipaaaudit.inventory.facts.FactCatalog.bundled());
        v.byType.replaceAll((type, views) -> views.stream().map(view -> unknown.apply(view, unknown::keyErrors)).toList());
        return v.byType;
    }

    private <T extends AwsResource> void aws(String type, List<T> resources, Function<T, Map<String, Object>> facts) {
        List<ResourceView> views = new ArrayList<>(resources.size());
        for (T r : resources) {
            Map<String, Object> f = facts.apply(r);
            EnvironmentChoice env = envs.of(r.tags());
            f.put("environment", env.name());
            views.add(new ResourceView(type, r.id(), r.arn(), r.account(), r.region(), "", env, f));
        }
        byType.put(type, views);
    }

    private Map<String, Object> dbInstance(DbInstance d) {
        Map<String, Object> f = Plain.of(d);
        majorVersion(d.engineVersion()).ifPresent(v -> f.put("engineMajorVersion", v));
        f.put("clusterMember", d.dbClusterIdentifier().isPresent());
        d.kmsKeyId().ifPresent(ref -> key(f, d.account(), d.region(), ref));
        parameters(d.account(), d.region(), "instance", d.parameterGroupNames()).ifPresent(p -> f.put("parameters", p));
        masterUserSecrets(f, d.arn(), d.manageMasterUserPassword());
        return network.dbInstance(d, f);
    }

    private Map<String, Object> dbCluster(DbCluster c) {
        Map<String, Object> f = Plain.of(c);
        majorVersion(c.engineVersion()).ifPresent(v -> f.put("engineMajorVersion", v));
        c.kmsKeyId().ifPresent(ref -> key(f, c.account(), c.region(), ref));
        c.parameterGroupName().flatMap(pg -> parameters(c.account(), c.region(), "cluster", List.of(pg)))
                .ifPresent(p -> f.put("parameters", p));
        masterUserSecrets(f, c.arn(), c.manageMasterUserPassword());
        return network.dbCluster(c, f);
    }

    /**
     * The credential secrets linked to a database. Absent when none is linked, so a failed secrets listing leaves
     * it unknown; always present (possibly empty) when RDS manages the master password, which decides alone.
     */
    private void masterUserSecrets(Map<String, Object> f, String dbArn, Optional<Boolean> managed) {
        List<Object> linked = secretFacts.secretsOf(dbArn).stream()
                .map(s -> (Object) SecretFacts.summary(s, collectedAt())).toList();
        if (!linked.isEmpty() || managed.orElse(false)) {
            f.put("masterUserSecrets", linked);
        }
    }

    private Map<String, Object> secret(Secret s) {
        Map<String, Object> f = Plain.of(s);
        f.putAll(SecretFacts.of(s, collectedAt()));
        s.kmsKeyId().ifPresent(ref -> key(f, s.account(), s.region(), ref));
        List<Map<String, Object>> dbs = secretFacts.databases(s);
        f.put("databases", dbs);
        f.put("databaseCredential", !dbs.isEmpty() || s.owningService().filter("rds"::equals).isPresent());
        return f;
    }

    private Map<String, Object> lambdaFunction(LambdaFunction fn) {
        Map<String, Object> f = Plain.of(fn);
        f.putAll(LambdaFacts.of(fn));
        fn.kmsKeyArn().ifPresent(ref -> key(f, fn.account(), fn.region(), ref));
        return network.lambdaFunction(fn, f);
    }

    private Map<String, Object> bucket(Bucket b) {
        Map<String, Object> f = Plain.of(b);
        f.putAll(BucketFacts.of(b));
        b.kmsMasterKeyId().ifPresent(ref -> key(f, b.account(), b.region(), ref));
        return f;
    }

    private Map<String, Object> dbSnapshot(DbSnapshot s) {
        Map<String, Object> f = Plain.of(s);
        s.kmsKeyId().ifPresent(ref -> key(f, s.account(), s.region(), ref));
        s.restorableBy().ifPresent(r -> f.put("public", r.contains("all")));
        inv.accounts().stream().filter(a -> a.id().equals(s.account())).findFirst()
                .flatMap(Account::organizationAccounts).ifPresent(o -> f.put("organizationAccounts", o));
        return f;
    }

    private void key(Map<String, Object> facts, String account, String region, String ref) {
        facts.put("kmsKeyAccount", KeyIndex.ownerOf(account, ref));
        keys.resolve(account, region, ref).ifPresent(k -> facts.put("kmsKey", KeyIndex.summary(k)));
    }

    /**
     * The explicitly set values of the parameters in force, name to value. Absent when any of the groups was not
     * observed: a rule must not read "not set" into "not collected".
     */
    private Optional<Map<String, Object>> parameters(String account, String region, String kind, List<String> names) {
        if (names.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> values = new TreeMap<>();
        for (String name : names) {
            Optional<DbParameterGroup> group = parameterGroups
                    .getOrDefault(account + "|" + region + "|" + kind + "|" + name, List.of()).stream().findFirst();
            if (group.isEmpty()) {
                return Optional.empty();
            }
            group.get().parameters().forEach((k, p) -> p.value().ifPresent(v -> values.put(k, v)));
        }
        return Optional.of(values);
    }

    /**
     * A parameter group with what its settings log ({@code phiLogging}, on effective values) and the databases that
     * use it: instances for a DB parameter group, clusters for a cluster parameter group, and those of them that
     * export the postgresql log to CloudWatch Logs.
     */
    private Map<String, Object> parameterGroup(DbParameterGroup g) {
        Map<String, Object> f = Plain.of(g);
        Map<String, Optional<String>> listed = new TreeMap<>();
        g.parameters().forEach((name, p) -> listed.put(name, p.value()));
        f.put("phiLogging", PhiLogging.ofParameterGroup(listed));
        List<String> users = new ArrayList<>();
        List<String> exporting = new ArrayList<>();
        boolean cluster = g.kind().equals("cluster");
        inv.dbInstances().stream().filter(d -> !cluster && sameScope(d, g) && d.parameterGroupNames().contains(g.id()))
                .forEach(d -> use(d.id(), d.enabledCloudwatchLogsExports(), users, exporting));
        inv.dbClusters().stream().filter(c -> cluster && sameScope(c, g) && c.parameterGroupName().equals(Optional.of(g.id())))
                .forEach(c -> use(c.id(), c.enabledCloudwatchLogsExports(), users, exporting));
        f.put("usedBy", users.stream().sorted().toList());
        f.put("postgresqlLogExportedBy", exporting.stream().sorted().toList());
        return f;
    }

    /**
     * A view for each parameter group in use whose description failed: without one, a rule on the group would have
     * nothing to report, and a group it cannot judge must be NOT_ASSESSED, not missing. The per-resource error
     * leaves its facts unknown; the databases that use it are still named.
     */
    private static final Pattern PARAMETER_GROUP_ARN = Pattern.compile("^arn:[^:]+:rds:[^:]*:[^:]*:(cluster-pg|pg):(.+)$");

    private void uncollectedParameterGroups() {
        List<ResourceView> views = new ArrayList<>(byType.get(ResourceTypes.DB_PARAMETER_GROUP));
        Set<String> seen = new HashSet<>();
        views.forEach(g -> seen.add(g.arn()));
        for (CollectionError e : inv.collectionErrors()) {
            String arn = e.resource().orElse("");
            Matcher m = PARAMETER_GROUP_ARN.matcher(arn);
            if (!e.perResource() || !e.resourceTypes().contains(ResourceTypes.DB_PARAMETER_GROUP) || !m.matches()
                    || !seen.add(arn)) {
                continue;
            }
            DbParameterGroup g = new DbParameterGroup(e.account().orElse(""), e.region().orElse(""), m.group(2), arn,
                    m.group(1).equals("pg") ? "instance" : "cluster", null, Map.of(), Map.of());
            Map<String, Object> f = parameterGroup(g);
            f.remove("phiLogging");
            f.remove("parameters");
            EnvironmentChoice env = envs.of(g.tags());
            f.put("environment", env.name());
            views.add(new ResourceView(ResourceTypes.DB_PARAMETER_GROUP, g.id(), arn, g.account(), g.region(), "", env, f));
        }
        byType.put(ResourceTypes.DB_PARAMETER_GROUP, views);
    }

    private static boolean sameScope(AwsResource a, AwsResource b) {
        return a.account().equals(b.account()) && a.region().equals(b.region());
    }

    private static void use(String id, List<String> exports, List<String> users, List<String> exporting) {
        users.add(id);
        if (exports.contains("postgresql")) {
            exporting.add(id);
        }
    }

    private Map<String, Object> kmsKey(KmsKey k) {
        Map<String, Object> f = Plain.of(k);
        f.put("usedBy", usedBy(k));
        k.policy().map(KeyPolicyFacts::facts).ifPresent(f::putAll);
        return f;
    }

    private List<String> usedBy(KmsKey k) {
        return keyUsers.getOrDefault(k.arn(), List.of()).stream().distinct().sorted().toList();
    }

    /**
     * The database subnets in a VPC (by the subnet's own VPC, or the subnet group's), the databases' network
     * interfaces there, and the flow logs on the VPC, those subnets and those interfaces.
     */
    private Map<String, Object> vpc(Vpc vpc) {
        Map<String, Object> f = Plain.of(vpc);
        f.put("dbSubnetIds", vpcFacts.dbSubnetIds(vpc));
        f.put("dbNetworkInterfaces", vpcFacts.dbInterfaces(vpc).stream()
                .map(n -> (Object) Map.of("id", n.id(), "subnetId", n.subnetId())).toList());
        f.put("flowLogs", vpcFacts.flowLogs(vpc).stream().map(Plain::of).toList());
        List<VpcEndpoint> endpoints = inv.vpcEndpoints().stream()
                .filter(e -> e.account().equals(vpc.account()) && e.region().equals(vpc.region())
                        && e.vpcId().equals(vpc.id())).toList();
        f.put("interfaceEndpoints", endpoints.stream()
                .filter(e -> e.type().map("interface"::equalsIgnoreCase).orElse(false))
                .map(Views::endpoint).toList());
        // an endpoint without a policy document has none to judge (AWS returns one "if applicable"); a document that
        // is not a JSON policy leaves the open statements unknown
        List<Object> open = new ArrayList<>();
        boolean readable = true;
        for (VpcEndpoint e : endpoints) {
            if (e.policy().isEmpty()) {
                continue;
            }
            var statements = io.hipaaaudit.analyse.policy.PublicAccess.openStatements(e.policy().get());
            readable &= statements.isPresent();
            statements.ifPresent(list -> list.forEach(o -> open.add(Map.of("id", e.id(), "service",
                    e.service().orElse(""), "statement", o.statement(), "reason", o.reason()))));
        }
        if (readable) {
            f.put("openEndpointPolicies", open);
        }
        return f;
    }

    /** An interface endpoint as rules see it; an unanswered state or private-DNS flag stays absent (unknown). */
    private static Object endpoint(VpcEndpoint e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id());
        e.service().ifPresent(v -> m.put("service", v));
        e.state().ifPresent(v -> m.put("state", v.toLowerCase(java.util.Locale.ROOT)));
        e.privateDnsEnabled().ifPresent(v -> m.put("privateDns", v));
        return m;
    }


    /**
     * Database log groups: the database the name identifies, the scanned databases exporting to it, and the key
     * behind it as for RDS. Their environment is their tag when a snapshot carries tags, else the environment of
     * the database whose log they hold (the collector does not read log group tags), else the scan's; unknown when
     * that database's type could not be listed in the group's region.
     */
    private void logGroups() {
        LogGroupFacts logs = new LogGroupFacts(inv);
        List<ResourceView> views = new ArrayList<>();
        for (LogGroup g : inv.logGroups()) {
            Map<String, Object> f = Plain.of(g);
            Optional<AwsResource> db = logs.database(g);
            LogGroupFacts.parse(g.id()).ifPresent(log -> {
                f.put("database", log.database());
                f.put("databaseKind", log.kind());
                f.put("logType", log.logType());
            });
            f.put("exportedBy", logs.exportedBy(g));
            f.put("neverExpires", g.retentionInDays().isEmpty());
            g.kmsKeyId().ifPresent(ref -> key(f, g.account(), g.region(), ref));
            Optional<EnvironmentChoice> tagged = envs.fromTags(g.tags());
            EnvironmentChoice env = tagged
                    .orElseGet(() -> db.map(d -> envs.of(d.tags()).on("database " + d.id())).orElseGet(envs::scan));
            // a group whose database could not be listed has that database's environment, which is unknown
            List<CollectionError> unlisted = tagged.isPresent() || db.isPresent() ? List.of() : logs.unlisted(g);
            if (unlisted.isEmpty()) {
                f.put("environment", env.name());
            }
            ResourceView view = new ResourceView(ResourceTypes.LOG_GROUP, g.id(), g.arn(), g.account(), g.region(), "",
                    env, f);
            views.add(unlisted.isEmpty() ? view : view.withUnknown(Map.of("environment", unlisted)));
        }
        byType.put(ResourceTypes.LOG_GROUP, views);
    }

    /** The end of collection (else its start): the "now" that delivery ages are measured to. */
    private Optional<java.time.Instant> collectedAt() {
        return inv.finishedAt().or(inv::startedAt);
    }

    /**
     * One view per account: the trails that record its activity (its own, de-duplicated across regions, the home
     * listing first), the one closest to compliant first (fewest shortfalls), so a message can name it.
     */
    private void accounts() {
        List<ResourceView> views = new ArrayList<>();
        for (Account a : inv.accounts()) {
            Map<String, Trail> trails = new LinkedHashMap<>();
            inv.trails().stream().filter(t -> t.account().equals(a.id()))
                    .sorted(java.util.Comparator.comparing((Trail t) -> !t.atHome()))
                    .forEach(t -> trails.putIfAbsent(t.arn(), t));
            Map<String, Object> f = new HashMap<>(Plain.of(a));
            f.put("trails", trails.values().stream()
                    .map(t -> TrailFacts.of(t, Plain.of(t), collectedAt()))
                    .sorted(java.util.Comparator.comparing((Map<String, Object> t) -> ((List<?>) t.get("shortfalls")).size())
                            .thenComparing(t -> String.valueOf(t.get("arn"))))
                    .map(t -> (Object) t).toList());
            EnvironmentChoice env = envs.scan();
            f.put("environment", env.name());
            String arn = "arn:" + a.partition() + ":iam::" + a.id() + ":root";
            views.add(new ResourceView(ResourceTypes.ACCOUNT, a.id(), arn, a.id(), "", "", env, f));
        }
        byType.put(ResourceTypes.ACCOUNT, views);
    }

    /** The major version of "15.4" or "9.6.22"; empty when the version was not reported. */
    static Optional<Long> majorVersion(String version) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(\\d+)").matcher(version);
        return m.find() ? Optional.of(Long.parseLong(m.group(1))) : Optional.empty();
    }
}
