package io.hipaaaudit.scan;

import io.hipaaaudit.engine.Scan;
import io.hipaaaudit.evidence.BundleWriter;
import io.hipaaaudit.evidence.EvidenceLog;
import io.hipaaaudit.evidence.Manifest;
import io.hipaaaudit.inventory.Inventory;
import io.hipaaaudit.inventory.aws.Account;
import io.hipaaaudit.inventory.pg.PgDatabase;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** The evidence bundle of a recorded scan: every exchange of the log, and a manifest of what was collected. */
final class Evidence {
    private Evidence() {}

    static Manifest write(Path dir, EvidenceLog log, Inventory inventory, String rulePackSha256, Instant startedAt,
                          Instant finishedAt) {
        TreeSet<String> regions = new TreeSet<>();
        inventory.accounts().forEach(a -> regions.addAll(a.regions()));
        Manifest header = new Manifest(Manifest.FORMAT_VERSION, "hipaa-audit", Scan.Version.get(), rulePackSha256,
                startedAt, finishedAt, log.aws(), inventory.accounts().stream().map(Account::id).toList(),
                List.copyOf(regions), inventory.databases().stream().map(PgDatabase::id).toList(), Map.of());
        return BundleWriter.write(dir, log, header);
    }
}
