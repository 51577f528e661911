package io.hipaaaudit.collect.aws;

import static io.hipaaaudit.collect.aws.MissingField.require;
import static io.hipaaaudit.inventory.ResourceTypes.DB_CLUSTER;
import static io.hipaaaudit.inventory.ResourceTypes.DB_INSTANCE;
import static io.hipaaaudit.inventory.ResourceTypes.DB_PARAMETER_GROUP;
import static io.hipaaaudit.inventory.ResourceTypes.DB_SUBNET_GROUP;

import io.hipaaaudit.inventory.aws.DbCluster;
import io.hipaaaudit.inventory.aws.DbInstance;
import io.hipaaaudit.inventory.aws.DbSubnetGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.Executor;
import software.amazon.awssdk.services.rds.RdsClient;

/**
 * RDS in one region: instances, clusters, subnet groups and snapshots, then the parameter groups in use.
 * A failed instance or cluster listing also leaves the parameter groups unknown (which groups are in use is what
 * it would have told). A page that lacks its list (an empty or foreign body the SDK parses into nothing) is a
 * MissingField listing error, never "no resources"; an item without its identifier leaves the type incomplete.
 * Returns the KMS key ARNs the region's RDS resources reference.
 */
final class RdsCollector {
    private final RdsClient rds;
    private final RegionScope scope;
    private final RdsMapper map;

    RdsCollector(RdsClient rds, RegionScope scope) {
        this.rds = rds;
        this.scope = scope;
        this.map = new RdsMapper(scope);
    }

    /**
     * Lists the region's RDS resources (the five listings at once, the snapshots' attributes and the parameter
     * groups a few at a time on {@code pool}); returns the KMS key ARNs they reference.
     */
    Set<String> collect(Executor pool, int helpers) {
        Set<String> keys = new ConcurrentSkipListSet<>();
        Set<String> instanceGroups = new ConcurrentSkipListSet<>();
        Set<String> clusterGroups = new ConcurrentSkipListSet<>();
        List<String> instanceTypes = List.of(DB_INSTANCE, DB_PARAMETER_GROUP);
        List<String> clusterTypes = List.of(DB_CLUSTER, DB_PARAMETER_GROUP);
        List<Runnable> groupUsers = List.of(
                () -> scope.call("rds:DescribeDBInstances", instanceTypes,
                        () -> rds.describeDBInstancesPaginator(r -> r.maxRecords(100)).stream()
                                .flatMap(page -> require(page.hasDbInstances() ? page.dbInstances() : null,
                                        "DBInstances").stream()).toList())
                        .map(items -> scope.identified("rds:DescribeDBInstances", instanceTypes, items,
                                i -> i.dbInstanceIdentifier(), "DBInstanceIdentifier").stream().map(map::instance)
                                .toList())
                        .ifPresent(items -> {
                            scope.sink().addAll(DbInstance.class, items);
                            items.forEach(i -> {
                                i.kmsKeyId().ifPresent(keys::add);
                                instanceGroups.addAll(i.parameterGroupNames());
                            });
                        }),
                () -> scope.call("rds:DescribeDBClusters", clusterTypes,
                        () -> rds.describeDBClustersPaginator(r -> r.maxRecords(100)).stream()
                                .flatMap(page -> require(page.hasDbClusters() ? page.dbClusters() : null,
                                        "DBClusters").stream()).toList())
                        .map(items -> scope.identified("rds:DescribeDBClusters", clusterTypes, items,
                                c -> c.dbClusterIdentifier(), "DBClusterIdentifier").stream().map(map::cluster)
                                .toList())
                        .ifPresent(items -> {
                            scope.sink().addAll(DbCluster.class, items);
                            items.forEach(c -> {
                                c.kmsKeyId().ifPresent(keys::add);
                                c.parameterGroupName().ifPresent(clusterGroups::add);
                            });
                        }));
        List<Runnable> listings = new ArrayList<>(List.of(
                () -> {
                    // the parameter groups in use are known once instances and clusters are
                    Fanout.run(groupUsers, pool, 1);
                    new RdsParameterCollector(rds, scope).collect(instanceGroups, clusterGroups, pool, helpers);
                },
                () -> scope.call("rds:DescribeDBSubnetGroups", List.of(DB_SUBNET_GROUP),
                        () -> rds.describeDBSubnetGroupsPaginator(r -> r.maxRecords(100)).stream()
                                .flatMap(page -> require(page.hasDbSubnetGroups() ? page.dbSubnetGroups() : null,
                                        "DBSubnetGroups").stream()).toList())
                        .map(items -> scope.identified("rds:DescribeDBSubnetGroups", List.of(DB_SUBNET_GROUP),
                                items, g -> g.dbSubnetGroupName(), "DBSubnetGroupName").stream()
                                .flatMap(g -> map.subnetGroup(g).stream()).toList())
                        .ifPresent(items -> scope.sink().addAll(DbSubnetGroup.class, items))));
        listings.addAll(new RdsSnapshotCollector(rds, scope, map).listings(keys, pool, helpers));
        Fanout.run(listings, pool, helpers);
        return new TreeSet<>(keys);
    }
}
