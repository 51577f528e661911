package io.hipaaaudit.rules;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.hipaaaudit.findings.Severity;
import io.hipaaaudit.inventory.Nulls;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The shape of {@code rules/<area>/<id>/rule.yaml}, read strictly: an unknown key is an error.
 *
 * <p>{@code params} maps an environment name ({@code default}, {@code dev}, {@code prod} or any custom name) to
 * parameter values; an environment inherits {@code default} and may only override keys declared there.
 * {@code requires} lists further resource types whose collection must be complete for a verdict.
 * {@code evidence} maps an evidence name to a CEL expression over the resource. {@code not_applicable_message}
 * explains a NOT_APPLICABLE verdict of {@code applies_if} (for example: no policy was declared).
 * {@code attribute_to} is a CEL expression giving the names (ids, or ARNs for KMS keys) of related resources
 * whose recent CloudTrail changes can explain a FAIL, e.g. a database's security groups; the failing resource
 * itself is always looked up. {@code escalate} raises a failing finding's severity ({@code to}) when its CEL
 * expression ({@code when}) holds for the resource, e.g. when the data at risk also leaves the account.
 */
public record RuleFile(
        String id,
        String title,
        String area,
        Severity severity,
        String resource,
        List<String> hipaa,
        String nprm2025,
        String rationale,
        String remediation,
        List<String> requires,
        Map<String, Map<String, Object>> params,
        @JsonProperty("applies_if") Optional<String> appliesIf,
        String condition,
        String message,
        @JsonProperty("pass_message") Optional<String> passMessage,
        @JsonProperty("not_applicable_message") Optional<String> notApplicableMessage,
        Map<String, String> evidence,
        @JsonProperty("attribute_to") Optional<String> attributeTo,
        Optional<Escalation> escalate,
        List<String> references) {

    /** A higher severity for the failing findings whose resource satisfies {@code when}. */
    public record Escalation(Severity to, String when) {}


    public RuleFile {
        hipaa = Nulls.list(hipaa);
        requires = Nulls.list(requires);
        params = params == null ? Map.of() : params;
        appliesIf = Nulls.opt(appliesIf);
        passMessage = Nulls.opt(passMessage);
        notApplicableMessage = Nulls.opt(notApplicableMessage);
        evidence = evidence == null ? Map.of() : evidence;
        attributeTo = Nulls.opt(attributeTo);
        escalate = Nulls.opt(escalate);
        references = Nulls.list(references);
    }
}
