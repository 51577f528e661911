package io.hipaaaudit.findings;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.hipaaaudit.inventory.Nulls;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One verdict of one rule on one resource, as written to findings.json. */
@JsonPropertyOrder({"ruleId", "title", "severity", "status", "area", "hipaa", "resource", "message", "evidence",
        "remediation", "waiver"})
public record Finding(String ruleId, String title, Severity severity, Status status, String area, List<String> hipaa,
                      ResourceRef resource, String message, Map<String, Object> evidence, String remediation,
                      Optional<Waiver> waiver) {

    /** The order of findings.json: rule, then the resource ({@link ResourceRef#ORDER}). */
    public static final Comparator<Finding> ORDER = (a, b) -> {
        int c = a.ruleId.compareTo(b.ruleId);
        return c != 0 ? c : ResourceRef.ORDER.compare(a.resource, b.resource);
    };

    public Finding {
        ruleId = Nulls.str(ruleId);
        title = Nulls.str(title);
        area = Nulls.str(area);
        hipaa = Nulls.list(hipaa);
        message = Nulls.str(message);
        evidence = Nulls.sorted(evidence);
        remediation = Nulls.str(remediation);
        waiver = Nulls.opt(waiver);
    }

    public Finding withStatus(Status newStatus, Optional<Waiver> newWaiver) {
        return new Finding(ruleId, title, severity, newStatus, area, hipaa, resource, message, evidence, remediation,
                newWaiver);
    }
}
