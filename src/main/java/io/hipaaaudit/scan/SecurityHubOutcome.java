package io.hipaaaudit.scan;

import io.hipaaaudit.collect.aws.SecurityHubFindings.Failure;
import java.util.List;

/**
 * What the Security Hub import did: where it went, how many findings were sent and archived, and what failed, per
 * finding id (an empty id: a call that names no finding, such as a failed GetFindings).
 */
public record SecurityHubOutcome(String account, String region, int imported, List<Failure> importFailures,
                                 int archived, List<Failure> archiveFailures) {
    public SecurityHubOutcome {
        importFailures = List.copyOf(importFailures);
        archiveFailures = List.copyOf(archiveFailures);
    }

    /** True when some finding of the scan did not reach Security Hub, or a stale one could not be archived. */
    public boolean failed() {
        return !importFailures.isEmpty() || !archiveFailures.isEmpty();
    }
}
