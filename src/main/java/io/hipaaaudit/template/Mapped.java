package io.hipaaaudit.template;

import io.hipaaaudit.inventory.CollectionError;
import io.hipaaaudit.inventory.Inventory;
import io.hipaaaudit.inventory.aws.DbCluster;
import io.hipaaaudit.inventory.aws.DbInstance;
import io.hipaaaudit.inventory.aws.DbParameterGroup;
import io.hipaaaudit.inventory.aws.DbSubnetGroup;
import io.hipaaaudit.inventory.aws.FlowLog;
import io.hipaaaudit.inventory.aws.InternetGateway;
import io.hipaaaudit.inventory.aws.KmsKey;
import io.hipaaaudit.inventory.aws.ManagedPrefixList;
import io.hipaaaudit.inventory.aws.NatGateway;
import io.hipaaaudit.inventory.aws.NetworkAcl;
import io.hipaaaudit.inventory.aws.RouteTable;
import io.hipaaaudit.inventory.aws.Secret;
import io.hipaaaudit.inventory.aws.SecurityGroup;
import io.hipaaaudit.inventory.aws.Subnet;
import io.hipaaaudit.inventory.aws.Trail;
import io.hipaaaudit.inventory.aws.Vpc;
import io.hipaaaudit.inventory.aws.VpcEndpoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The records mapped from the stacks of one scope (a stack and its nested stacks), collected here and turned into
 * an {@link Inventory}.
 */
final class Mapped {
    final String account;
    final String region;
    final Instant now;
    final List<Vpc> vpcs = new ArrayList<>();
    final List<Subnet> subnets = new ArrayList<>();
    final List<RouteTable> routeTables = new ArrayList<>();
    final List<InternetGateway> internetGateways = new ArrayList<>();
    final List<NatGateway> natGateways = new ArrayList<>();
    final List<NetworkAcl> networkAcls = new ArrayList<>();
    final List<SecurityGroup> securityGroups = new ArrayList<>();
    final List<ManagedPrefixList> prefixLists = new ArrayList<>();
    final List<FlowLog> flowLogs = new ArrayList<>();
    final List<VpcEndpoint> vpcEndpoints = new ArrayList<>();
    final List<DbInstance> dbInstances = new ArrayList<>();
    final List<DbCluster> dbClusters = new ArrayList<>();
    final List<DbParameterGroup> dbParameterGroups = new ArrayList<>();
    final List<DbSubnetGroup> dbSubnetGroups = new ArrayList<>();
    final List<KmsKey> kmsKeys = new ArrayList<>();
    final List<Trail> trails = new ArrayList<>();
    final List<Secret> secrets = new ArrayList<>();
    final List<io.hipaaaudit.inventory.aws.LambdaFunction> lambdaFunctions = new ArrayList<>();
    final List<io.hipaaaudit.inventory.aws.Bucket> buckets = new ArrayList<>();
    final List<io.hipaaaudit.inventory.aws.LogGroup> logGroups = new ArrayList<>();
    final List<CollectionError> errors = new ArrayList<>();
    final Map<String, String> subnetVpc = new HashMap<>();
    final java.util.Set<String> ipv6Vpcs = new java.util.HashSet<>();
    private final Map<String, String> types = new HashMap<>();
    private final Map<String, String> recordIds = new HashMap<>();

    Mapped(String account, String region, Instant now) {
        this.account = account;
        this.region = region;
        this.now = now;
    }

    void declare(List<Declared> all) {
        all.forEach(d -> types.put(d.logicalId(), d.type()));
    }

    Optional<String> typeOf(String logicalId) {
        return Optional.ofNullable(types.get(logicalId));
    }

    /** A record whose id is not its logical id (a log group is known by its name). */
    void recordId(String logicalId, String id) {
        recordIds.put(logicalId, id);
    }

    /** The id of the record a resource of the template became: its logical id unless {@link #recordId} says. */
    String idOf(String logicalId) {
        return recordIds.getOrDefault(logicalId, logicalId);
    }

    /**
     * Moves the per-resource errors of {@code inventoryType} recorded on {@code fromId} to the record {@code toId}
     * (with {@code fields} instead of theirs when given), their messages unchanged: they name the declaration.
     */
    void moveErrors(String fromId, String inventoryType, String toId, List<String> fields) {
        errors.replaceAll(e -> e.resource().equals(Optional.of(fromId)) && e.resourceTypes().contains(inventoryType)
                ? CollectionError.ofResource(e.source(), account, region, e.operation(), inventoryType, toId,
                fields.isEmpty() ? e.fields() : fields, e.code(), e.message()) : e);
    }

    Props props(Declared d, String inventoryType) {
        return new Props(new Resource(d.logicalId(), d.type(), inventoryType, account, region, d.tags()),
                d.properties(), errors);
    }

    void unknown(Declared d, String inventoryType, String field, String property, String why) {
        props(d, inventoryType).unknown(property, field, why);
    }

    /** A key reference as the records hold it: the key's logical id for a key of the template, else as given. */
    String keyId(String ref) {
        String prefix = io.hipaaaudit.inventory.aws.Arns.of("kms", region, account, "key/");
        return ref.startsWith(prefix) ? ref.substring(prefix.length()) : ref;
    }

    /** The ARN a secret of the template gets: the same one {@code Ref} to it resolves to. */
    String secretArnFor(String logicalId) {
        return io.hipaaaudit.inventory.aws.Arns.of("secretsmanager", region, account, "secret:" + logicalId);
    }

    /** The AWS-managed prefix list of a gateway endpoint's service: its addresses are AWS's, not in the template. */
    String prefixList(String serviceName) {
        String id = "pl-" + serviceName;
        if (prefixLists.stream().noneMatch(p -> p.id().equals(id))) {
            prefixLists.add(new ManagedPrefixList(account, region, id, null, serviceName, "IPv4", "AWS", List.of(),
                    Map.of()));
        }
        return id;
    }

    /**
     * The inventory of these records, through its JSON form (as a snapshot is read) rather than its constructor, so
     * resource types added to the inventory later need nothing here.
     */
    Inventory inventory() {
        Map<String, Object> form = new java.util.LinkedHashMap<>();
        form.put("startedAt", now.toString());
        form.put("finishedAt", now.toString());
        form.put("vpcs", vpcs);
        form.put("subnets", subnets);
        form.put("routeTables", routeTables);
        form.put("internetGateways", internetGateways);
        form.put("natGateways", natGateways);
        form.put("networkAcls", networkAcls);
        form.put("securityGroups", securityGroups);
        form.put("managedPrefixLists", prefixLists);
        form.put("flowLogs", flowLogs);
        form.put("vpcEndpoints", vpcEndpoints);
        form.put("dbInstances", dbInstances);
        form.put("dbClusters", dbClusters);
        form.put("dbParameterGroups", dbParameterGroups);
        form.put("dbSubnetGroups", dbSubnetGroups);
        form.put("kmsKeys", kmsKeys);
        form.put("trails", trails);
        form.put("secrets", secrets);
        form.put("lambdaFunctions", lambdaFunctions);
        form.put("buckets", buckets);
        form.put("logGroups", logGroups);
        form.put("collectionErrors", errors);
        var mapper = io.hipaaaudit.json.Json.json();
        return mapper.convertValue(mapper.valueToTree(form), Inventory.class);
    }
}
