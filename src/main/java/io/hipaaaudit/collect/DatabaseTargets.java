package io.hipaaaudit.collect;

import io.hipaaaudit.collect.postgres.PgCollection;
import io.hipaaaudit.evidence.DatabaseEvidence;
import io.hipaaaudit.evidence.EvidenceLog;
import io.hipaaaudit.collect.postgres.PgTarget;
import io.hipaaaudit.collect.postgres.PostgresCollector;
import io.hipaaaudit.inventory.CollectionError;
import io.hipaaaudit.inventory.Inventory;
import io.hipaaaudit.inventory.aws.DbCluster;
import io.hipaaaudit.inventory.aws.DbInstance;
import io.hipaaaudit.inventory.aws.Endpoint;
import io.hipaaaudit.inventory.pg.PgDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Collects every database target and joins each to the RDS instance it runs on, matched by endpoint address
 * (an instance endpoint, or a cluster's writer/reader endpoint, which maps to the cluster's writer instance), so
 * database findings carry the instance's account and region.
 */
public final class DatabaseTargets {
    private DatabaseTargets() {}

    public static Inventory collectInto(Inventory inventory, List<PgTarget> targets) {
        PostgresCollector collector = new PostgresCollector();
        return into(inventory, targets.stream().map(collector::collect).toList());
    }

    /** Like {@link #collectInto(Inventory, List)}, keeping every query result in {@code log}. */
    public static Inventory recordInto(Inventory inventory, List<PgTarget> targets, EvidenceLog log) {
        PostgresCollector collector = new PostgresCollector();
        return into(inventory, targets.stream().map(t -> collector.record(t, log)).toList());
    }

    /** The recorded databases, collected again from their evidence. */
    public static Inventory replayInto(Inventory inventory, List<DatabaseEvidence> evidence) {
        PostgresCollector collector = new PostgresCollector();
        return into(inventory, evidence.stream().map(collector::replay).toList());
    }

    private static Inventory into(Inventory inventory, List<PgCollection> collected) {
        List<PgDatabase> databases = new ArrayList<>();
        List<CollectionError> errors = new ArrayList<>();
        for (PgCollection c : collected) {
            databases.add(matched(c.database(), inventory));
            errors.addAll(c.errors());
        }
        return inventory.withDatabases(databases, errors);
    }

    static PgDatabase matched(PgDatabase db, Inventory inv) {
        if (db.rdsInstance().isPresent() || db.host().isEmpty()) {
            return db;
        }
        Optional<String> arn = instanceFor(db.host().toLowerCase(Locale.ROOT), db.port(), inv);
        return arn.map(a -> new PgDatabase(db.id(), db.host(), db.port(), db.database(), db.serverVersion(),
                db.serverVersionNum(), db.rds(), Optional.of(a), db.environment(), db.settings(), db.roles(),
                db.memberships(), db.schemas(), db.relations(), db.defaultAcls(), db.functions(), db.extensions()))
                .orElse(db);
    }

    private static Optional<String> instanceFor(String host, int port, Inventory inv) {
        for (DbInstance i : inv.dbInstances()) {
            if (i.endpoint().map(e -> same(e, host, port)).orElse(false)) {
                return Optional.of(i.arn());
            }
        }
        for (DbCluster c : inv.dbClusters()) {
            boolean hit = c.endpoint().map(e -> same(e, host, port)).orElse(false)
                    || c.readerEndpoint().map(e -> same(e, host, port)).orElse(false);
            if (hit) {
                Optional<String> writer = c.members().stream().filter(DbCluster.Member::writer)
                        .map(DbCluster.Member::instanceId).findFirst();
                return writer.flatMap(w -> inv.dbInstances().stream()
                        .filter(i -> i.id().equals(w) && i.account().equals(c.account()) && i.region().equals(c.region()))
                        .map(DbInstance::arn).findFirst());
            }
        }
        return Optional.empty();
    }

    private static boolean same(Endpoint e, String host, int port) {
        return e.address().toLowerCase(Locale.ROOT).equals(host) && (e.port() == port || e.port() == 0);
    }
}
