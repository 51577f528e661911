package io.hipaaaudit.rules;

import io.hipaaaudit.rules.expr.CelSupport;
import io.hipaaaudit.findings.Severity;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A loaded rule: its metadata as written in rule.yaml, its expressions compiled, and where it came from
 * ({@code source} for messages, {@link #directory()} for its fixtures: resolved when first asked, since the bundled
 * pack is read from the jar's entries and opening the jar as a file system costs more than loading the rules).
 * {@code params} is already resolved per environment name ({@code default} plus every named override).
 */
public record Rule(
        RuleFile file,
        String source,
        java.util.function.Supplier<java.nio.file.Path> location,
        Optional<CelSupport.Compiled> appliesIf,
        CelSupport.Compiled condition,
        Template message,
        Optional<Template> passMessage,
        Optional<Template> notApplicableMessage,
        Map<String, CelSupport.Compiled> evidence,
        Optional<CelSupport.Compiled> attributeTo,
        Optional<CelSupport.Compiled> escalateWhen,
        Map<String, Map<String, Object>> params) {

    /** The same rule with other parameters (organisation overrides from the configuration). */
    public Rule withParams(Map<String, Map<String, Object>> newParams) {
        return new Rule(file, source, location, appliesIf, condition, message, passMessage, notApplicableMessage,
                evidence, attributeTo, escalateWhen, newParams);
    }

    /** The rule's folder, where its fixtures are. */
    public java.nio.file.Path directory() {
        return location.get();
    }

    public String id() {
        return file.id();
    }

    public String resourceType() {
        return file.resource();
    }

    public Severity severity() {
        return file.severity();
    }

    public List<String> hipaa() {
        return file.hipaa();
    }

    /** Parameters for an environment: the named override merged over {@code default}. */
    public Map<String, Object> paramsFor(String environment) {
        Map<String, Object> named = params.get(environment);
        return named != null ? named : params.getOrDefault("default", Map.of());
    }
}
