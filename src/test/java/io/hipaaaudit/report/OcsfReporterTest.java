package io.hipaaaudit.report;

import static io.hipaaaudit.report.SecurityReportFixtures.HOSTILE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hipaaaudit.findings.FindingsDocument;
import io.hipaaaudit.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OcsfReporterTest {
    /**
     * Required attributes of the Compliance Finding class (uid 2003) in OCSF schema 1.1.0, the version written:
     * the class's own (compliance), those of the Finding category it extends (activity_id, finding_info, time,
     * type_uid) and of the base event (category_uid, class_uid, metadata, severity_id).
     */
    static final List<String> REQUIRED = List.of("activity_id", "category_uid", "class_uid", "compliance",
            "finding_info", "metadata", "severity_id", "time", "type_uid");
    /** Required attributes of the objects used, OCSF 1.1.0 (cloud only with the cloud profile). */
    static final List<String> REQUIRED_NESTED = List.of("/metadata/version", "/metadata/product/vendor_name",
            "/finding_info/uid", "/finding_info/title", "/compliance/standards", "/remediation/desc",
            "/finding_info/analytic/type_id");

    @TempDir
    Path dir;

    @Test
    void everyEventHasTheClassRequiredAttributes() throws Exception {
        for (JsonNode e : events(SecurityReportFixtures.input("scan-1", SecurityReportFixtures.everyKind()))) {
            assertThat(REQUIRED).allSatisfy(a -> assertThat(e.has(a)).as(a).isTrue());
            assertThat(REQUIRED_NESTED).allSatisfy(p -> assertThat(e.at(p).isMissingNode()).as(p).isFalse());
            assertThat(e.get("class_uid").asInt()).isEqualTo(2003);
            assertThat(e.get("category_uid").asInt()).isEqualTo(2);
            assertThat(e.get("activity_id").asInt()).isEqualTo(1);
            assertThat(e.get("type_uid").asInt()).isEqualTo(200301);
            assertThat(e.at("/metadata/version").asText()).isEqualTo("1.3.0");
            assertThat(e.at("/metadata/product/name").asText()).isEqualTo("hipaa-audit");
            assertThat(e.at("/metadata/product/version").asText()).isEqualTo("1.2.3");
            assertThat(e.at("/metadata/correlation_uid").asText()).isEqualTo("scan-1");
            assertThat(e.at("/compliance/standards/0").asText()).isEqualTo("HIPAA Security Rule");
            assertThat(e.get("time").asLong()).isEqualTo(Instant.parse(SecurityReportFixtures.FINISHED).toEpochMilli());
        }
    }

    @Test
    void statusesMapToComplianceAndFindingStatus() throws Exception {
        List<JsonNode> events = events(SecurityReportFixtures.input("scan-1", SecurityReportFixtures.everyKind()));
        // NOT_APPLICABLE is no compliance result for a resource and is not exported
        assertThat(events).hasSize(SecurityReportFixtures.everyKind().size() - 1);
        {
            JsonNode e = byControl(events, "rds-storage-encrypted");
            assertThat(e.at("/compliance/status_id").asInt()).isEqualTo(1);
            assertThat(e.at("/compliance/status").asText()).isEqualTo("Pass");
            assertThat(e.get("status_id").asInt()).isEqualTo(1);
        }
        {
            JsonNode e = byControl(events, "kms-key-rotation-enabled");
            assertThat(e.at("/compliance/status_id").asInt()).isEqualTo(3);
            assertThat(e.at("/compliance/status").asText()).isEqualTo("Fail");
            assertThat(e.get("severity_id").asInt()).isEqualTo(5);
            assertThat(e.get("severity").asText()).isEqualTo("Critical");
        }
        {
            JsonNode e = byControl(events, "vpc-default-security-group-closed");
            assertThat(e.at("/compliance/status_id").asInt()).isEqualTo(2);
            assertThat(e.at("/compliance/status").asText()).isEqualTo("Warning");
            assertThat(e.at("/compliance/status_detail").asText()).startsWith("Not assessed");
            assertThat(e.get("severity_id").asInt()).isEqualTo(3);
        }
        {
            JsonNode e = byControl(events, "rds-db-subnet-isolated");
            assertThat(e.at("/compliance/status_id").asInt()).isEqualTo(3);
            assertThat(e.get("status_id").asInt()).isEqualTo(3);
            assertThat(e.get("status").asText()).isEqualTo("Suppressed");
            assertThat(e.at("/compliance/status_detail").asText()).contains("W-17", "ciso@example.com", "2027-01-31");
            assertThat(e.at("/unmapped/waiver/id").asText()).isEqualTo("W-17");
            assertThat(e.get("severity_id").asInt()).isEqualTo(2);
        }
    }

    @Test
    void cloudProfileOnlyWhereTheAccountIsKnown() throws Exception {
        List<JsonNode> events = events(SecurityReportFixtures.input("scan-1", SecurityReportFixtures.everyKind()));
        JsonNode db = byControl(events, "pg-app-role-no-admin-attributes");
        assertThat(db.has("cloud")).isFalse();
        assertThat(db.at("/metadata/profiles").isMissingNode()).isTrue();
        assertThat(db.at("/resources/0/uid").asText()).isEqualTo("pg.role:app");
        JsonNode rds = byControl(events, "rds-storage-encrypted");
        assertThat(rds.at("/metadata/profiles/0").asText()).isEqualTo("cloud");
        assertThat(rds.at("/cloud/provider").asText()).isEqualTo("AWS");
        assertThat(rds.at("/cloud/account/uid").asText()).isEqualTo(SecurityReportFixtures.ACCOUNT);
        assertThat(rds.at("/cloud/region").asText()).isEqualTo("us-east-1");
        assertThat(rds.at("/resources/0/uid").asText()).startsWith("arn:aws:rds:us-east-1:111122223333:");
        assertThat(rds.at("/resources/0/type").asText()).isEqualTo("AwsRdsDbInstance");
        assertThat(rds.at("/compliance/requirements").toString()).contains("45 CFR 164.312(a)(2)(iv)");
        assertThat(rds.at("/compliance/control").asText()).isEqualTo("rds-storage-encrypted");
    }

    @Test
    void whatOcsfConsumersKeyOnIsSet() throws Exception {
        ReportInput plain = SecurityReportFixtures.input("scan-1", SecurityReportFixtures.everyKind());
        FindingsDocument tagged = plain.findings().withTags(java.util.Map.of(
                plain.findings().findings().stream().filter(f -> f.ruleId().equals("rds-storage-encrypted"))
                        .findFirst().orElseThrow().resource(), java.util.Map.of("Environment", "prod", "Owner", "data")));
        List<JsonNode> events = events(new ReportInput(tagged, plain.pack()));
        JsonNode rds = byControl(events, "rds-storage-encrypted");
        assertThat(rds.get("status_code").asText()).isEqualTo("PASS");
        assertThat(rds.get("status_detail").asText()).isEqualTo("db-prod is PASS");
        assertThat(rds.at("/metadata/event_code").asText()).isEqualTo("rds-storage-encrypted");
        assertThat(rds.at("/metadata/product/uid").asText()).isEqualTo("hipaa-audit");
        assertThat(rds.at("/finding_info/created_time").asLong()).isEqualTo(rds.get("time").asLong());
        assertThat(rds.at("/resources/0/labels").toString()).isEqualTo("[\"Environment:prod\",\"Owner:data\"]");
        assertThat(rds.at("/unmapped/compliance/HIPAA").toString()).isEqualTo("[\"164.312(a)(2)(iv)\",\"164.310(d)(2)(iv)\"]");
        JsonNode na = byControl(events, "vpc-default-security-group-closed");
        assertThat(na.get("status_code").asText()).isEqualTo("NOT_ASSESSED");
        assertThat(na.get("status_detail").asText()).startsWith("Not assessed");
        assertThat(byControl(events, "kms-key-rotation-enabled").at("/resources/0/labels").isMissingNode()).isTrue();
    }

    @Test
    void hostileStringsRoundTripAsJsonStrings() throws Exception {
        JsonNode e = byControl(events(SecurityReportFixtures.input("scan-1", SecurityReportFixtures.everyKind())),
                "kms-key-rotation-enabled");
        assertThat(e.get("message").asText()).isEqualTo("tag Owner=" + HOSTILE);
        assertThat(e.at("/finding_info/title").asText()).isEqualTo("Rotation " + HOSTILE);
        assertThat(e.at("/resources/0/name").asText()).isEqualTo("key-" + HOSTILE);
        assertThat(e.at("/unmapped/evidence/tagValue").asText()).isEqualTo(HOSTILE);
        assertThat(e.at("/remediation/desc").asText()).isEqualTo("rotate " + HOSTILE);
        // control characters are escaped, never written raw
        assertThat(Files.readString(dir.resolve("ocsf.json"))).doesNotContain("\u0000", "\u0007", "\u001b");
    }

    @Test
    void findingUidIsStablePerRuleAndResourceAcrossScans() throws Exception {
        List<JsonNode> first = events(SecurityReportFixtures.input("scan-1", SecurityReportFixtures.everyKind()));
        FindingsDocument later = new FindingsDocument(SecurityReportFixtures.scan("scan-2", Optional.of("2026-12-01T00:00:00Z"),
                Optional.empty()), SecurityReportFixtures.everyKind());
        List<JsonNode> second = events(new ReportInput(later, SecurityReportFixtures.pack()));
        assertThat(uids(second, "/finding_info/uid")).isEqualTo(uids(first, "/finding_info/uid"))
                .doesNotHaveDuplicates();
        // the event itself is this scan's: a new uid, and the start time when the scan has no finish time
        assertThat(uids(second, "/metadata/uid")).doesNotContainAnyElementsOf(uids(first, "/metadata/uid"));
        assertThat(second.get(0).get("time").asLong()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z").toEpochMilli());
    }

    @Test
    void sameInputSameBytes() throws Exception {
        ReportInput input = SecurityReportFixtures.input("scan-1", SecurityReportFixtures.everyKind());
        new OcsfReporter().write(input, dir);
        byte[] once = Files.readAllBytes(dir.resolve("ocsf.json"));
        new OcsfReporter().write(input, dir);
        assertThat(Files.readAllBytes(dir.resolve("ocsf.json"))).isEqualTo(once);
    }

    private List<JsonNode> events(ReportInput input) throws Exception {
        List<Path> written = new OcsfReporter().write(input, dir);
        assertThat(written).containsExactly(dir.resolve("ocsf.json"));
        JsonNode array = Json.json().readTree(Files.readString(written.get(0)));
        assertThat(array.isArray()).isTrue();
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    private static JsonNode byControl(List<JsonNode> events, String rule) {
        return events.stream().filter(e -> e.at("/compliance/control").asText().equals(rule)).findFirst().orElseThrow();
    }

    private static List<String> uids(List<JsonNode> events, String pointer) {
        List<String> out = new ArrayList<>();
        events.forEach(e -> out.add(e.at(pointer).asText()));
        return out;
    }
}
