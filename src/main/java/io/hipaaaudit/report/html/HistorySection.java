package io.hipaaaudit.report.html;

import io.hipaaaudit.history.FindingState;
import io.hipaaaudit.history.ScanDiff;
import io.hipaaaudit.history.ScanRow;
import io.hipaaaudit.report.HistoryView;
import java.util.List;
import java.util.Optional;

/** "Since last scan" (absent for the first recorded scan) and the trend over the recorded scans. */
public record HistorySection(Optional<Diff> diff, TrendChart trend, int scans) {

    /** The four lists of a scan diff, in the order an auditor reads them. */
    public record Diff(String from, String to, List<ChangeList> lists) {
        public Diff {
            lists = List.copyOf(lists);
        }
    }

    /** One list of changes, e.g. "New failing". */
    public record ChangeList(String title, String css, List<Change> changes) {
        public ChangeList {
            changes = List.copyOf(changes);
        }
    }

    /** One finding identity's verdict before and after. */
    public record Change(String ruleId, String type, String id, String account, String region, String before,
                         String after, String severity, String message) {}

    static HistorySection of(HistoryView view) {
        return new HistorySection(view.sinceLastScan().map(HistorySection::diff), TrendChart.of(view.trend()),
                view.trend().size());
    }

    private static Diff diff(ScanDiff d) {
        return new Diff(label(d.from()), label(d.to()), List.of(
                list("New failing", "st-fail", d.newFailing()),
                list("Resolved", "st-pass", d.resolved()),
                list("Still failing", "st-fail", d.stillFailing()),
                list("Newly waived", "st-waived", d.newlyWaived())));
    }

    private static String label(ScanRow r) {
        return "scan " + r.id() + " (" + r.recordedAt() + ", " + Text.visible(r.environment()) + ")";
    }

    private static ChangeList list(String title, String css, List<ScanDiff.Change> changes) {
        return new ChangeList(title, css, changes.stream().map(HistorySection::change).toList());
    }

    private static Change change(ScanDiff.Change c) {
        var k = c.key();
        Optional<FindingState> latest = c.after().or(c::before);
        return new Change(Text.visible(k.ruleId()), Text.visible(k.type()), Text.visible(k.id()),
                Text.visible(k.account()), Text.visible(k.region()), state(c.before()), state(c.after()),
                latest.map(s -> s.severity().label()).orElse(""),
                Text.visible(latest.map(FindingState::message).orElse("")));
    }

    private static String state(Optional<FindingState> s) {
        return s.map(x -> StatusCount.label(x.status())).orElse("absent");
    }
}
