package io.hipaaaudit.report;

import io.hipaaaudit.history.ScanDiff;
import io.hipaaaudit.history.ScanRow;
import java.util.List;
import java.util.Optional;

/**
 * What the history database adds to a report: the difference to the previous scan of the same history (absent
 * for the first scan) and the most recent scans, oldest first, for a trend chart.
 */
public record HistoryView(Optional<ScanDiff> sinceLastScan, List<ScanRow> trend) {
    public HistoryView {
        trend = List.copyOf(trend);
    }
}
