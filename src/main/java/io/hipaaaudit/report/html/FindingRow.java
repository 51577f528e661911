package io.hipaaaudit.report.html;

import java.util.List;
import java.util.Optional;

/**
 * One finding as the report shows it. {@code anchor} is its stable id in the page; {@code remediation} is empty when it equals the rule group's; {@code notAssessed}
 * says which API or catalog query failed, or why the condition could not be evaluated.
 */
public record FindingRow(String anchor, StatusCount status, String severity, String ruleId, String title, String area,
                         String resourceType, String resourceId, String arn, String account, String region,
                         String message, List<EvidenceNode> evidence, String remediation,
                         Optional<WaiverView> waiver, Optional<WaiverView> expiredWaiver, List<String> notAssessed) {
    public FindingRow {
        evidence = List.copyOf(evidence);
        notAssessed = List.copyOf(notAssessed);
    }

    /** Who approved a waiver, why, and until when; {@code justification} is empty for an expired waiver's note. */
    public record WaiverView(String id, String approvedBy, String justification, String expires) {}
}
