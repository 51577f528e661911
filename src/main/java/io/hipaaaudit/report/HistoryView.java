package io.hipaaaudit.report;

import io.hipaaaudit.history.ScanDiff;
import io.hipaaaudit.history.ScanRow;
import io.hipaaaudit.gate.FindingKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the history database adds to a report: the difference to the previous scan of the same history (absent
 * for the first scan), the most recent scans, oldest first, for a trend chart, and when the history first saw each
 * finding's rule and resource (ASFF's FirstObservedAt).
 */
public record HistoryView(Optional<ScanDiff> sinceLastScan, List<ScanRow> trend,
                          Map<FindingKey, Instant> firstSeen) {
    public HistoryView {
        trend = List.copyOf(trend);
        firstSeen = Map.copyOf(firstSeen);
    }

    public HistoryView(Optional<ScanDiff> sinceLastScan, List<ScanRow> trend) {
        this(sinceLastScan, trend, Map.of());
    }
}
