package io.hipaaaudit.gate;

import io.hipaaaudit.findings.Finding;
import java.util.List;

/**
 * The gate's result: the exit code, the failing findings that are new (they decide it), those already failing in
 * the baseline (reported, not gating), and the baseline failures that are fixed now.
 */
public record GateVerdict(int exit, boolean withBaseline, List<Finding> newFailing, List<Finding> knownFailing,
                          List<Finding> fixed) {
    public GateVerdict {
        newFailing = List.copyOf(newFailing);
        knownFailing = List.copyOf(knownFailing);
        fixed = List.copyOf(fixed);
    }
}
