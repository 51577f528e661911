package io.hipaaaudit.scan.drift;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonValue;
import io.hipaaaudit.text.Printable;

/**
 * One line of drift.json: a rule whose verdict differs on a paired resource, a resource on one side only, a
 * comparison left NOT_ASSESSED, or a resource that could not be paired. Every key is always written ({@code null}
 * where it does not apply), so the shape is the same for every kind. Text from either side is made printable.
 *
 * @param kind              what this line says (see {@link Kind})
 * @param stack             the stack (the template's stack name, as CloudFormation tags the deployed resource)
 * @param logicalId         the resource's logical id
 * @param type              the inventory type ({@code aws.rds.db_instance})
 * @param cloudformationType the type declared in the template, when it is declared there
 * @param template          the template file and line declaring it ({@code path:line}), when declared
 * @param deployedId        the deployed resource's id, when there is one
 * @param deployedArn       the deployed resource's ARN, when there is one
 * @param account           the deployed resource's account
 * @param region            the deployed resource's region (the template's, for a planned-only resource)
 * @param pairedBy          how the two were paired: {@code tags}, or the explicit name ({@code DBSubnetGroupName x})
 * @param ruleId            the rule whose verdicts are compared (verdict-changed, not-assessed)
 * @param severity          that rule's severity
 * @param planned           the template's verdict and message
 * @param deployed          the account's verdict and message
 * @param reason            why it could not be paired (not-paired)
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"kind", "stack", "logicalId", "type", "cloudformationType", "template", "deployedId", "deployedArn",
        "account", "region", "pairedBy", "ruleId", "severity", "planned", "deployed", "reason"})
public record DriftRow(Kind kind, String stack, String logicalId, String type, String cloudformationType,
                       String template, String deployedId, String deployedArn, String account, String region,
                       String pairedBy, String ruleId, String severity, Verdict planned, Verdict deployed,
                       String reason) {
    public DriftRow {
        stack = clean(stack);
        logicalId = clean(logicalId);
        deployedId = clean(deployedId);
        deployedArn = clean(deployedArn);
        account = clean(account);
        region = clean(region);
        pairedBy = clean(pairedBy);
        reason = clean(reason);
    }

    /** A side's verdict: the finding's status and message. */
    @JsonPropertyOrder({"status", "message"})
    public record Verdict(@JsonProperty("status") String status, @JsonProperty("message") String message) {
        public Verdict {
            message = clean(message);
        }
    }

    /** What a line says; the first three are drift. */
    public enum Kind {
        /** The rule's verdict on the deployed resource differs from the template's (WAIVED counts as FAIL). */
        VERDICT_CHANGED("verdict-changed"),
        /** Declared in the template, not found deployed. */
        PLANNED_ONLY("planned-only"),
        /** Tagged with a planned stack's name, not declared in its template. */
        DEPLOYED_ONLY("deployed-only"),
        /** The rule is NOT_ASSESSED on one side or both: neither drift nor agreement. */
        NOT_ASSESSED("not-assessed"),
        /** No deployed resource could be told to be this planned one, or the reverse (see {@code reason}). */
        NOT_PAIRED("not-paired");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        @JsonValue
        public String label() {
            return label;
        }

        public boolean drift() {
            return this == VERDICT_CHANGED || this == PLANNED_ONLY || this == DEPLOYED_ONLY;
        }
    }

    private static String clean(String s) {
        return s == null ? null : Printable.line(s);
    }
}
