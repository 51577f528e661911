package io.hipaaaudit.gate;

import io.hipaaaudit.findings.Finding;
import java.util.List;

/**
 * The gate's result: its outcome, the failing findings that are new (they decide it), those already failing in
 * the baseline (reported, not gating), and the baseline failures that are fixed now.
 */
public record GateVerdict(Outcome outcome, boolean withBaseline, List<Finding> newFailing, List<Finding> knownFailing,
                          List<Finding> fixed) {
    /** What the gate decided; a new failure outranks an incomplete scan. */
    public enum Outcome {
        /** Nothing at or above the threshold is newly failing, and the scan is complete (or incomplete is allowed). */
        PASSED,
        /** A finding at or above the threshold fails and is new (every failure is new without a baseline). */
        FAILED,
        /** Nothing new failed, but some findings are NOT_ASSESSED and that is not allowed. */
        INCOMPLETE
    }

    public GateVerdict {
        newFailing = List.copyOf(newFailing);
        knownFailing = List.copyOf(knownFailing);
        fixed = List.copyOf(fixed);
    }
}
