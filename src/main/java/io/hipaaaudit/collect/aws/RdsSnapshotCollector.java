package io.hipaaaudit.collect.aws;

import static io.hipaaaudit.inventory.ResourceTypes.DB_SNAPSHOT;

import io.hipaaaudit.inventory.aws.DbSnapshot;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.services.rds.RdsClient;

/**
 * Instance and cluster snapshots. Only manual snapshots can be shared, so only they cost a
 * Describe*SnapshotAttributes call; an automated snapshot's {@code restorableBy} is known to be empty.
 * Snapshots of other kinds (AWS Backup) keep it unknown.
 */
final class RdsSnapshotCollector {
    private final RdsClient rds;
    private final RegionScope scope;
    private final RdsMapper map;

    RdsSnapshotCollector(RdsClient rds, RegionScope scope, RdsMapper map) {
        this.rds = rds;
        this.scope = scope;
        this.map = map;
    }

    Set<String> collect() {
        Set<String> keys = new TreeSet<>();
        scope.call("rds:DescribeDBSnapshots", List.of(DB_SNAPSHOT),
                () -> rds.describeDBSnapshotsPaginator(r -> r.maxRecords(100)).dbSnapshots().stream().toList())
                .ifPresent(snapshots -> snapshots.forEach(s -> {
                    DbSnapshot snapshot = map.snapshot(s, restorableBy(s.snapshotType(), () ->
                            rds.describeDBSnapshotAttributes(r -> r.dbSnapshotIdentifier(s.dbSnapshotIdentifier()))
                                    .dbSnapshotAttributesResult().dbSnapshotAttributes().stream()
                                    .filter(a -> "restore".equals(a.attributeName()))
                                    .flatMap(a -> a.attributeValues().stream()).toList(),
                            "rds:DescribeDBSnapshotAttributes"));
                    add(snapshot, keys);
                }));
        scope.call("rds:DescribeDBClusterSnapshots", List.of(DB_SNAPSHOT),
                () -> rds.describeDBClusterSnapshotsPaginator(r -> r.maxRecords(100)).dbClusterSnapshots().stream().toList())
                .ifPresent(snapshots -> snapshots.forEach(s -> {
                    DbSnapshot snapshot = map.clusterSnapshot(s, restorableBy(s.snapshotType(), () ->
                            rds.describeDBClusterSnapshotAttributes(r -> r.dbClusterSnapshotIdentifier(s.dbClusterSnapshotIdentifier()))
                                    .dbClusterSnapshotAttributesResult().dbClusterSnapshotAttributes().stream()
                                    .filter(a -> "restore".equals(a.attributeName()))
                                    .flatMap(a -> a.attributeValues().stream()).toList(),
                            "rds:DescribeDBClusterSnapshotAttributes"));
                    add(snapshot, keys);
                }));
        return keys;
    }

    private Optional<List<String>> restorableBy(String type, java.util.function.Supplier<List<String>> read,
                                                String operation) {
        if ("automated".equals(type)) {
            return Optional.of(List.of());
        }
        if (!"manual".equals(type)) {
            return Optional.empty();
        }
        return scope.call(operation, List.of(DB_SNAPSHOT), read);
    }

    private void add(DbSnapshot snapshot, Set<String> keys) {
        scope.sink().addAll(DbSnapshot.class, List.of(snapshot));
        snapshot.kmsKeyId().ifPresent(keys::add);
    }
}
