package io.hipaaaudit.scan;

import io.hipaaaudit.collect.DatabaseTargets;
import io.hipaaaudit.collect.postgres.PgTarget;
import io.hipaaaudit.evidence.EvidenceLog;
import io.hipaaaudit.inventory.CollectionError;
import io.hipaaaudit.inventory.Inventory;
import io.hipaaaudit.inventory.ResourceTypes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * The scan's databases, within its deadline: each database's connect timeout and every query's statement timeout
 * are cut to the time left when it starts, and once the deadline has passed a database is not contacted but left
 * unknown.
 */
final class DatabaseCollection {
    private final Instant deadline;
    private final Duration maxDuration;

    DatabaseCollection(Instant deadline, Duration maxDuration) {
        this.deadline = deadline;
        this.maxDuration = maxDuration;
    }

    Inventory collect(Inventory inventory, PgTarget target, Optional<EvidenceLog> log) {
        Duration left = Duration.between(Instant.now(), deadline);
        if (left.isNegative() || left.isZero()) {
            String id = target.id().orElseGet(() -> {
                Properties url = org.postgresql.Driver.parseURL(target.jdbcUrl(), new Properties());
                return url == null ? target.safeUrl() : url.getProperty("PGHOST", "localhost") + ":"
                        + url.getProperty("PGPORT", "5432").split(",")[0] + "/" + url.getProperty("PGDBNAME", "");
            });
            return inventory.withDatabases(List.of(), List.of(new CollectionError("postgres", Optional.empty(),
                    Optional.empty(), Optional.of(id), "connect", ResourceTypes.ALL.stream()
                    .filter(t -> t.startsWith("pg.")).toList(), "ScanDeadline",
                    "not contacted: the scan reached its deadline (maximum duration " + text(maxDuration) + ")")));
        }
        PgTarget bounded = new PgTarget(target.jdbcUrl(), target.user(), target.password(), target.id(),
                min(target.connectTimeout(), left), min(target.statementTimeout(), left));
        return log.map(l -> DatabaseTargets.recordInto(inventory, List.of(bounded), l))
                .orElseGet(() -> DatabaseTargets.collectInto(inventory, List.of(bounded)));
    }

    /** The limit as a user writes it: 90s, 20m, 1h. */
    static String text(Duration d) {
        long s = d.getSeconds();
        String t = s % 3600 == 0 ? s / 3600 + "h" : s % 60 == 0 ? s / 60 + "m" : s + "s";
        return t;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
