package io.hipaaaudit.gate;

import io.hipaaaudit.findings.Finding;
import io.hipaaaudit.findings.FindingsDocument;
import io.hipaaaudit.findings.Severity;
import io.hipaaaudit.findings.Status;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The CI decision: FAILED when a FAIL at or above the threshold is new (every such FAIL is new without a
 * baseline), else INCOMPLETE when findings are NOT_ASSESSED and that is not allowed, else PASSED.
 */
public final class Gate {
    private Gate() {}

    public static GateVerdict evaluate(FindingsDocument doc, Severity failOn, boolean allowIncomplete,
                                       Optional<Baseline> baseline) {
        List<Finding> failing = doc.findings().stream()
                .filter(f -> f.status() == Status.FAIL && f.severity().atLeast(failOn)).toList();
        Map<Boolean, List<Finding>> split = failing.stream()
                .collect(Collectors.partitioningBy(f -> baseline.map(b -> b.alreadyFailing(f)).orElse(false)));
        List<Finding> known = split.get(true);
        List<Finding> fresh = split.get(false);
        List<Finding> fixed = baseline.map(b -> b.fixedIn(doc)).orElse(List.of());
        boolean incomplete = doc.findings().stream().anyMatch(f -> f.status() == Status.NOT_ASSESSED);
        GateVerdict.Outcome outcome = !fresh.isEmpty() ? GateVerdict.Outcome.FAILED
                : incomplete && !allowIncomplete ? GateVerdict.Outcome.INCOMPLETE : GateVerdict.Outcome.PASSED;
        return new GateVerdict(outcome, baseline.isPresent(), fresh, known, fixed);
    }
}
