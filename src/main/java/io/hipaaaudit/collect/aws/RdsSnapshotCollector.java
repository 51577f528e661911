package io.hipaaaudit.collect.aws;

import static io.hipaaaudit.collect.aws.MissingField.require;
import static io.hipaaaudit.inventory.ResourceTypes.DB_SNAPSHOT;

import io.hipaaaudit.inventory.aws.DbSnapshot;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBClusterSnapshotAttribute;
import software.amazon.awssdk.services.rds.model.DBClusterSnapshotAttributesResult;
import software.amazon.awssdk.services.rds.model.DBSnapshotAttribute;
import software.amazon.awssdk.services.rds.model.DBSnapshotAttributesResult;

/**
 * Instance and cluster snapshots. Only manual snapshots can be shared, so only they cost a
 * Describe*SnapshotAttributes call; an automated snapshot's {@code restorableBy} is known to be empty.
 * Snapshots of other kinds (AWS Backup), and of a type the answer does not give, keep it unknown. The attribute
 * call is about one snapshot: when it fails or its answer lacks the {@code restore} attribute, only that
 * snapshot's {@code restorableBy} is unknown.
 */
final class RdsSnapshotCollector {
    private static final List<String> SHARING = List.of("restorableBy");

    private final RdsClient rds;
    private final RegionScope scope;
    private final RdsMapper map;

    RdsSnapshotCollector(RdsClient rds, RegionScope scope, RdsMapper map) {
        this.rds = rds;
        this.scope = scope;
        this.map = map;
    }

    /**
     * The two snapshot listings, independent of each other; each reads its manual snapshots' attributes a few at
     * a time on {@code pool}, and adds the KMS keys the snapshots use to {@code keys} (a concurrent set).
     */
    List<Runnable> listings(Set<String> keys, Executor pool, int helpers) {
        return List.of(() -> scope.call("rds:DescribeDBSnapshots", List.of(DB_SNAPSHOT),
                        () -> rds.describeDBSnapshotsPaginator(r -> r.maxRecords(100)).stream()
                                .flatMap(page -> require(page.hasDbSnapshots() ? page.dbSnapshots() : null,
                                        "DBSnapshots").stream()).toList())
                        .map(items -> scope.identified("rds:DescribeDBSnapshots", List.of(DB_SNAPSHOT), items,
                                s -> s.dbSnapshotIdentifier(), "DBSnapshotIdentifier"))
                        .ifPresent(snapshots -> Fanout.run(snapshots.stream().<Runnable>map(s -> () -> {
                            String name = Tags.text(s.dbSnapshotArn()).orElse(s.dbSnapshotIdentifier());
                            add(map.snapshot(s, restorableBy(s.snapshotType(), "rds:DescribeDBSnapshotAttributes",
                                    name, () -> restore(rds.describeDBSnapshotAttributes(r -> r.dbSnapshotIdentifier(
                                            s.dbSnapshotIdentifier())).dbSnapshotAttributesResult()))), keys);
                        }).toList(), pool, helpers)),
                () -> scope.call("rds:DescribeDBClusterSnapshots", List.of(DB_SNAPSHOT),
                        () -> rds.describeDBClusterSnapshotsPaginator(r -> r.maxRecords(100)).stream()
                                .flatMap(page -> require(page.hasDbClusterSnapshots() ? page.dbClusterSnapshots()
                                        : null, "DBClusterSnapshots").stream()).toList())
                        .map(items -> scope.identified("rds:DescribeDBClusterSnapshots", List.of(DB_SNAPSHOT), items,
                                s -> s.dbClusterSnapshotIdentifier(), "DBClusterSnapshotIdentifier"))
                        .ifPresent(snapshots -> Fanout.run(snapshots.stream().<Runnable>map(s -> () -> {
                            String name = Tags.text(s.dbClusterSnapshotArn()).orElse(s.dbClusterSnapshotIdentifier());
                            add(map.clusterSnapshot(s, restorableBy(s.snapshotType(),
                                    "rds:DescribeDBClusterSnapshotAttributes", name, () -> restore(
                                            rds.describeDBClusterSnapshotAttributes(r -> r.dbClusterSnapshotIdentifier(
                                                    s.dbClusterSnapshotIdentifier()))
                                                    .dbClusterSnapshotAttributesResult()))), keys);
                        }).toList(), pool, helpers)));
    }

    /** The accounts (or {@code all}) the snapshot is shared with: the values of its {@code restore} attribute. */
    private static List<String> restore(DBSnapshotAttributesResult result) {
        DBSnapshotAttributesResult r = require(result, "DBSnapshotAttributesResult");
        List<DBSnapshotAttribute> attributes = require(r.hasDbSnapshotAttributes() ? r.dbSnapshotAttributes() : null,
                "DBSnapshotAttributes");
        DBSnapshotAttribute restore = require(attributes.stream().filter(a -> "restore".equals(a.attributeName()))
                .findFirst().orElse(null), "the restore attribute");
        return require(restore.hasAttributeValues() ? restore.attributeValues() : null, "AttributeValues");
    }

    private static List<String> restore(DBClusterSnapshotAttributesResult result) {
        DBClusterSnapshotAttributesResult r = require(result, "DBClusterSnapshotAttributesResult");
        List<DBClusterSnapshotAttribute> attributes = require(r.hasDbClusterSnapshotAttributes()
                ? r.dbClusterSnapshotAttributes() : null, "DBClusterSnapshotAttributes");
        DBClusterSnapshotAttribute restore = require(attributes.stream()
                .filter(a -> "restore".equals(a.attributeName())).findFirst().orElse(null), "the restore attribute");
        return require(restore.hasAttributeValues() ? restore.attributeValues() : null, "AttributeValues");
    }

    private Optional<List<String>> restorableBy(String type, String operation, String snapshot,
                                                Supplier<List<String>> read) {
        if ("automated".equals(type)) {
            return Optional.of(List.of());
        }
        if (!"manual".equals(type)) {
            return Optional.empty();
        }
        return scope.callFor(operation, DB_SNAPSHOT, snapshot, SHARING, read);
    }

    private void add(DbSnapshot snapshot, Set<String> keys) {
        scope.sink().addAll(DbSnapshot.class, List.of(snapshot));
        snapshot.kmsKeyId().ifPresent(keys::add);
    }
}
