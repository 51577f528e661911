package io.hipaaaudit.inventory;

import io.hipaaaudit.inventory.aws.Account;
import io.hipaaaudit.inventory.aws.Bucket;
import io.hipaaaudit.inventory.aws.DbCluster;
import io.hipaaaudit.inventory.aws.DbInstance;
import io.hipaaaudit.inventory.aws.DbParameterGroup;
import io.hipaaaudit.inventory.aws.DbSnapshot;
import io.hipaaaudit.inventory.aws.DbSubnetGroup;
import io.hipaaaudit.inventory.aws.FlowLog;
import io.hipaaaudit.inventory.aws.InternetGateway;
import io.hipaaaudit.inventory.aws.KmsKey;
import io.hipaaaudit.inventory.aws.LambdaFunction;
import io.hipaaaudit.inventory.aws.LogGroup;
import io.hipaaaudit.inventory.aws.ManagedPrefixList;
import io.hipaaaudit.inventory.aws.NatGateway;
import io.hipaaaudit.inventory.aws.NetworkAcl;
import io.hipaaaudit.inventory.aws.NetworkInterface;
import io.hipaaaudit.inventory.aws.ResourceChanges;
import io.hipaaaudit.inventory.aws.RouteTable;
import io.hipaaaudit.inventory.aws.Secret;
import io.hipaaaudit.inventory.aws.SecurityGroup;
import io.hipaaaudit.inventory.aws.Subnet;
import io.hipaaaudit.inventory.aws.Trail;
import io.hipaaaudit.inventory.aws.Vpc;
import io.hipaaaudit.inventory.aws.VpcEndpoint;
import io.hipaaaudit.inventory.pg.PgDatabase;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything one scan observed, immutable. Its JSON form ({@link InventoryJson}) is the {@code --snapshot} input,
 * the rule-fixture format and part of the evidence bundle. Collection errors are part of it: what could not be
 * observed is recorded, never silently left out.
 *
 * <p>{@code startedAt}/{@code finishedAt} bound the collection; rules that compare times (backup recency) use
 * {@code finishedAt} as "now", so evaluating the same snapshot twice gives the same verdicts.
 */
public record Inventory(
        String schemaVersion,
        Optional<Instant> startedAt,
        Optional<Instant> finishedAt,
        List<Account> accounts,
        List<Vpc> vpcs,
        List<Subnet> subnets,
        List<RouteTable> routeTables,
        List<InternetGateway> internetGateways,
        List<NatGateway> natGateways,
        List<NetworkAcl> networkAcls,
        List<SecurityGroup> securityGroups,
        List<ManagedPrefixList> managedPrefixLists,
        List<FlowLog> flowLogs,
        List<NetworkInterface> networkInterfaces,
        List<VpcEndpoint> vpcEndpoints,
        List<DbInstance> dbInstances,
        List<DbCluster> dbClusters,
        List<DbSnapshot> dbSnapshots,
        List<DbParameterGroup> dbParameterGroups,
        List<DbSubnetGroup> dbSubnetGroups,
        List<KmsKey> kmsKeys,
        List<Trail> trails,
        List<LogGroup> logGroups,
        List<Secret> secrets,
        List<LambdaFunction> lambdaFunctions,
        List<Bucket> buckets,
        List<PgDatabase> databases,
        List<CollectionError> collectionErrors,
        List<ResourceChanges> resourceChanges) {

    public static final String SCHEMA_VERSION = "1";

    public Inventory {
        schemaVersion = schemaVersion == null ? SCHEMA_VERSION : schemaVersion;
        startedAt = Nulls.opt(startedAt);
        finishedAt = Nulls.opt(finishedAt);
        accounts = Nulls.list(accounts);
        vpcs = Nulls.list(vpcs);
        subnets = Nulls.list(subnets);
        routeTables = Nulls.list(routeTables);
        internetGateways = Nulls.list(internetGateways);
        natGateways = Nulls.list(natGateways);
        networkAcls = Nulls.list(networkAcls);
        securityGroups = Nulls.list(securityGroups);
        managedPrefixLists = Nulls.list(managedPrefixLists);
        flowLogs = Nulls.list(flowLogs);
        networkInterfaces = Nulls.list(networkInterfaces);
        vpcEndpoints = Nulls.list(vpcEndpoints);
        dbInstances = Nulls.list(dbInstances);
        dbClusters = Nulls.list(dbClusters);
        dbSnapshots = Nulls.list(dbSnapshots);
        dbParameterGroups = Nulls.list(dbParameterGroups);
        dbSubnetGroups = Nulls.list(dbSubnetGroups);
        kmsKeys = Nulls.list(kmsKeys);
        trails = Nulls.list(trails);
        logGroups = Nulls.list(logGroups);
        secrets = Nulls.list(secrets);
        lambdaFunctions = Nulls.list(lambdaFunctions);
        buckets = Nulls.list(buckets);
        databases = Nulls.list(databases);
        collectionErrors = Nulls.list(collectionErrors);
        resourceChanges = Nulls.list(resourceChanges);
    }

    /** This inventory with the given databases and their collection errors added. */
    public Inventory withDatabases(List<PgDatabase> more, List<CollectionError> moreErrors) {
        List<PgDatabase> dbs = new java.util.ArrayList<>(databases);
        dbs.addAll(more);
        List<CollectionError> errors = new java.util.ArrayList<>(collectionErrors);
        errors.addAll(moreErrors);
        return new Inventory(schemaVersion, startedAt, finishedAt, accounts, vpcs, subnets, routeTables,
                internetGateways, natGateways, networkAcls, securityGroups, managedPrefixLists, flowLogs,
                networkInterfaces, vpcEndpoints, dbInstances, dbClusters, dbSnapshots, dbParameterGroups, dbSubnetGroups, kmsKeys,
                trails, logGroups, secrets, lambdaFunctions, buckets, dbs, errors, resourceChanges);
    }

    /** Every account marked as a member of the organization whose active accounts are {@code accounts}. */
    public Inventory withOrganization(List<String> accounts) {
        return new Inventory(schemaVersion, startedAt, finishedAt,
                this.accounts.stream().map(a -> a.inOrganization(accounts)).toList(), vpcs, subnets, routeTables,
                internetGateways, natGateways, networkAcls, securityGroups, managedPrefixLists, flowLogs,
                networkInterfaces, vpcEndpoints, dbInstances, dbClusters, dbSnapshots, dbParameterGroups, dbSubnetGroups, kmsKeys,
                trails, logGroups, secrets, lambdaFunctions, buckets, databases, collectionErrors, resourceChanges);
    }

    /** This inventory with the CloudTrail change history of some resources added (sorted for a stable form). */
    public Inventory withResourceChanges(List<ResourceChanges> more) {
        List<ResourceChanges> all = new java.util.ArrayList<>(resourceChanges);
        all.addAll(more);
        all.sort(java.util.Comparator.comparing(ResourceChanges::account).thenComparing(ResourceChanges::region)
                .thenComparing(ResourceChanges::resourceName));
        return new Inventory(schemaVersion, startedAt, finishedAt, accounts, vpcs, subnets, routeTables,
                internetGateways, natGateways, networkAcls, securityGroups, managedPrefixLists, flowLogs,
                networkInterfaces, vpcEndpoints, dbInstances, dbClusters, dbSnapshots, dbParameterGroups, dbSubnetGroups, kmsKeys,
                trails, logGroups, secrets, lambdaFunctions, buckets, databases, collectionErrors, all);
    }

    /**
     * Several inventories as one (the accounts of an organisation scanned in one run): every list concatenated,
     * collection bounded by the earliest start and the latest finish.
     */
    public static Inventory merge(List<Inventory> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        java.util.function.Function<java.util.function.Function<Inventory, List<?>>, List<?>> all =
                f -> parts.stream().flatMap(p -> f.apply(p).stream()).toList();
        @SuppressWarnings("unchecked")
        Inventory merged = new Inventory(null,
                parts.stream().flatMap(p -> p.startedAt().stream()).min(Instant::compareTo),
                parts.stream().flatMap(p -> p.finishedAt().stream()).max(Instant::compareTo),
                (List<Account>) all.apply(Inventory::accounts), (List<Vpc>) all.apply(Inventory::vpcs),
                (List<Subnet>) all.apply(Inventory::subnets), (List<RouteTable>) all.apply(Inventory::routeTables),
                (List<InternetGateway>) all.apply(Inventory::internetGateways),
                (List<NatGateway>) all.apply(Inventory::natGateways), (List<NetworkAcl>) all.apply(Inventory::networkAcls),
                (List<SecurityGroup>) all.apply(Inventory::securityGroups),
                (List<ManagedPrefixList>) all.apply(Inventory::managedPrefixLists),
                (List<FlowLog>) all.apply(Inventory::flowLogs),
                (List<NetworkInterface>) all.apply(Inventory::networkInterfaces),
                (List<VpcEndpoint>) all.apply(Inventory::vpcEndpoints),
                (List<DbInstance>) all.apply(Inventory::dbInstances), (List<DbCluster>) all.apply(Inventory::dbClusters),
                (List<DbSnapshot>) all.apply(Inventory::dbSnapshots),
                (List<DbParameterGroup>) all.apply(Inventory::dbParameterGroups),
                (List<DbSubnetGroup>) all.apply(Inventory::dbSubnetGroups), (List<KmsKey>) all.apply(Inventory::kmsKeys),
                (List<Trail>) all.apply(Inventory::trails), (List<LogGroup>) all.apply(Inventory::logGroups),
                (List<Secret>) all.apply(Inventory::secrets),
                (List<LambdaFunction>) all.apply(Inventory::lambdaFunctions),
                (List<Bucket>) all.apply(Inventory::buckets),
                (List<PgDatabase>) all.apply(Inventory::databases),
                (List<CollectionError>) all.apply(Inventory::collectionErrors),
                (List<ResourceChanges>) all.apply(Inventory::resourceChanges));
        return merged;
    }

    public static Inventory empty() {
        return new Inventory(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }
}
