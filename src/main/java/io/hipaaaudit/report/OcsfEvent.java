package io.hipaaaudit.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hipaaaudit.findings.Finding;
import io.hipaaaudit.findings.ResourceRef;
import io.hipaaaudit.findings.ScanInfo;
import io.hipaaaudit.findings.Status;
import io.hipaaaudit.json.Json;
import java.util.Map;

/**
 * One finding as an OCSF 1.3.0 Compliance Finding event (class 2003, category 2 Findings, activity 1 Create): the
 * class for the result of checking a resource against a standard's control, which is what a finding is (Detection
 * Finding, 2004, is for detected threats and activity). 1.3.0 because it is the first version whose Compliance
 * Finding has {@code resources} (1.1.0 has only the single {@code resource}, deprecated since 1.3.0); the tests
 * validate every event against the official 1.3.0 schema. The cloud profile is applied only when the resource's
 * AWS account is known.
 */
final class OcsfEvent {
    static final String VERSION = "1.3.0";
    /** The class's file in the OCSF schema source, {@code events/<path>.json}. */
    static final String CLASS_PATH = "findings/compliance_finding";
    static final int CLASS_UID = 2003;
    static final int CATEGORY_UID = 2;
    static final int ACTIVITY_CREATE = 1;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private OcsfEvent() {}

    static ObjectNode of(Finding f, ScanInfo scan, long timeMillis, Map<String, String> tags) {
        OcsfStatus status = OcsfStatus.of(f);
        ResourceRef r = f.resource();
        boolean cloud = !r.account().isEmpty();
        ObjectNode e = NODES.objectNode();
        e.put("activity_id", ACTIVITY_CREATE).put("activity_name", "Create")
                .put("category_uid", CATEGORY_UID).put("category_name", "Findings")
                .put("class_uid", CLASS_UID).put("class_name", "Compliance Finding")
                .put("type_uid", CLASS_UID * 100 + ACTIVITY_CREATE).put("type_name", "Compliance Finding: Create")
                .put("time", timeMillis)
                .put("severity_id", severityId(f)).put("severity", severityName(f))
                .put("status_id", status.findingStatusId()).put("status", status.findingStatus())
                .put("message", f.message())
                // the verdict as this tool names it, and what explains it
                .put("status_code", f.status().name())
                .put("status_detail", status.detail().orElse(f.message()));
        e.set("metadata", metadata(f, scan, cloud));
        e.set("finding_info", findingInfo(f, timeMillis));
        e.set("compliance", compliance(f, status));
        e.set("resources", NODES.arrayNode().add(resource(r, tags)));
        if (cloud) {
            e.set("cloud", cloud(r));
        }
        e.set("remediation", NODES.objectNode().put("desc", f.remediation()));
        e.set("unmapped", unmapped(f, scan));
        return e;
    }

    private static ObjectNode metadata(Finding f, ScanInfo scan, boolean cloud) {
        ObjectNode m = NODES.objectNode().put("version", VERSION);
        m.set("product", NODES.objectNode().put("uid", "hipaa-audit").put("name", "hipaa-audit")
                .put("vendor_name", "hipaa-audit").put("version", scan.version()));
        m.put("event_code", f.ruleId());
        // uid is this event (this scan's verdict); correlation_uid ties together the events of one scan
        m.put("uid", FindingIdentity.uuid(scan.id(), FindingIdentity.of(f).toString()).toString());
        m.put("correlation_uid", scan.id());
        if (cloud) {
            m.set("profiles", NODES.arrayNode().add("cloud"));
        }
        return m;
    }

    private static ObjectNode findingInfo(Finding f, long timeMillis) {
        ObjectNode i = NODES.objectNode().put("uid", FindingIdentity.of(f).toString())
                .put("title", f.title()).put("desc", f.message()).put("created_time", timeMillis);
        i.set("types", NODES.arrayNode().add("HIPAA Security Rule/" + f.area()));
        // analytic type 1 is Rule
        i.set("analytic", NODES.objectNode().put("uid", f.ruleId()).put("name", f.title())
                .put("type_id", 1).put("type", "Rule"));
        return i;
    }

    private static ObjectNode compliance(Finding f, OcsfStatus status) {
        ObjectNode c = NODES.objectNode();
        c.set("standards", NODES.arrayNode().add("HIPAA Security Rule"));
        c.set("requirements", strings(f.hipaa().stream().map(h -> "45 CFR " + h).toList()));
        c.put("control", f.ruleId()).put("status_id", status.complianceStatusId()).put("status", status.complianceStatus());
        status.detail().ifPresent(d -> c.put("status_detail", d));
        return c;
    }

    private static ObjectNode resource(ResourceRef r, Map<String, String> tags) {
        ObjectNode res = NODES.objectNode().put("uid", r.uid()).put("name", r.id());
        if (!tags.isEmpty()) {
            // OCSF 1.3.0 resources have string labels, not key-value tags
            res.set("labels", strings(tags.entrySet().stream().map(t -> t.getKey() + ":" + t.getValue()).toList()));
        }
        String aws = AwsResourceTypes.asff(r.type());
        res.put("type", aws.equals(AwsResourceTypes.OTHER) ? r.type() : aws);
        if (!r.region().isEmpty()) {
            res.put("region", r.region());
        }
        if (!r.account().isEmpty()) {
            res.put("cloud_partition", FindingIdentity.partition(r));
        }
        res.set("data", NODES.objectNode().put("hipaa_audit_type", r.type()).put("account_uid", r.account()));
        return res;
    }

    private static ObjectNode cloud(ResourceRef r) {
        ObjectNode c = NODES.objectNode().put("provider", "AWS");
        // account type_id 10 is AWS Account
        c.set("account", NODES.objectNode().put("uid", r.account()).put("type_id", 10).put("type", "AWS Account"));
        if (!r.region().isEmpty()) {
            c.put("region", r.region());
        }
        return c;
    }

    private static ObjectNode unmapped(Finding f, ScanInfo scan) {
        ObjectNode u = NODES.objectNode().put("area", f.area()).put("hipaa_audit_status", f.status().name())
                .put("environment", scan.environment());
        u.set("evidence", evidence(f.evidence()));
        // the framework and its requirements, as other compliance scanners put them for OCSF consumers
        u.set("compliance", NODES.objectNode().set("HIPAA", strings(f.hipaa())));
        f.waiver().ifPresent(w -> u.set("waiver", Json.json().valueToTree(w)));
        return u;
    }

    private static JsonNode evidence(Map<String, Object> evidence) {
        return Json.json().valueToTree(evidence);
    }

    private static ArrayNode strings(Iterable<String> values) {
        ArrayNode a = NODES.arrayNode();
        values.forEach(a::add);
        return a;
    }

    private static int severityId(Finding f) {
        return switch (f.severity()) {
            case CRITICAL -> 5;
            case HIGH -> 4;
            case MEDIUM -> 3;
            case LOW -> 2;
            case INFO -> 1;
        };
    }

    private static String severityName(Finding f) {
        return switch (f.severity()) {
            case CRITICAL -> "Critical";
            case HIGH -> "High";
            case MEDIUM -> "Medium";
            case LOW -> "Low";
            case INFO -> "Informational";
        };
    }

    /** Whether OCSF carries this status at all (NOT_APPLICABLE is no compliance result for the resource). */
    static boolean exported(Status s) {
        return s != Status.NOT_APPLICABLE;
    }
}
