package io.hipaaaudit.report;

import io.hipaaaudit.findings.Finding;
import io.hipaaaudit.findings.Waiver;
import java.util.Optional;

/**
 * Our verdict in OCSF's two status fields: {@code compliance.status_id} (the check's result: 1 Pass, 2 Warning,
 * 3 Fail, 99 Other) and the event's {@code status_id} (the finding's triage state: 1 New, 3 Suppressed).
 * NOT_ASSESSED is Warning, which OCSF defines as "did not yield a result due to missing information"; WAIVED stays
 * a Fail (the control is not met) but the finding is Suppressed, with the waiver in {@code status_detail}.
 */
record OcsfStatus(int complianceStatusId, String complianceStatus, int findingStatusId, String findingStatus,
                  Optional<String> detail) {

    static OcsfStatus of(Finding f) {
        return switch (f.status()) {
            case PASS -> new OcsfStatus(1, "Pass", 1, "New", Optional.empty());
            case FAIL -> new OcsfStatus(3, "Fail", 1, "New", Optional.empty());
            case NOT_ASSESSED -> new OcsfStatus(2, "Warning", 1, "New",
                    Optional.of("Not assessed: the data this rule needs was not collected. " + f.message()));
            case WAIVED -> new OcsfStatus(3, "Fail", 3, "Suppressed", Optional.of(waived(f.waiver())));
            case NOT_APPLICABLE -> new OcsfStatus(99, "Not Applicable", 1, "New",
                    Optional.of("The rule does not apply to this resource."));
        };
    }

    private static String waived(Optional<Waiver> waiver) {
        return waiver.map(w -> "Waived by " + w.id() + " (approved by " + w.approvedBy() + ", expires "
                        + w.expires() + "): " + w.justification())
                .orElse("Waived");
    }
}
