package io.hipaaaudit.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hipaaaudit.findings.Finding;
import io.hipaaaudit.findings.ResourceRef;
import io.hipaaaudit.findings.ScanInfo;
import io.hipaaaudit.findings.Status;
import java.util.Map;

/**
 * One finding in the AWS Security Finding Format, for BatchImportFindings under the account's own default product
 * ({@code product/<account>/default}). Severity and Types are also given in FindingProviderFields, the only place
 * Security Hub takes a provider's updates of them from. String limits are the API's.
 */
final class AsffFinding {
    static final String SCHEMA_VERSION = "2018-10-08";
    static final String TYPE = "Software and Configuration Checks/Industry and Regulatory Standards/HIPAA Controls";
    static final int TITLE_MAX = 256;
    static final int DESCRIPTION_MAX = 1024;
    static final int RECOMMENDATION_MAX = 512;
    static final int REQUIREMENTS_MAX = 32;
    static final int PRODUCT_FIELD_MAX = 2048;

    static final int TAGS_MAX = 50;
    static final int STATUS_REASON_MAX = 2048;
    static final int TAG_KEY_MAX = 128;
    static final int TAG_VALUE_MAX = 256;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private AsffFinding() {}

    /** The finding for {@code region} (the resource's, or the scan's home region for a global resource). */
    static ObjectNode of(Finding f, ScanInfo scan, String region, String time, Map<String, String> tags) {
        return of(f, scan, region, time, time, tags, java.util.Optional.empty());
    }

    /**
     * {@code time}: this scan's (UpdatedAt, LastObservedAt); {@code firstSeen}: when the finding was first observed
     * (FirstObservedAt, and CreatedAt, which ASFF defines as when the provider first created it).
     * {@code remediationUrl}: the rule's page, set as {@code Remediation.Recommendation.Url} when known.
     */
    static ObjectNode of(Finding f, ScanInfo scan, String region, String time, String firstSeen,
                         Map<String, String> tags, java.util.Optional<String> remediationUrl) {
        ResourceRef r = f.resource();
        String partition = FindingIdentity.partition(r);
        ObjectNode a = NODES.objectNode()
                .put("SchemaVersion", SCHEMA_VERSION)
                .put("Id", id(f))
                .put("ProductArn", "arn:" + partition + ":securityhub:" + region + ":" + r.account()
                        + ":product/" + r.account() + "/default")
                .put("ProductName", "hipaa-audit")
                .put("GeneratorId", f.ruleId())
                .put("AwsAccountId", r.account());
        a.set("Types", NODES.arrayNode().add(TYPE));
        a.put("FirstObservedAt", firstSeen).put("LastObservedAt", time);
        a.put("CreatedAt", firstSeen).put("UpdatedAt", time);
        a.set("Severity", severity(f));
        a.set("FindingProviderFields", NODES.objectNode().<ObjectNode>set("Severity", severity(f))
                .set("Types", NODES.arrayNode().add(TYPE)));
        a.put("Title", Text.truncate(Text.orElse(f.title(), f.ruleId()), TITLE_MAX));
        a.put("Description", Text.truncate(Text.orElse(description(f), f.ruleId()), DESCRIPTION_MAX));
        ObjectNode recommendation = NODES.objectNode()
                .put("Text", Text.truncate(Text.orElse(f.remediation(), "See the rule's documentation."),
                        RECOMMENDATION_MAX));
        remediationUrl.ifPresent(u -> recommendation.put("Url", u));
        a.set("Remediation", NODES.objectNode().set("Recommendation", recommendation));
        a.set("ProductFields", productFields(f, scan));
        ObjectNode resource = NODES.objectNode()
                .put("Type", AwsResourceTypes.asff(r.type()))
                .put("Id", resourceId(r))
                .put("Partition", partition)
                .put("Region", region);
        ObjectNode resourceTags = tags(tags);
        if (!resourceTags.isEmpty()) {
            resource.set("Tags", resourceTags);
        }
        a.set("Resources", NODES.arrayNode().add(resource));
        a.set("Compliance", compliance(f));
        // No Workflow: BatchImportFindings sets it only when a finding is created, so a SUPPRESSED from a waiver
        // would outlive the waiver and hide the FAIL that follows. Waivers go through batch-update-findings.
        a.put("RecordState", "ACTIVE").put("Region", region);
        return a;
    }

    /**
     * The resource's tags within the model's limits (keys 1–128 characters, values 1–256 and not blank, at most
     * 50): a tag outside them is left out rather than cut, since a cut key or value would name another tag.
     */
    static ObjectNode tags(Map<String, String> tags) {
        ObjectNode out = NODES.objectNode();
        new java.util.TreeMap<>(tags).forEach((k, v) -> {
            // the model's keys and values are non-empty strings (pattern .*\S.*): a blank one is left out too
            if (out.size() < TAGS_MAX && !k.isBlank() && k.length() <= TAG_KEY_MAX && !v.isBlank()
                    && v.length() <= TAG_VALUE_MAX) {
                out.put(k, v);
            }
        });
        return out;
    }

    /** Stable per rule, account, region and resource: a re-import updates the same Security Hub finding. */
    static String id(Finding f) {
        return "hipaa-audit/" + f.ruleId() + "/" + FindingIdentity.of(f);
    }

    private static String resourceId(ResourceRef r) {
        // Security Hub's own account-level findings name the account this way
        return r.type().equals("aws.account") ? "AWS::::Account:" + r.account() : r.uid();
    }

    private static String description(Finding f) {
        return switch (f.status()) {
            case NOT_ASSESSED -> "Not assessed (the data this rule needs was not collected): " + f.message();
            case WAIVED -> f.message() + f.waiver().map(w -> " | Waived by " + w.id() + ", approved by "
                    + w.approvedBy() + " until " + w.expires() + ": " + w.justification()).orElse(" | Waived");
            default -> f.message();
        };
    }

    private static ObjectNode severity(Finding f) {
        String label = switch (f.severity()) {
            case CRITICAL -> "CRITICAL";
            case HIGH -> "HIGH";
            case MEDIUM -> "MEDIUM";
            case LOW -> "LOW";
            case INFO -> "INFORMATIONAL";
        };
        return NODES.objectNode().put("Label", label).put("Original", f.severity().label());
    }

    private static ObjectNode compliance(Finding f) {
        String status = switch (f.status()) {
            case PASS -> "PASSED";
            case FAIL, WAIVED -> "FAILED";
            case NOT_ASSESSED, NOT_APPLICABLE -> "NOT_AVAILABLE";
        };
        ArrayNode requirements = NODES.arrayNode();
        f.hipaa().stream().limit(REQUIREMENTS_MAX).forEach(h -> requirements.add("HIPAA " + h));
        ObjectNode c = NODES.objectNode().put("Status", status);
        c.set("RelatedRequirements", requirements);
        if (f.status() == io.hipaaaudit.findings.Status.NOT_ASSESSED) {
            // why there is no result: the data the rule needs and what kept it from being collected
            c.set("StatusReasons", NODES.arrayNode().add(NODES.objectNode().put("ReasonCode", "NOT_ASSESSED")
                    .put("Description", Text.truncate(Text.orElse(f.message(), "not assessed"), STATUS_REASON_MAX))));
        }
        return c;
    }

    /** Our own fields, filterable in the console; empty values are left out (the API rejects them). */
    private static ObjectNode productFields(Finding f, ScanInfo scan) {
        ObjectNode p = NODES.objectNode();
        put(p, "RuleId", f.ruleId());
        put(p, "Status", f.status().name());
        put(p, "Area", f.area());
        put(p, "ResourceType", f.resource().type());
        put(p, "ScanId", scan.id());
        put(p, "Environment", scan.environment());
        f.waiver().ifPresent(w -> put(p, "WaiverId", w.id()));
        return p;
    }

    private static void put(ObjectNode fields, String key, String value) {
        if (!value.isBlank()) {
            fields.put("hipaa-audit/" + key, Text.truncate(value, PRODUCT_FIELD_MAX));
        }
    }
}
