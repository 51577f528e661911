package io.hipaaaudit.waivers;

import io.hipaaaudit.findings.Finding;
import java.util.LinkedHashMap;
import java.util.Map;

/** How a FAIL shows that the waiver which used to cover it has expired: in its message and its evidence. */
final class ExpiredWaiver {
    private ExpiredWaiver() {}

    static Finding mark(Finding f, CompiledWaiver w) {
        Map<String, Object> evidence = new LinkedHashMap<>(f.evidence());
        Map<String, Object> about = new LinkedHashMap<>();
        about.put("id", w.spec().id());
        about.put("expires", w.spec().expires().toString());
        about.put("approvedBy", w.spec().approvedBy());
        evidence.put("expiredWaiver", about);
        String message = f.message() + " (waiver " + w.spec().id() + " expired on " + w.spec().expires() + ")";
        return new Finding(f.ruleId(), f.title(), f.severity(), f.status(), f.area(), f.hipaa(), f.resource(), message,
                evidence, f.remediation(), f.waiver());
    }
}
