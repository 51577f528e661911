package io.hipaaaudit.report;

import static io.hipaaaudit.report.SecurityReportFixtures.HOSTILE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hipaaaudit.json.Json;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AllureReporterTest {
    @TempDir
    Path dir;

    @Test
    void oneResultPerFindingWithMappedStatusSeverityAndLabels() throws Exception {
        List<JsonNode> results = results(SecurityReportFixtures.input("scan-1", SecurityReportFixtures.everyKind()));
        assertThat(results).hasSize(SecurityReportFixtures.everyKind().size());
        assertThat(statusOf(results, "rds-storage-encrypted")).isEqualTo("passed");
        assertThat(statusOf(results, "kms-key-rotation-enabled")).isEqualTo("failed");
        assertThat(statusOf(results, "vpc-default-security-group-closed")).isEqualTo("broken");
        assertThat(statusOf(results, "rds-db-subnet-isolated")).isEqualTo("skipped");
        assertThat(statusOf(results, "rds-cluster-backup-retention")).isEqualTo("skipped");

        JsonNode kms = bySuite(results, "kms-key-rotation-enabled");
        assertThat(labels(kms, "severity")).containsExactly("critical");
        assertThat(labels(kms, "epic")).containsExactly("technical safeguards");
        assertThat(labels(kms, "feature")).containsExactly("164.312 standard");
        assertThat(labels(kms, "story")).containsExactly("kms-key-rotation-enabled: Rotation " + HOSTILE);
        JsonNode rds = bySuite(results, "rds-storage-encrypted");
        // two citations in two safeguards: one epic and one feature (the first citation's), so Allure counts the
        // result once; every citation is a tag and a link
        assertThat(labels(rds, "epic")).containsExactly("technical safeguards");
        assertThat(labels(rds, "feature")).containsExactly("164.312 standard");
        assertThat(labels(rds, "tag")).contains("HIPAA 164.312(a)(2)(iv)", "HIPAA 164.310(d)(2)(iv)", "severity:high");
        assertThat(rds.get("links").findValuesAsText("url")).containsExactly(
                "https://www.ecfr.gov/current/title-45/section-164.312#p-164.312(a)(2)(iv)",
                "https://www.ecfr.gov/current/title-45/section-164.310#p-164.310(d)(2)(iv)");
        // Allure has no "high": high is its middle level, never its "critical"
        assertThat(labels(rds, "severity")).containsExactly("normal");
        assertThat(labels(bySuite(results, "vpc-default-security-group-closed"), "severity")).containsExactly("normal");
        assertThat(labels(bySuite(results, "rds-db-subnet-isolated"), "severity")).containsExactly("minor");
        assertThat(labels(bySuite(results, "rds-cluster-backup-retention"), "severity")).containsExactly("trivial");
        assertThat(bySuite(results, "rds-db-subnet-isolated").at("/statusDetails/message").asText())
                .startsWith("Waived by W-17").contains("ciso@example.com", "2027-01-31");
    }

    @Test
    void timesComeFromTheScan() throws Exception {
        for (JsonNode r : results(SecurityReportFixtures.input("scan-1", SecurityReportFixtures.everyKind()))) {
            assertThat(r.get("start").asLong()).isEqualTo(Instant.parse(SecurityReportFixtures.STARTED).toEpochMilli());
            assertThat(r.get("stop").asLong()).isEqualTo(Instant.parse(SecurityReportFixtures.FINISHED).toEpochMilli());
            assertThat(r.get("stage").asText()).isEqualTo("finished");
        }
    }

    @Test
    void historyIdIsStableAcrossScansWhileUuidsAreDeterministicPerScan() throws Exception {
        Map<String, String> first = idsByFullName(results(SecurityReportFixtures.input("scan-1", SecurityReportFixtures.everyKind())), "historyId");
        Map<String, String> firstUuids = idsByFullName(results(SecurityReportFixtures.input("scan-1", SecurityReportFixtures.everyKind())), "uuid");
        List<JsonNode> second = results(SecurityReportFixtures.input("scan-2", SecurityReportFixtures.everyKind()));
        assertThat(idsByFullName(second, "historyId")).isEqualTo(first);
        assertThat(first.values()).doesNotHaveDuplicates();
        assertThat(idsByFullName(second, "testCaseId").values()).doesNotHaveDuplicates();
        assertThat(idsByFullName(second, "uuid").values()).doesNotContainAnyElementsOf(firstUuids.values());
        // the same scan again gives the same uuids, so the same file names
        assertThat(idsByFullName(results(SecurityReportFixtures.input("scan-1", SecurityReportFixtures.everyKind())), "uuid"))
                .isEqualTo(firstUuids);
    }

    @Test
    void evidenceIsAttachedAsJson() throws Exception {
        JsonNode kms = bySuite(results(SecurityReportFixtures.input("scan-1", SecurityReportFixtures.everyKind())),
                "kms-key-rotation-enabled");
        JsonNode attachment = kms.at("/attachments/0");
        assertThat(attachment.get("type").asText()).isEqualTo("application/json");
        assertThat(attachment.get("source").asText()).isEqualTo(kms.get("uuid").asText() + "-attachment.json");
        JsonNode evidence = Json.json().readTree(Files.readString(out().resolve(attachment.get("source").asText())));
        assertThat(evidence.get("ruleId").asText()).isEqualTo("kms-key-rotation-enabled");
        assertThat(evidence.get("status").asText()).isEqualTo("FAIL");
        assertThat(evidence.at("/evidence/tagValue").asText()).isEqualTo(HOSTILE);
        assertThat(evidence.at("/resource/id").asText()).isEqualTo("key-" + HOSTILE);
    }

    @Test
    void environmentAndExecutorDescribeTheScan() throws Exception {
        results(SecurityReportFixtures.input("scan-\u2603 = x", SecurityReportFixtures.everyKind()));
        Properties env = new Properties();
        try (Reader r = Files.newBufferedReader(out().resolve("environment.properties"), StandardCharsets.ISO_8859_1)) {
            env.load(r);
        }
        assertThat(env.getProperty("Scan")).isEqualTo("scan-\u2603 = x");
        assertThat(env.getProperty("Accounts")).isEqualTo(SecurityReportFixtures.ACCOUNT);
        assertThat(env.getProperty("Regions")).isEqualTo("us-east-1, us-west-2");
        assertThat(env.getProperty("Tool")).isEqualTo("hipaa-audit 1.2.3");
        JsonNode executor = Json.json().readTree(Files.readString(out().resolve("executor.json")));
        assertThat(executor.get("buildName").asText()).isEqualTo("scan scan-\u2603 = x");
        assertThat(Json.json().readTree(Files.readString(out().resolve("categories.json"))).size()).isEqualTo(3);
    }

    @Test
    void earlierResultsAreReplacedAndHistoryIsKept() throws Exception {
        results(SecurityReportFixtures.input("scan-1", SecurityReportFixtures.everyKind()));
        Files.createDirectories(out().resolve("history"));
        Files.writeString(out().resolve("history/history.json"), "{}");
        List<JsonNode> second = results(SecurityReportFixtures.input("scan-2", SecurityReportFixtures.many(2)));
        assertThat(second).hasSize(2);
        try (Stream<Path> files = Files.list(out())) {
            assertThat(files.filter(p -> p.toString().endsWith("-attachment.json"))).hasSize(2);
        }
        assertThat(out().resolve("history/history.json")).exists();
    }

    private Path out() {
        return dir.resolve("allure-results");
    }

    private List<JsonNode> results(ReportInput input) throws Exception {
        assertThat(new AllureReporter().write(input, dir)).containsExactly(out());
        List<JsonNode> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(out())) {
            for (Path p : files.filter(p -> p.toString().endsWith("-result.json")).sorted().toList()) {
                JsonNode r = Json.json().readTree(Files.readString(p));
                assertThat(p.getFileName().toString()).isEqualTo(r.get("uuid").asText() + "-result.json");
                out.add(r);
            }
        }
        return out;
    }

    private static JsonNode bySuite(List<JsonNode> results, String rule) {
        return results.stream().filter(r -> labels(r, "suite").contains(rule)).findFirst().orElseThrow();
    }

    private static String statusOf(List<JsonNode> results, String rule) {
        return bySuite(results, rule).get("status").asText();
    }

    private static List<String> labels(JsonNode result, String name) {
        List<String> values = new ArrayList<>();
        result.get("labels").forEach(l -> {
            if (l.get("name").asText().equals(name)) {
                values.add(l.get("value").asText());
            }
        });
        return values;
    }

    private static Map<String, String> idsByFullName(List<JsonNode> results, String field) {
        Map<String, String> ids = new TreeMap<>();
        results.forEach(r -> ids.put(r.get("fullName").asText(), r.get(field).asText()));
        return ids;
    }
}
