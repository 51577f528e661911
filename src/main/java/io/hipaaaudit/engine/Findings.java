package io.hipaaaudit.engine;

import io.hipaaaudit.findings.Finding;
import io.hipaaaudit.findings.ResourceRef;
import io.hipaaaudit.findings.Status;
import io.hipaaaudit.inventory.CollectionError;
import io.hipaaaudit.rules.Rule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds findings from a rule's metadata, so every finding of a rule carries the same title, area and citations. */
final class Findings {
    private Findings() {}

    static Finding of(Rule rule, ResourceRef ref, Status status, String message, Map<String, Object> evidence) {
        return of(rule, rule.severity(), ref, status, message, evidence);
    }

    static Finding of(Rule rule, io.hipaaaudit.findings.Severity severity, ResourceRef ref, Status status,
                      String message, Map<String, Object> evidence) {
        return new Finding(rule.id(), rule.file().title(), severity, status, rule.file().area(), rule.hipaa(),
                ref, message, evidence, rule.file().remediation().strip(), Optional.empty());
    }

    static Map<String, Object> errorEvidence(List<CollectionError> errors) {
        return Map.of("collectionErrors", errors.stream().map(e -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("operation", e.operation());
            m.put("code", e.code());
            m.put("message", e.message());
            e.account().ifPresent(a -> m.put("account", a));
            e.region().ifPresent(r -> m.put("region", r));
            e.database().ifPresent(d -> m.put("database", d));
            m.put("resourceTypes", e.resourceTypes());
            e.resource().ifPresent(r -> m.put("resource", r));
            if (!e.fields().isEmpty()) {
                m.put("fields", e.fields());
            }
            return (Object) m;
        }).toList());
    }

    /** A CEL error without the parser's position noise, e.g. "key 'kmsKey' is not present in map". */
    static String celError(Exception e) {
        String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return msg.replaceFirst("^evaluation error at <input>:\\d+: ", "")
                .replaceFirst("^evaluation error: ", "")
                .replaceAll("\\s+", " ").trim();
    }
}
