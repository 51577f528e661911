package io.hipaaaudit.collect.aws;

import static io.hipaaaudit.collect.aws.MissingField.require;
import static io.hipaaaudit.inventory.ResourceTypes.DB_CLUSTER;
import static io.hipaaaudit.inventory.ResourceTypes.DB_INSTANCE;
import static io.hipaaaudit.inventory.ResourceTypes.DB_PARAMETER_GROUP;
import static io.hipaaaudit.inventory.ResourceTypes.DB_SUBNET_GROUP;

import io.hipaaaudit.inventory.aws.DbCluster;
import io.hipaaaudit.inventory.aws.DbInstance;
import io.hipaaaudit.inventory.aws.DbSubnetGroup;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.services.rds.RdsClient;

/**
 * RDS in one region: instances, clusters, subnet groups, then snapshots and the parameter groups in use.
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

    Set<String> collect() {
        Set<String> keys = new TreeSet<>();
        Set<String> instanceGroups = new TreeSet<>();
        Set<String> clusterGroups = new TreeSet<>();
        List<String> instanceTypes = List.of(DB_INSTANCE, DB_PARAMETER_GROUP);
        scope.call("rds:DescribeDBInstances", instanceTypes,
                () -> rds.describeDBInstancesPaginator(r -> r.maxRecords(100)).stream()
                        .flatMap(page -> require(page.hasDbInstances() ? page.dbInstances() : null, "DBInstances")
                                .stream()).toList())
                .map(items -> scope.identified("rds:DescribeDBInstances", instanceTypes, items,
                        i -> i.dbInstanceIdentifier(), "DBInstanceIdentifier").stream().map(map::instance).toList())
                .ifPresent(items -> {
                    scope.sink().addAll(DbInstance.class, items);
                    items.forEach(i -> {
                        i.kmsKeyId().ifPresent(keys::add);
                        instanceGroups.addAll(i.parameterGroupNames());
                    });
                });
        List<String> clusterTypes = List.of(DB_CLUSTER, DB_PARAMETER_GROUP);
        scope.call("rds:DescribeDBClusters", clusterTypes,
                () -> rds.describeDBClustersPaginator(r -> r.maxRecords(100)).stream()
                        .flatMap(page -> require(page.hasDbClusters() ? page.dbClusters() : null, "DBClusters")
                                .stream()).toList())
                .map(items -> scope.identified("rds:DescribeDBClusters", clusterTypes, items,
                        c -> c.dbClusterIdentifier(), "DBClusterIdentifier").stream().map(map::cluster).toList())
                .ifPresent(items -> {
                    scope.sink().addAll(DbCluster.class, items);
                    items.forEach(c -> {
                        c.kmsKeyId().ifPresent(keys::add);
                        c.parameterGroupName().ifPresent(clusterGroups::add);
                    });
                });
        scope.call("rds:DescribeDBSubnetGroups", List.of(DB_SUBNET_GROUP),
                () -> rds.describeDBSubnetGroupsPaginator(r -> r.maxRecords(100)).stream()
                        .flatMap(page -> require(page.hasDbSubnetGroups() ? page.dbSubnetGroups() : null,
                                "DBSubnetGroups").stream()).toList())
                .map(items -> scope.identified("rds:DescribeDBSubnetGroups", List.of(DB_SUBNET_GROUP), items,
                        g -> g.dbSubnetGroupName(), "DBSubnetGroupName").stream()
                        .flatMap(g -> map.subnetGroup(g).stream()).toList())
                .ifPresent(items -> scope.sink().addAll(DbSubnetGroup.class, items));
        keys.addAll(new RdsSnapshotCollector(rds, scope, map).collect());
        new RdsParameterCollector(rds, scope).collect(instanceGroups, clusterGroups);
        return keys;
    }
}
