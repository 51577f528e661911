package io.hipaaaudit.template;

import io.hipaaaudit.inventory.ResourceTypes;
import io.hipaaaudit.inventory.aws.Arns;
import io.hipaaaudit.inventory.aws.DbCluster;
import io.hipaaaudit.inventory.aws.DbInstance;
import io.hipaaaudit.inventory.aws.DbParameterGroup;
import io.hipaaaudit.inventory.aws.DbSubnetGroup;
import io.hipaaaudit.inventory.aws.KmsKey;
import io.hipaaaudit.inventory.aws.Secret;
import io.hipaaaudit.inventory.aws.Trail;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RDS, KMS, Secrets Manager and CloudTrail resources of a template as inventory records. An absent property takes
 * the default the CloudFormation resource reference documents (cited at each one). Facts that exist only once the
 * resource runs (the latest restorable time) are recorded as known only after deploy.
 */
final class DataMapping {
    /** The code of a collection error for a fact that only the deployed resource has. */
    static final String AFTER_DEPLOY = TemplateSource.AFTER_DEPLOY;
    private static final Pattern SECRET_REF = Pattern.compile("\\{\\{resolve:secretsmanager:(.+?)(?::SecretString.*)?}}");

    private final Mapped out;

    DataMapping(Mapped out) {
        this.out = out;
    }

    void map(List<Declared> all) {
        kms(all);
        for (Declared d : NetworkMapping.of(all, "AWS::RDS::DBSubnetGroup")) {
            Props p = out.props(d, ResourceTypes.DB_SUBNET_GROUP);
            List<String> subnets = p.strings("SubnetIds", "subnetIds").orElse(List.of());
            String vpc = subnets.stream().map(s -> out.subnetVpc.getOrDefault(s, "")).filter(v -> !v.isEmpty())
                    .findFirst().orElse("");
            out.dbSubnetGroups.add(new DbSubnetGroup(out.account, out.region, d.logicalId(), null, vpc, subnets,
                    d.tags()));
        }
        parameterGroups(all, "AWS::RDS::DBParameterGroup", "instance");
        parameterGroups(all, "AWS::RDS::DBClusterParameterGroup", "cluster");
        Map<String, String> attachments = new TreeMap<>();
        for (Declared d : NetworkMapping.of(all, "AWS::SecretsManager::SecretTargetAttachment")) {
            Props p = out.props(d, ResourceTypes.SECRET);
            p.string("TargetId", "").ifPresent(t -> p.string("SecretId", "").ifPresent(s -> attachments.put(t, s)));
        }
        List<Declared> instances = NetworkMapping.of(all, "AWS::RDS::DBInstance");
        for (Declared d : NetworkMapping.of(all, "AWS::RDS::DBCluster")) {
            cluster(d, instances, attachments);
        }
        for (Declared d : instances) {
            instance(d, attachments);
        }
        secrets(all);
        trails(all);
    }

    private void kms(List<Declared> all) {
        Map<String, List<String>> aliases = new TreeMap<>();
        for (Declared d : NetworkMapping.of(all, "AWS::KMS::Alias")) {
            Props p = out.props(d, ResourceTypes.KMS_KEY);
            p.string("TargetKeyId", "aliases").ifPresent(k -> p.string("AliasName", "aliases")
                    .ifPresent(a -> aliases.computeIfAbsent(keyId(k), x -> new ArrayList<>()).add(a)));
        }
        for (Declared d : NetworkMapping.of(all, "AWS::KMS::Key")) {
            Props p = out.props(d, ResourceTypes.KMS_KEY);
            // Enabled "Default: true"; EnableKeyRotation "Default: false"; KeySpec "Default: SYMMETRIC_DEFAULT";
            // KeyUsage "Default: ENCRYPT_DECRYPT"; MultiRegion "Default: false"; Origin "Default: AWS_KMS"
            Optional<String> state = p.bool("Enabled", "state", true).map(e -> e ? "Enabled" : "Disabled");
            Optional<String> policy;
            if (p.has("KeyPolicy")) {
                policy = p.document("KeyPolicy", "policy");
            } else {
                policy = Optional.of(defaultKeyPolicy());
            }
            String arn = Arns.of("kms", out.region, out.account, "key/" + d.logicalId());
            out.kmsKeys.add(new KmsKey(out.account, out.region, d.logicalId(), arn, out.account,
                    Optional.of("CUSTOMER"), state, p.string("KeySpec", "keySpec").or(() -> Optional.of("SYMMETRIC_DEFAULT")),
                    p.string("KeyUsage", "keyUsage").or(() -> Optional.of("ENCRYPT_DECRYPT")),
                    p.string("Origin", "origin").or(() -> Optional.of("AWS_KMS")),
                    p.bool("MultiRegion", "multiRegion", false), p.bool("EnableKeyRotation", "rotationEnabled", false),
                    policy, aliases.getOrDefault(d.logicalId(), List.of()), Optional.empty(), d.tags()));
        }
    }

    /**
     * KeyPolicy absent: "KMS attaches a default key policy to the key", which gives the account's root user full
     * access (AWS::KMS::Key).
     */
    private String defaultKeyPolicy() {
        String root = "arn:" + Arns.partition(out.region) + ":iam::" + out.account + ":root";
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Enable IAM User Permissions\",\"Effect\":\"Allow\","
                + "\"Principal\":{\"AWS\":\"" + root + "\"},\"Action\":\"kms:*\",\"Resource\":\"*\"}]}";
    }

    /** A key reference as RDS and CloudTrail hold it: the key's logical id for a key of the template. */
    private String keyId(String ref) {
        String prefix = Arns.of("kms", out.region, out.account, "key/");
        return ref.startsWith(prefix) ? ref.substring(prefix.length()) : ref;
    }

    private void parameterGroups(List<Declared> all, String type, String kind) {
        for (Declared d : NetworkMapping.of(all, type)) {
            Props p = out.props(d, ResourceTypes.DB_PARAMETER_GROUP);
            Map<String, DbParameterGroup.Parameter> params = new TreeMap<>();
            if (p.has("Parameters")) {
                Optional<Object> v = p.value("Parameters", "parameters");
                if (v.isPresent() && v.get() instanceof Map<?, ?> m) {
                    for (Map.Entry<?, ?> e : m.entrySet()) {
                        if (e.getValue() instanceof Unknown u) {
                            p.unknown("Parameters." + e.getKey(), "parameters", u.why());
                        } else {
                            params.put(String.valueOf(e.getKey()), new DbParameterGroup.Parameter(
                                    Optional.of(Intrinsics.text(e.getValue())), "user"));
                        }
                    }
                }
            }
            out.dbParameterGroups.add(new DbParameterGroup(out.account, out.region, d.logicalId(), null, kind,
                    p.string("Family", "family").orElse(""), params, d.tags()));
        }
    }

    /**
     * The engine's default parameter group, used when the template names none: it sets nothing, so every
     * parameter has its engine default.
     */
    private String defaultGroup(String kind, Optional<String> engine, String version) {
        String major = version.contains(".") ? version.substring(0, version.indexOf('.')) : version;
        String name = "default." + engine.orElse("") + major;
        if (out.dbParameterGroups.stream().noneMatch(g -> g.id().equals(name) && g.kind().equals(kind))) {
            out.dbParameterGroups.add(new DbParameterGroup(out.account, out.region, name, null, kind,
                    engine.orElse("") + major, Map.of(), Map.of()));
        }
        return name;
    }

    private void instance(Declared d, Map<String, String> attachments) {
        Props p = out.props(d, ResourceTypes.DB_INSTANCE);
        Optional<String> cluster = p.has("DBClusterIdentifier") ? p.string("DBClusterIdentifier", "dbClusterIdentifier")
                : Optional.empty();
        Optional<String> engine = p.string("Engine", "engine").map(e -> e.toLowerCase(Locale.ROOT));
        String version = p.string("EngineVersion", "engineVersion").orElse("");
        if (!p.has("EngineVersion") && cluster.isEmpty()) {
            p.unknown("EngineVersion", "engineVersion", "absent: RDS picks the engine's default version at deploy");
        }
        Optional<String> subnetGroup = p.has("DBSubnetGroupName") ? p.string("DBSubnetGroupName", "dbSubnetGroupName")
                : Optional.empty();
        Optional<List<String>> groups = securityGroups(p, subnetGroup);
        List<String> parameterGroups = p.has("DBParameterGroupName")
                ? p.string("DBParameterGroupName", "parameterGroupNames").map(List::of).orElse(List.of())
                : cluster.isPresent() ? List.of() : List.of(defaultGroup("instance", engine, version));
        // StorageEncrypted "Default: false" (a KmsKeyId requires it true); MultiAZ "Default: false";
        // BackupRetentionPeriod "Default: 1"; DeletionProtection "Default: false";
        // EnableIAMDatabaseAuthentication "Default: false"; ManageMasterUserPassword "Default: false"
        Optional<Boolean> encrypted = cluster.isPresent() ? Optional.empty()
                : p.bool("StorageEncrypted", "storageEncrypted", false);
        Optional<String> key = storageKey(p, encrypted);
        Optional<Boolean> managed = p.bool("ManageMasterUserPassword", "manageMasterUserPassword", false);
        Optional<String> secret = masterSecret(p, d, managed, attachments);
        out.dbInstances.add(new DbInstance(out.account, out.region, d.logicalId(), null, Optional.empty(), engine,
                version, p.string("DBInstanceClass", "instanceClass").orElse(""), Optional.of("creating"),
                endpoint(p, engine), cluster.isPresent() ? Optional.empty() : p.bool("MultiAZ", "multiAz", false),
                publiclyAccessible(p, subnetGroup), p.string("NetworkType", "networkType").or(() -> Optional.of("IPV4")),
                encrypted, key, cluster.isPresent() ? Optional.empty()
                : p.integer("BackupRetentionPeriod", "backupRetentionPeriod", 1),
                Optional.empty(), p.bool("DeletionProtection", "deletionProtection", false), cluster, subnetGroup,
                groups, parameterGroups, p.strings("EnableCloudwatchLogsExports", "enabledCloudwatchLogsExports")
                .orElse(List.of()), p.bool("EnableIAMDatabaseAuthentication", "iamDatabaseAuthenticationEnabled", false),
                p.string("CACertificateIdentifier", "caCertificateIdentifier"), managed, secret,
                managed.orElse(false) ? Optional.of("active") : Optional.empty(), d.tags()));
        if (cluster.isEmpty()) {
            out.unknown(d, ResourceTypes.DB_INSTANCE, "latestRestorableTime", "BackupRetentionPeriod",
                    "the latest restore point exists only after deploy");
            out.errors.set(out.errors.size() - 1, afterDeploy(out.errors.get(out.errors.size() - 1)));
        }
    }

    /**
     * The endpoint's port (its address is assigned at deploy): Port, else the engine's default port ("Default: the
     * default port for the engine", AWS::RDS::DBInstance / DBCluster).
     */
    private static Optional<io.hipaaaudit.inventory.aws.Endpoint> endpoint(Props p, Optional<String> engine) {
        Optional<Integer> port = p.has("Port") ? p.integer("Port", "endpoint", null) : engine.flatMap(e -> {
            if (e.contains("postgres")) {
                return Optional.of(5432);
            }
            if (e.contains("mysql") || e.contains("mariadb")) {
                return Optional.of(3306);
            }
            if (e.startsWith("oracle")) {
                return Optional.of(1521);
            }
            if (e.startsWith("sqlserver")) {
                return Optional.of(1433);
            }
            return Optional.empty();
        });
        return port.map(n -> new io.hipaaaudit.inventory.aws.Endpoint("", n));
    }

    private static io.hipaaaudit.inventory.CollectionError afterDeploy(io.hipaaaudit.inventory.CollectionError e) {
        return new io.hipaaaudit.inventory.CollectionError(e.source(), e.account(), e.region(), e.database(),
                e.operation(), e.resourceTypes(), AFTER_DEPLOY, e.message(), e.resource(), e.fields());
    }

    /** VPCSecurityGroups absent: RDS uses the VPC's default security group. */
    private Optional<List<String>> securityGroups(Props p, Optional<String> subnetGroup) {
        if (p.has("VPCSecurityGroups")) {
            return p.strings("VPCSecurityGroups", "vpcSecurityGroupIds");
        }
        Optional<String> vpc = subnetGroup.flatMap(this::vpcOf);
        if (vpc.isEmpty()) {
            p.unknown("VPCSecurityGroups", "vpcSecurityGroupIds", "absent, and the VPC of the DB subnet group is unknown");
            return Optional.empty();
        }
        return Optional.of(List.of(NetworkMapping.defaultGroup(vpc.get())));
    }

    private Optional<String> vpcOf(String subnetGroup) {
        return out.dbSubnetGroups.stream().filter(g -> g.id().equals(subnetGroup)).map(DbSubnetGroup::vpcId)
                .filter(v -> !v.isEmpty()).findFirst();
    }

    /**
     * PubliclyAccessible absent: with a DB subnet group, "if the subnets are part of a VPC that has an internet
     * gateway attached to it, the DB instance is public" (false otherwise); without one the database goes to the
     * default VPC, which the template does not describe.
     */
    private Optional<Boolean> publiclyAccessible(Props p, Optional<String> subnetGroup) {
        if (p.has("PubliclyAccessible")) {
            return p.bool("PubliclyAccessible", "publiclyAccessible", null);
        }
        if (subnetGroup.isEmpty() || vpcOf(subnetGroup.get()).isEmpty()) {
            p.unknown("PubliclyAccessible", "publiclyAccessible", "absent, and the DB subnet group is unknown");
            return Optional.empty();
        }
        String vpc = vpcOf(subnetGroup.get()).get();
        return Optional.of(out.internetGateways.stream().anyMatch(g -> !g.egressOnly() && g.attachedVpcIds().contains(vpc)));
    }

    /** The secret that holds the master password: a dynamic reference in MasterUserPassword or an attachment. */
    /** The storage key: {@code KmsKeyId}, else RDS's own {@code aws/rds} key when encrypted, else none. */
    private Optional<String> storageKey(Props p, Optional<Boolean> encrypted) {
        return p.has("KmsKeyId") ? p.string("KmsKeyId", "kmsKeyId").map(this::keyId)
                : encrypted.orElse(false) ? Optional.of("alias/aws/rds") : Optional.empty();
    }

    /** The master user's secret: the one RDS manages when asked to, else the one the template links. */
    private Optional<String> masterSecret(Props p, Declared d, Optional<Boolean> managed,
                                          Map<String, String> attachments) {
        return managed.orElse(false) ? Optional.of(out.secretArnFor(d.logicalId() + ".MasterUserSecret"))
                : masterSecret(p, attachments.get(d.logicalId()));
    }

    private Optional<String> masterSecret(Props p, String attached) {
        if (p.raw("MasterUserPassword") instanceof String s) {
            Matcher m = SECRET_REF.matcher(s);
            if (m.find()) {
                String ref = m.group(1);
                return Optional.of(ref.startsWith("arn:") ? ref : out.secretArnFor(ref));
            }
        }
        return Optional.ofNullable(attached);
    }

    private void cluster(Declared d, List<Declared> instances, Map<String, String> attachments) {
        Props p = out.props(d, ResourceTypes.DB_CLUSTER);
        List<DbCluster.Member> members = new ArrayList<>();
        for (Declared i : instances) {
            if (d.logicalId().equals(i.properties().get("DBClusterIdentifier"))) {
                // RDS makes the first instance created in a cluster its writer
                members.add(new DbCluster.Member(i.logicalId(), members.isEmpty()));
            }
        }
        Optional<String> engine = p.string("Engine", "engine").map(e -> e.toLowerCase(Locale.ROOT));
        String version = p.string("EngineVersion", "engineVersion").orElse("");
        if (!p.has("EngineVersion")) {
            p.unknown("EngineVersion", "engineVersion", "absent: RDS picks the engine's default version at deploy");
        }
        Optional<String> subnetGroup = p.has("DBSubnetGroupName") ? p.string("DBSubnetGroupName", "dbSubnetGroupName")
                : Optional.empty();
        Optional<String> parameterGroup = p.has("DBClusterParameterGroupName")
                ? p.string("DBClusterParameterGroupName", "parameterGroupName")
                : Optional.of(defaultGroup("cluster", engine, version));
        boolean multiAzCluster = p.has("DBClusterInstanceClass");
        // an Aurora cluster is Multi-AZ when it has instances in more than one zone: RDS spreads a cluster's
        // instances over zones, so two or more members make it Multi-AZ
        Optional<Boolean> multiAz = Optional.of(multiAzCluster || members.size() > 1);
        Optional<Boolean> encrypted = p.bool("StorageEncrypted", "storageEncrypted", false);
        Optional<String> key = storageKey(p, encrypted);
        Optional<Boolean> managed = p.bool("ManageMasterUserPassword", "manageMasterUserPassword", false);
        Optional<String> secret = masterSecret(p, d, managed, attachments);
        Optional<Boolean> open = p.has("PubliclyAccessible") ? p.bool("PubliclyAccessible", "publiclyAccessible", null)
                : Optional.of(instances.stream().filter(i -> members.stream().anyMatch(m -> m.instanceId()
                        .equals(i.logicalId()))).anyMatch(i -> "true".equalsIgnoreCase(
                        Intrinsics.text(i.properties().get("PubliclyAccessible")))));
        out.dbClusters.add(new DbCluster(out.account, out.region, d.logicalId(), null, Optional.empty(), engine,
                version, Optional.of("creating"), endpoint(p, engine), Optional.empty(), multiAz, open,
                p.string("NetworkType", "networkType").or(() -> Optional.of("IPV4")), encrypted, key,
                p.integer("BackupRetentionPeriod", "backupRetentionPeriod", 1), Optional.empty(),
                p.bool("DeletionProtection", "deletionProtection", false), subnetGroup,
                securityGroups(p, subnetGroup), parameterGroup, members, List.of(),
                p.strings("EnableCloudwatchLogsExports", "enabledCloudwatchLogsExports").orElse(List.of()),
                p.bool("EnableIAMDatabaseAuthentication", "iamDatabaseAuthenticationEnabled", false), managed, secret,
                managed.orElse(false) ? Optional.of("active") : Optional.empty(), d.tags()));
    }

    private void secrets(List<Declared> all) {
        Map<String, Props> rotations = new TreeMap<>();
        for (Declared d : NetworkMapping.of(all, "AWS::SecretsManager::RotationSchedule")) {
            Props p = out.props(d, ResourceTypes.SECRET);
            p.string("SecretId", "rotationEnabled").ifPresent(s -> rotations.put(s, p));
        }
        Map<String, Optional<String>> policies = new TreeMap<>();
        for (Declared d : NetworkMapping.of(all, "AWS::SecretsManager::ResourcePolicy")) {
            Props p = out.props(d, ResourceTypes.SECRET);
            p.string("SecretId", "policy").ifPresent(s -> policies.put(s,
                    p.document("ResourcePolicy", "policy")));
        }
        for (Declared d : NetworkMapping.of(all, "AWS::SecretsManager::Secret")) {
            Props p = out.props(d, ResourceTypes.SECRET);
            String arn = out.secretArnFor(d.logicalId());
            Props rotation = rotations.containsKey(arn) ? rotations.get(arn) : rotations.get(d.logicalId());
            Optional<Boolean> enabled = Optional.of(rotation != null);
            Optional<Long> days = Optional.empty();
            Optional<String> schedule = Optional.empty();
            Optional<String> lambda = Optional.empty();
            if (rotation != null) {
                if (rotation.raw("RotationRules") instanceof Map<?, ?> rules) {
                    Object after = rules.get("AutomaticallyAfterDays");
                    if (after != null && !(after instanceof Unknown)) {
                        days = Optional.of(Long.parseLong(Intrinsics.text(after).trim()));
                    }
                    Object expr = rules.get("ScheduleExpression");
                    if (expr != null && !(expr instanceof Unknown)) {
                        schedule = Optional.of(Intrinsics.text(expr));
                    }
                }
                lambda = rotation.has("RotationLambdaARN") ? rotation.string("RotationLambdaARN", "rotationLambdaArn")
                        : Optional.empty();
            }
            // KmsKeyId absent: "Secrets Manager uses the AWS managed key aws/secretsmanager"; a new secret is as
            // old as the deploy that creates it, and it has not rotated yet
            Optional<String> key = p.has("KmsKeyId") ? p.string("KmsKeyId", "kmsKeyId").map(this::keyId) : Optional.empty();
            out.secrets.add(new Secret(out.account, out.region, d.logicalId(), arn, key, enabled, lambda, days,
                    schedule, Optional.empty(), Optional.of(out.now), Optional.of(out.now), Optional.empty(),
                    Optional.empty(), Optional.empty(), policies.getOrDefault(arn,
                    policies.getOrDefault(d.logicalId(), Optional.empty())), d.tags()));
        }
    }

    private void trails(List<Declared> all) {
        for (Declared d : NetworkMapping.of(all, "AWS::CloudTrail::Trail")) {
            Props p = out.props(d, ResourceTypes.TRAIL);
            // IsMultiRegionTrail, IsOrganizationTrail, EnableLogFileValidation: "Default: false"; IsLogging required
            out.trails.add(new Trail(out.account, out.region, d.logicalId(),
                    Arns.of("cloudtrail", out.region, out.account, "trail/" + d.logicalId()), Optional.of(out.region),
                    p.bool("IsMultiRegionTrail", "isMultiRegionTrail", false),
                    p.bool("IsOrganizationTrail", "isOrganizationTrail", false),
                    p.bool("EnableLogFileValidation", "logFileValidationEnabled", false),
                    p.has("KMSKeyId") ? p.string("KMSKeyId", "kmsKeyId").map(this::keyId) : Optional.empty(),
                    p.string("S3BucketName", "s3BucketName").orElse(""), p.bool("IsLogging", "isLogging", null),
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), d.tags()));
        }
    }
}
