package io.hipaaaudit.report.html;

import io.hipaaaudit.findings.Finding;
import io.hipaaaudit.findings.Status;
import io.hipaaaudit.findings.Waiver;
import io.hipaaaudit.report.html.FindingRow.WaiverView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Turns findings into rows: visible text, evidence tree, waiver notes and why a finding was not assessed. */
final class FindingRows {
    private FindingRows() {}

    static FindingRow of(String anchor, Finding f, String groupRemediation) {
        var r = f.resource();
        String remediation = f.remediation().equals(groupRemediation) ? "" : Text.visible(f.remediation());
        return new FindingRow(anchor, StatusCount.of(f.status(), 1), f.severity().label(), Text.visible(f.ruleId()),
                Text.visible(f.title()), Text.visible(f.area()), Text.visible(r.type()), Text.visible(r.id()),
                Text.visible(r.arn()), Text.visible(r.account()), Text.visible(r.region()), Text.visible(f.message()),
                EvidenceNode.of(f.evidence()), remediation, f.waiver().map(FindingRows::waiver),
                expiredWaiver(f.evidence()), f.status() == Status.NOT_ASSESSED ? why(f.evidence()) : List.of());
    }

    private static WaiverView waiver(Waiver w) {
        return new WaiverView(Text.visible(w.id()), Text.visible(w.approvedBy()), Text.visible(w.justification()),
                w.expires() == null ? "no expiry" : w.expires().toString());
    }

    /** The note the waiver step leaves in the evidence when the waiver covering a FAIL has expired. */
    private static Optional<WaiverView> expiredWaiver(Map<String, Object> evidence) {
        if (!(evidence.get("expiredWaiver") instanceof Map<?, ?> m)) {
            return Optional.empty();
        }
        return Optional.of(new WaiverView(str(m.get("id")), str(m.get("approvedBy")), "", str(m.get("expires"))));
    }

    /** One line per failed API call or catalog query, or the evaluation error, from the evidence. */
    static List<String> why(Map<String, Object> evidence) {
        List<String> out = new ArrayList<>();
        if (evidence.get("collectionErrors") instanceof List<?> errors) {
            for (Object e : errors) {
                if (e instanceof Map<?, ?> m) {
                    out.add(str(m.get("operation")) + " failed (" + str(m.get("code")) + ")" + scope(m)
                            + (m.get("message") == null ? "" : ": " + str(m.get("message"))));
                }
            }
        }
        if (evidence.containsKey("evaluationError")) {
            out.add("the rule's condition could not be evaluated: " + str(evidence.get("evaluationError")));
        }
        if (out.isEmpty()) {
            out.add("no explanation was recorded in the evidence");
        }
        return out;
    }

    private static String scope(Map<?, ?> m) {
        List<String> parts = new ArrayList<>();
        for (String k : List.of("account", "region", "database")) {
            if (m.get(k) != null) {
                parts.add(k + " " + str(m.get(k)));
            }
        }
        return parts.isEmpty() ? "" : " in " + String.join(", ", parts);
    }

    private static String str(Object o) {
        return Text.visible(Objects.toString(o, ""));
    }
}
