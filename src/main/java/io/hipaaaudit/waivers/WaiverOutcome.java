package io.hipaaaudit.waivers;

import io.hipaaaudit.findings.Finding;
import io.hipaaaudit.findings.FindingsDocument;
import java.util.List;

/**
 * The findings after waivers, with what the console reports: ids of waivers that waived something, the FAIL
 * findings whose waiver has expired, and ids of waivers that matched no failing finding.
 */
public record WaiverOutcome(FindingsDocument document, List<String> applied, List<Finding> expired,
                            List<String> unused) {
    public WaiverOutcome {
        applied = List.copyOf(applied);
        expired = List.copyOf(expired);
        unused = List.copyOf(unused);
    }
}
