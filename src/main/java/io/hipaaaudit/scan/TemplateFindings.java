package io.hipaaaudit.scan;

import io.hipaaaudit.findings.Finding;
import io.hipaaaudit.findings.Status;
import io.hipaaaudit.template.TemplateSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The findings of a template scan with where their resource is declared ({@code stack}, {@code logicalId},
 * {@code template} file and {@code templateLine} in the evidence, which the SARIF report turns into the result's
 * physical location). A finding left NOT_ASSESSED only by facts that exist once the resource runs (the latest
 * restore point) is NOT_APPLICABLE before deploy: the scan after deploy judges it.
 */
final class TemplateFindings {
    private TemplateFindings() {}

    static List<Finding> located(List<Finding> findings, TemplateSource.Loaded loaded) {
        return findings.stream().map(f -> locate(f, loaded)).toList();
    }

    private static Finding locate(Finding f, TemplateSource.Loaded loaded) {
        Optional<TemplateSource.Location> at = loaded.of(f.resource().account(), f.resource().region(),
                f.resource().id());
        if (at.isEmpty()) {
            return f;
        }
        Map<String, Object> evidence = new LinkedHashMap<>(f.evidence());
        evidence.put("stack", at.get().stack());
        evidence.put("logicalId", at.get().logicalId());
        evidence.put("cloudformationType", at.get().type());
        evidence.put("template", at.get().file());
        evidence.put("templateLine", (long) at.get().line());
        Status status = f.status();
        String message = f.message();
        if (status == Status.NOT_ASSESSED && onlyAfterDeploy(f)) {
            status = Status.NOT_APPLICABLE;
            message = "not applicable before deploy: " + f.message().replaceFirst("^not assessed: ", "")
                    + "; the scan after deploy judges it";
        }
        return new Finding(f.ruleId(), f.title(), f.severity(), status, f.area(), f.hipaa(), f.resource(), message,
                evidence, f.remediation(), f.waiver());
    }

    private static boolean onlyAfterDeploy(Finding f) {
        if (!(f.evidence().get("collectionErrors") instanceof List<?> errors) || errors.isEmpty()) {
            return false;
        }
        return errors.stream().allMatch(e -> e instanceof Map<?, ?> m
                && TemplateSource.AFTER_DEPLOY.equals(m.get("code")));
    }
}
