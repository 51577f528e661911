package io.hipaaaudit.engine;

import io.hipaaaudit.analyse.KeyIndex;
import io.hipaaaudit.analyse.KeyPolicyFacts;
import io.hipaaaudit.analyse.SecretFacts;
import io.hipaaaudit.analyse.TrailFacts;
import io.hipaaaudit.analyse.network.NetworkFacts;
import io.hipaaaudit.inventory.Inventory;
import io.hipaaaudit.inventory.ResourceTypes;
import io.hipaaaudit.inventory.aws.Account;
import io.hipaaaudit.inventory.aws.AwsResource;
import io.hipaaaudit.inventory.aws.DbCluster;
import io.hipaaaudit.inventory.aws.DbInstance;
import io.hipaaaudit.inventory.aws.DbParameterGroup;
import io.hipaaaudit.inventory.aws.DbSnapshot;
import io.hipaaaudit.inventory.aws.KmsKey;
import io.hipaaaudit.inventory.aws.Secret;
import io.hipaaaudit.inventory.aws.Trail;
import io.hipaaaudit.inventory.aws.Vpc;
import io.hipaaaudit.policy.DbPolicy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
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
        v.aws(ResourceTypes.DB_INSTANCE, inv.dbInstances(), v::dbInstance);
        v.aws(ResourceTypes.DB_CLUSTER, inv.dbClusters(), v::dbCluster);
        v.aws(ResourceTypes.DB_SNAPSHOT, inv.dbSnapshots(), v::dbSnapshot);
        v.aws(ResourceTypes.DB_PARAMETER_GROUP, inv.dbParameterGroups(), Plain::of);
        v.aws(ResourceTypes.DB_SUBNET_GROUP, inv.dbSubnetGroups(), Plain::of);
        v.aws(ResourceTypes.KMS_KEY, inv.kmsKeys(), v::kmsKey);
        v.aws(ResourceTypes.TRAIL, inv.trails(), t -> TrailFacts.of(t, Plain.of(t), v.collectedAt()));
        v.aws(ResourceTypes.SECRET, inv.secrets(), v::secret);
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

    private Map<String, Object> dbSnapshot(DbSnapshot s) {
        Map<String, Object> f = Plain.of(s);
        s.kmsKeyId().ifPresent(ref -> key(f, s.account(), s.region(), ref));
        s.restorableBy().ifPresent(r -> f.put("public", r.contains("all")));
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
        return f;
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
