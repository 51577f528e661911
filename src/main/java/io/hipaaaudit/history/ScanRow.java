package io.hipaaaudit.history;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One recorded scan: its history id, findings.json scan id, when, where, and its counts per status. */
public record ScanRow(long id, String scanId, Instant recordedAt, Optional<Instant> finishedAt, String environment,
                      List<String> accounts, Map<String, Long> counts) {
    public ScanRow {
        accounts = List.copyOf(accounts);
        counts = Map.copyOf(counts);
    }
}
