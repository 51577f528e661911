package io.hipaaaudit.history;

import io.hipaaaudit.findings.Status;
import io.hipaaaudit.gate.FindingKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What changed between two scans, finding identity by identity.
 * {@code newFailing}: FAIL now, not FAIL before (absent, passing, unknown, or waived before);
 * {@code resolved}: FAIL or WAIVED before, passing, not applicable or gone now;
 * {@code stillFailing}: FAIL in both; {@code newlyWaived}: WAIVED now, not before.
 */
public record ScanDiff(ScanRow from, ScanRow to, List<Change> newFailing, List<Change> resolved,
                       List<Change> stillFailing, List<Change> newlyWaived) {

    /** One identity's verdict before and after ({@code empty} when it had no finding in that scan). */
    public record Change(FindingKey key, Optional<FindingState> before, Optional<FindingState> after) {}

    private static final Set<Status> OPEN = Set.of(Status.FAIL, Status.WAIVED);
    private static final Set<Status> CLOSED = Set.of(Status.PASS, Status.NOT_APPLICABLE);

    static ScanDiff of(ScanRow from, ScanRow to, List<FindingState> before, List<FindingState> after) {
        Map<FindingKey, FindingState> a = index(before);
        Map<FindingKey, FindingState> b = index(after);
        List<Change> fresh = new ArrayList<>();
        List<Change> resolved = new ArrayList<>();
        List<Change> still = new ArrayList<>();
        List<Change> waived = new ArrayList<>();
        for (FindingState now : b.values()) {
            Optional<FindingState> then = Optional.ofNullable(a.get(now.key()));
            Change change = new Change(now.key(), then, Optional.of(now));
            boolean failedBefore = then.map(t -> t.status() == Status.FAIL).orElse(false);
            if (now.status() == Status.FAIL) {
                (failedBefore ? still : fresh).add(change);
            } else if (now.status() == Status.WAIVED && then.map(t -> t.status() != Status.WAIVED).orElse(true)) {
                waived.add(change);
            }
        }
        for (FindingState then : a.values()) {
            FindingState now = b.get(then.key());
            if (OPEN.contains(then.status()) && (now == null || CLOSED.contains(now.status()))) {
                resolved.add(new Change(then.key(), Optional.of(then), Optional.ofNullable(now)));
            }
        }
        return new ScanDiff(from, to, sorted(fresh), sorted(resolved), sorted(still), sorted(waived));
    }

    private static Map<FindingKey, FindingState> index(List<FindingState> states) {
        Map<FindingKey, FindingState> out = new LinkedHashMap<>();
        states.forEach(s -> out.put(s.key(), s));
        return out;
    }

    private static List<Change> sorted(List<Change> changes) {
        return changes.stream().sorted(Comparator.comparing((Change c) -> c.key().ruleId())
                .thenComparing(c -> c.key().account()).thenComparing(c -> c.key().region())
                .thenComparing(c -> c.key().type()).thenComparing(c -> c.key().id())).toList();
    }
}
