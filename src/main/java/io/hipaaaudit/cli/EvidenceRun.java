package io.hipaaaudit.cli;

import io.hipaaaudit.collect.DatabaseTargets;
import io.hipaaaudit.collect.aws.AwsCollection;
import io.hipaaaudit.collect.aws.AwsEvidence;
import io.hipaaaudit.collect.aws.CollectionProgress;
import io.hipaaaudit.engine.Scan;
import io.hipaaaudit.evidence.BundleWriter;
import io.hipaaaudit.evidence.EvidenceBundle;
import io.hipaaaudit.evidence.EvidenceLog;
import io.hipaaaudit.evidence.Manifest;
import io.hipaaaudit.inventory.Inventory;
import io.hipaaaudit.inventory.aws.Account;
import io.hipaaaudit.inventory.aws.ChangeTarget;
import io.hipaaaudit.inventory.pg.PgDatabase;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/** {@code scan --record DIR} and {@code scan --replay DIR}: the evidence bundle around the real collectors. */
final class EvidenceRun {
    private EvidenceRun() {}

    /** Verifies the bundle, then collects again from it: AWS through the SDK clients, then the databases. */
    static SourceOptions.Collected replay(Path dir, CollectionProgress progress,
                                          Function<Inventory, Collection<ChangeTarget>> attribution) {
        EvidenceBundle bundle = EvidenceBundle.open(dir);
        Inventory inventory = Inventory.empty();
        Map<String, Long> calls = Map.of();
        if (bundle.manifest().aws().isPresent()) {
            AwsCollection aws = AwsEvidence.replay(bundle, progress, attribution);
            inventory = aws.inventory();
            calls = aws.apiCalls();
        }
        if (!bundle.databases().isEmpty()) {
            inventory = DatabaseTargets.replayInto(inventory, bundle.databases());
        }
        return new SourceOptions.Collected(inventory, calls);
    }

    static Manifest write(Path dir, EvidenceLog log, Inventory inventory, String rulePackSha256, Instant startedAt,
                          Instant finishedAt) {
        TreeSet<String> regions = new TreeSet<>();
        inventory.accounts().forEach(a -> regions.addAll(a.regions()));
        Manifest header = new Manifest(Manifest.FORMAT_VERSION, "hipaa-audit", Scan.Version.get(), rulePackSha256,
                startedAt, finishedAt, log.aws(), inventory.accounts().stream().map(Account::id).toList(),
                java.util.List.copyOf(regions), inventory.databases().stream().map(PgDatabase::id).toList(), Map.of());
        return BundleWriter.write(dir, log, header);
    }
}
