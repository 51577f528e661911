package io.hipaaaudit.collect.aws;

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
 * it would have told). Returns the KMS key ARNs the region's RDS resources reference.
 */
final class RdsCollector {
    private final RdsClient rds;
    private final RegionScope scope;
    private final RdsMapper map;

    RdsCollector(RdsClient rds, RegionScope scope) {
        this.rds = rds;
        this.scope = scope;
        this.map = new RdsMapper(scope.account(), scope.region());
    }

    Set<String> collect() {
        Set<String> keys = new TreeSet<>();
        Set<String> instanceGroups = new TreeSet<>();
        Set<String> clusterGroups = new TreeSet<>();
        scope.call("rds:DescribeDBInstances", List.of(DB_INSTANCE, DB_PARAMETER_GROUP),
                () -> rds.describeDBInstancesPaginator(r -> r.maxRecords(100)).dbInstances().stream()
                        .map(map::instance).toList())
                .ifPresent(items -> {
                    scope.sink().addAll(DbInstance.class, items);
                    items.forEach(i -> {
                        i.kmsKeyId().ifPresent(keys::add);
                        instanceGroups.addAll(i.parameterGroupNames());
                    });
                });
        scope.call("rds:DescribeDBClusters", List.of(DB_CLUSTER, DB_PARAMETER_GROUP),
                () -> rds.describeDBClustersPaginator(r -> r.maxRecords(100)).dbClusters().stream()
                        .map(map::cluster).toList())
                .ifPresent(items -> {
                    scope.sink().addAll(DbCluster.class, items);
                    items.forEach(c -> {
                        c.kmsKeyId().ifPresent(keys::add);
                        c.parameterGroupName().ifPresent(clusterGroups::add);
                    });
                });
        scope.call("rds:DescribeDBSubnetGroups", List.of(DB_SUBNET_GROUP),
                () -> rds.describeDBSubnetGroupsPaginator(r -> r.maxRecords(100)).dbSubnetGroups().stream()
                        .map(map::subnetGroup).toList())
                .ifPresent(items -> scope.sink().addAll(DbSubnetGroup.class, items));
        keys.addAll(new RdsSnapshotCollector(rds, scope, map).collect());
        new RdsParameterCollector(rds, scope).collect(instanceGroups, clusterGroups);
        return keys;
    }
}
