package io.hipaaaudit.gate;

import io.hipaaaudit.findings.Finding;
import io.hipaaaudit.findings.FindingsDocument;
import io.hipaaaudit.findings.Status;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A previous findings.json the gate compares against. A finding that already failed there is known, not new.
 * A finding that was only WAIVED there is new once its waiver is gone: the accepted risk has to be decided again.
 */
public final class Baseline {
    private static final Set<Status> RESOLVED = Set.of(Status.PASS, Status.NOT_APPLICABLE);
    private final FindingsDocument previous;
    private final Map<FindingKey, Finding> byKey = new HashMap<>();

    public Baseline(FindingsDocument previous) {
        this.previous = previous;
        previous.findings().forEach(f -> byKey.put(FindingKey.of(f), f));
    }

    public static Baseline read(Path file) {
        return new Baseline(FindingsDocument.read(file));
    }

    public boolean alreadyFailing(Finding f) {
        Finding before = byKey.get(FindingKey.of(f));
        return before != null && before.status() == Status.FAIL;
    }

    /**
     * Findings that failed in the baseline and now pass, no longer apply, or whose resource is gone from a scope
     * that was scanned again (a resource missing because its account was not scanned this time is not "fixed").
     */
    public List<Finding> fixedIn(FindingsDocument current) {
        Map<FindingKey, Finding> now = new HashMap<>();
        current.findings().forEach(f -> now.put(FindingKey.of(f), f));
        return previous.findings().stream()
                .filter(f -> f.status() == Status.FAIL)
                .filter(f -> {
                    Finding after = now.get(FindingKey.of(f));
                    return after == null ? scanned(current, f) : RESOLVED.contains(after.status());
                })
                .sorted(Finding.ORDER).toList();
    }

    private static boolean scanned(FindingsDocument current, Finding f) {
        return f.resource().account().isEmpty() || current.scan().accounts().contains(f.resource().account());
    }
}
