package io.hipaaaudit.findings;

/**
 * A finding's verdict. Fail closed: NOT_ASSESSED whenever the data a verdict needs was not observed.
 */
public enum Status {
    /** The condition held on observed data. */
    PASS,
    /** The condition did not hold. */
    FAIL,
    /** The rule does not apply to this resource, or its scope matched nothing. */
    NOT_APPLICABLE,
    /** The data needed was not collected (access denied, timeout, region error) or could not be evaluated. */
    NOT_ASSESSED,
    /** A FAIL covered by an unexpired waiver. */
    WAIVED;

    /** Findings per status, every status present (zero when none), in name order. */
    public static java.util.Map<String, Long> counts(java.util.List<Finding> findings) {
        java.util.Map<String, Long> counts = new java.util.TreeMap<>();
        for (Status s : values()) {
            counts.put(s.name(), 0L);
        }
        findings.forEach(f -> counts.merge(f.status().name(), 1L, Long::sum));
        return counts;
    }
}
