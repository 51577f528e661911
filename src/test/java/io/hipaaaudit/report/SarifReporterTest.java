package io.hipaaaudit.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hipaaaudit.findings.Finding;
import io.hipaaaudit.findings.FindingsDocument;
import io.hipaaaudit.findings.Status;
import io.hipaaaudit.json.Json;
import io.hipaaaudit.rules.RulePack;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** hipaa-audit.sarif is valid SARIF 2.1.0 and carries what code-scanning dashboards need. */
class SarifReporterTest {
    @TempDir
    Path dir;

    FindingsDocument doc;
    RulePack pack;
    Path file;
    JsonNode run;

    @BeforeEach
    void write() throws IOException {
        doc = ReportFixtures.mixed();
        pack = ReportFixtures.pack();
        List<Path> written = Reporters.write(new ReportInput(doc, pack), List.of("sarif"), dir);
        file = dir.resolve("hipaa-audit.sarif");
        assertThat(written).containsExactly(file);
        JsonNode log = Json.json().readTree(file.toFile());
        assertThat(log.get("version").asText()).isEqualTo("2.1.0");
        run = log.get("runs").get(0);
    }

    @Test
    void theSchemaIsTheOneShippedInJavaSarif() throws IOException {
        assertThat(ReportSchemas.sha256(ReportSchemas.SARIF_SCHEMA)).isEqualTo(ReportSchemas.SARIF_SCHEMA_SHA256);
    }

    @Test
    void isValidAgainstTheSarif210Schema() throws IOException {
        assertThat(ReportSchemas.sarifViolations(file)).isEmpty();
    }

    @Test
    void theValidatorRejectsWhatTheSchemaForbids() throws IOException {
        ObjectNode log = (ObjectNode) Json.json().readTree(file.toFile());
        ObjectNode result = (ObjectNode) log.get("runs").get(0).get("results").get(0);
        result.put("level", "severe");
        result.put("unknownProperty", 1);
        ((ObjectNode) log.get("runs").get(0).get("tool").get("driver")).remove("name");
        List<String> violations = ReportSchemas.sarifViolations(log);
        assertThat(String.join("\n", violations)).contains("level").contains("unknownProperty").contains("name");
    }

    @Test
    void theDriverDescribesEveryRuleThatRan() {
        JsonNode driver = run.get("tool").get("driver");
        assertThat(driver.get("name").asText()).isEqualTo("hipaa-audit");
        assertThat(driver.get("version").asText()).isEqualTo("0.1.0-test");
        List<String> ids = new ArrayList<>();
        driver.get("rules").forEach(r -> ids.add(r.get("id").asText()));
        assertThat(ids).isSorted().containsExactlyElementsOf(
                doc.findings().stream().map(Finding::ruleId).distinct().sorted().toList());

        JsonNode rotation = rule("kms-key-rotation-enabled");
        var bundled = pack.find("kms-key-rotation-enabled").orElseThrow().file();
        assertThat(rotation.get("name").asText()).isEqualTo("KmsKeyRotationEnabled");
        assertThat(rotation.at("/shortDescription/text").asText()).isEqualTo(bundled.title());
        assertThat(rotation.at("/fullDescription/text").asText()).isEqualTo(bundled.rationale().strip());
        assertThat(rotation.at("/help/text").asText()).contains(bundled.remediation().strip())
                .contains("§164.312(a)(2)(iv) Encryption and decryption");
        assertThat(rotation.at("/help/markdown").asText()).contains("## Remediation").contains("## HIPAA Security Rule");
        assertThat(rotation.at("/defaultConfiguration/level").asText()).isEqualTo("warning");
        assertThat(rotation.at("/properties/security-severity").asText()).isEqualTo("5.5");
        assertThat(texts(rotation.at("/properties/tags"))).contains("security", "kms", "HIPAA-164.312(a)(2)(iv)");

        assertThat(rule("kms-key-enabled").at("/properties/security-severity").asText()).isEqualTo("9.5");
        assertThat(rule("kms-key-enabled").at("/defaultConfiguration/level").asText()).isEqualTo("error");
        assertThat(rule("rds-instance-backup-retention").at("/properties/security-severity").asText()).isEqualTo("8.0");
        // a rule the pack no longer has is described from its findings
        JsonNode custom = rule("acme-custom-check");
        assertThat(custom.at("/shortDescription/text").asText()).isEqualTo("Title of acme-custom-check");
        assertThat(custom.at("/properties/security-severity").asText()).isEqualTo("3.0");
        assertThat(custom.at("/defaultConfiguration/level").asText()).isEqualTo("note");
        assertThat(texts(custom.at("/properties/tags"))).contains("custom", "HIPAA-164.312(d)");
    }

    @Test
    void helpLinksGoToTheRequirementAndWithADocsUrlToTheToolAndTheRuleFile() throws IOException {
        // without --docs-url: no tool link, each rule's help link is the eCFR paragraph of its first citation
        assertThat(run.at("/tool/driver/informationUri").isMissingNode()).isTrue();
        assertThat(rule("kms-key-rotation-enabled").get("helpUri").asText())
                .isEqualTo("https://www.ecfr.gov/current/title-45/section-164.312#p-164.312(a)(2)(iv)");
        assertThat(rule("acme-custom-check").get("helpUri").asText())
                .isEqualTo("https://www.ecfr.gov/current/title-45/section-164.312#p-164.312(d)");

        Path other = dir.resolve("with-docs");
        Reporters.write(new ReportInput(doc, pack, java.util.Optional.empty(), false,
                java.util.Optional.of(java.net.URI.create("https://git.example.com/acme/hipaa-audit/blob/v1.4.0/"))),
                List.of("sarif"), other);
        JsonNode linked = Json.json().readTree(other.resolve("hipaa-audit.sarif").toFile()).get("runs").get(0);
        assertThat(linked.at("/tool/driver/informationUri").asText())
                .isEqualTo("https://git.example.com/acme/hipaa-audit/blob/v1.4.0/README.md");
        JsonNode rotation = null;
        JsonNode custom = null;
        for (JsonNode r : linked.at("/tool/driver/rules")) {
            if (r.get("id").asText().equals("kms-key-rotation-enabled")) {
                rotation = r;
            } else if (r.get("id").asText().equals("acme-custom-check")) {
                custom = r;
            }
        }
        assertThat(rotation.get("helpUri").asText()).isEqualTo(
                "https://git.example.com/acme/hipaa-audit/blob/v1.4.0/rules/kms/kms-key-rotation-enabled/rule.yaml");
        // a rule that is not bundled has no file there: the requirement's text
        assertThat(custom.get("helpUri").asText()).startsWith("https://www.ecfr.gov/");
        assertThat(ReportSchemas.sarifViolations(other.resolve("hipaa-audit.sarif"))).isEmpty();
    }

    @Test
    void failAndNotAssessedAreResultsWaivedPassAndNotApplicableAreNot() {
        long expected = doc.findings().stream().filter(f -> f.status() == Status.FAIL
                || f.status() == Status.NOT_ASSESSED).count();
        assertThat(doc.findings()).anyMatch(f -> f.status() == Status.WAIVED);
        JsonNode results = run.get("results");
        assertThat(results).hasSize((int) expected);
        for (JsonNode r : results) {
            JsonNode rule = run.get("tool").get("driver").get("rules").get(r.get("ruleIndex").asInt());
            assertThat(rule.get("id").asText()).isEqualTo(r.get("ruleId").asText());
            assertThat(r.at("/properties/status").asText()).isIn("FAIL", "NOT_ASSESSED");
        }
    }

    @Test
    void levelsFollowSeverityAndNotAssessedIsANoteSayingWhatFailed() {
        assertThat(result("pg-app-role-not-superuser", "healthapp-prod/app").get("level").asText()).isEqualTo("error");
        assertThat(result("kms-key-rotation-enabled", "key-1").get("level").asText()).isEqualTo("warning");
        assertThat(result("acme-custom-check", "healthapp-prod").get("level").asText()).isEqualTo("note");
        JsonNode na = result("vpc-flow-logs-for-database-vpcs", "*", "eu-west-1");
        assertThat(na.get("level").asText()).isEqualTo("note");
        assertThat(na.has("kind")).isFalse();
        assertThat(na.at("/message/text").asText()).startsWith("Not assessed: could not list aws.ec2.vpc")
                .contains("ec2:DescribeVpcs failed (UnauthorizedOperation) in 111122223333/eu-west-1")
                .endsWith("[* (111122223333/eu-west-1)]");
        assertThat(na.at("/locations/0/logicalLocations/0/fullyQualifiedName").asText())
                .isEqualTo("scope:aws.ec2.vpc/111122223333/eu-west-1/*");
    }

    @Test
    void aWaiverIsLeftOutByDefaultBecauseGitHubIgnoresSuppressionsInUploads() {
        assertThatThrownBy(() -> result("rds-instance-backup-retention", "healthapp-prod"))
                .hasMessageContaining("no result");
    }

    @Test
    void aKeptWaiverIsAnAcceptedExternalSuppression() throws IOException {
        Reporters.write(new ReportInput(doc, pack, java.util.Optional.empty(), true), List.of("sarif"), dir);
        run = Json.json().readTree(file.toFile()).get("runs").get(0);
        assertThat(ReportSchemas.sarifViolations(file)).isEmpty();
        JsonNode waived = result("rds-instance-backup-retention", "healthapp-prod");
        assertThat(waived.get("level").asText()).isEqualTo("error");
        JsonNode s = waived.get("suppressions").get(0);
        assertThat(s.get("kind").asText()).isEqualTo("external");
        assertThat(s.get("status").asText()).isEqualTo("accepted");
        assertThat(s.get("justification").asText()).isEqualTo(ReportFixtures.WAIVER.justification());
        assertThat(s.at("/properties/waiverId").asText()).isEqualTo("W-2026-007");
        assertThat(s.at("/properties/approvedBy").asText()).isEqualTo("ciso@example.com");
        assertThat(s.at("/properties/expires").asText()).isEqualTo("2027-03-31");
        assertThat(result("rds-instance-backup-retention", "healthapp-dev").has("suppressions")).isFalse();
    }

    @Test
    void locationsAreTheRuleFileAndTheResource() {
        JsonNode r = result("kms-key-rotation-enabled", "key-1");
        assertThat(r.at("/locations/0/physicalLocation/artifactLocation/uri").asText())
                .isEqualTo("rules/kms/kms-key-rotation-enabled/rule.yaml");
        assertThat(r.at("/locations/0/physicalLocation/artifactLocation/uriBaseId").asText()).isEqualTo("%SRCROOT%");
        assertThat(r.at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(1);
        JsonNode logical = r.at("/locations/0/logicalLocations/0");
        assertThat(logical.get("name").asText()).isEqualTo("key-1");
        assertThat(logical.get("kind").asText()).isEqualTo("aws.kms.key");
        assertThat(logical.get("fullyQualifiedName").asText()).startsWith("arn:aws:kms:");

        JsonNode pg = result("pg-app-role-not-superuser", "healthapp-prod/app");
        assertThat(pg.at("/locations/0/logicalLocations/0/fullyQualifiedName").asText())
                .isEqualTo("postgresql://healthapp.example:5432/app/app");
        assertThat(pg.at("/locations/0/physicalLocation/artifactLocation/uri").asText())
                .isEqualTo("rules/db-privileges/pg-app-role-not-superuser/rule.yaml");
        assertThat(result("acme-custom-check", "healthapp-prod")
                .at("/locations/0/physicalLocation/artifactLocation/uri").asText())
                .isEqualTo("rules/custom/acme-custom-check/rule.yaml");
    }

    @Test
    void fingerprintsAreDistinctAndFollowTheResourceNotTheMessage() {
        Set<String> keys = new HashSet<>();
        Set<String> lineHashes = new HashSet<>();
        for (JsonNode r : run.get("results")) {
            keys.add(r.at("/partialFingerprints/hipaaAuditFinding~1v1").asText());
            lineHashes.add(r.at("/partialFingerprints/primaryLocationLineHash").asText());
        }
        assertThat(keys).hasSize(run.get("results").size()).allMatch(k -> k.matches("[0-9a-f]{64}"));
        assertThat(lineHashes).hasSize(run.get("results").size());

        Finding f = doc.findings().stream().filter(x -> x.ruleId().equals("kms-key-rotation-enabled")
                && x.resource().region().equals("us-east-1") && x.status() == Status.FAIL).findFirst().orElseThrow();
        Finding reworded = new Finding(f.ruleId(), f.title(), f.severity(), Status.NOT_ASSESSED, f.area(), f.hipaa(),
                f.resource(), "other words", java.util.Map.of(), f.remediation(), java.util.Optional.empty());
        assertThat(FindingText.findingKey(reworded)).isEqualTo(FindingText.findingKey(f))
                .isEqualTo(result("kms-key-rotation-enabled", "key-1").at("/partialFingerprints/hipaaAuditFinding~1v1")
                        .asText());
    }

    @Test
    void resultsKeepStatusResourceAndEvidence() {
        JsonNode r = result("rds-instance-backup-retention", "healthapp-dev");
        assertThat(r.at("/message/text").asText())
                .isEqualTo("@healthapp-dev keeps automated backups for 0 day(s) [healthapp-dev (111122223333/us-east-1)]");
        assertThat(r.at("/properties/resource/arn").asText()).isEqualTo("arn:aws:rds:us-east-1:111122223333:db:healthapp-dev");
        assertThat(r.at("/properties/evidence/backupRetentionPeriod").asInt()).isZero();
        assertThat(texts(r.at("/properties/hipaa"))).containsExactly("164.308(a)(7)(ii)(A)");
        assertThat(run.at("/properties/environment").asText()).isEqualTo("prod");
        assertThat(run.at("/properties/counts/FAIL").asLong()).isEqualTo(doc.scan().counts().get("FAIL")).isEqualTo(5);
    }

    @Test
    void hostileStringsStayInsideJsonStringsAndAnUnpairedSurrogateIsReplaced() {
        // control characters (NUL, the ANSI escape, BEL), the unpaired surrogate and U+FFFE all become U+FFFD
        String expected = FindingText.printable(ReportFixtures.HOSTILE);
        assertThat(expected).doesNotContain("\u001b", "\u0000").contains("\uFFFD[31m");
        assertThat(result("kms-key-rotation-enabled", "key-1").at("/message/text").asText()).contains(expected);
        assertThat(result("kms-key-rotation-enabled", "key-1").at("/properties/evidence/tags/Owner").asText())
                .isEqualTo(expected);
    }

    @Test
    void sameInputSameBytes() throws IOException {
        assertThat(SarifReporter.render(Neutralised.of(Reporters.canonical(ReportFixtures.mixed())), pack))
                .isEqualTo(java.nio.file.Files.readString(file));
    }

    private JsonNode rule(String id) {
        for (JsonNode r : run.get("tool").get("driver").get("rules")) {
            if (r.get("id").asText().equals(id)) {
                return r;
            }
        }
        throw new AssertionError("no rule " + id);
    }

    private JsonNode result(String ruleId, String resourceId) {
        return result(ruleId, resourceId, "us-east-1");
    }

    private JsonNode result(String ruleId, String resourceId, String region) {
        for (JsonNode r : run.get("results")) {
            if (r.get("ruleId").asText().equals(ruleId)
                    && r.at("/locations/0/logicalLocations/0/name").asText().equals(resourceId)
                    && r.at("/properties/resource/region").asText().equals(region)) {
                return r;
            }
        }
        throw new AssertionError("no result " + ruleId + " " + resourceId);
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
