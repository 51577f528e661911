package io.hipaaaudit.report;

import static io.hipaaaudit.report.SecurityReportFixtures.ACCOUNT;
import static io.hipaaaudit.report.SecurityReportFixtures.HOSTILE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hipaaaudit.findings.Finding;
import io.hipaaaudit.findings.FindingsDocument;
import io.hipaaaudit.findings.Severity;
import io.hipaaaudit.findings.Status;
import io.hipaaaudit.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AsffReporterTest {
    /** The attributes BatchImportFindings requires of every finding (ASFF 2018-10-08), plus what we always set. */
    static final List<String> REQUIRED = List.of("SchemaVersion", "Id", "ProductArn", "GeneratorId", "AwsAccountId",
            "Types", "CreatedAt", "UpdatedAt", "Severity", "Title", "Description", "Resources", "Compliance",
            "Remediation", "RecordState", "Region");

    @TempDir
    Path dir;

    @Test
    void everyFindingHasEveryRequiredFieldWithValidValues() throws Exception {
        List<JsonNode> findings = findings(SecurityReportFixtures.input("scan-1", SecurityReportFixtures.everyKind()));
        assertThat(findings).isNotEmpty();
        assertThat(ReportSchemas.asffViolations(dir.resolve(AsffReporter.DIR))).isEmpty();
        for (JsonNode f : findings) {
            assertThat(REQUIRED).allSatisfy(a -> assertThat(f.has(a)).as(a).isTrue());
            String account = f.get("AwsAccountId").asText();
            String region = f.get("Region").asText();
            assertThat(account).matches("\\d{12}");
            assertThat(f.get("SchemaVersion").asText()).isEqualTo("2018-10-08");
            assertThat(f.get("ProductArn").asText())
                    .isEqualTo("arn:aws:securityhub:" + region + ":" + account + ":product/" + account + "/default");
            assertThat(f.get("Id").asText()).hasSizeLessThanOrEqualTo(512).startsWith("hipaa-audit/");
            assertThat(f.get("Types").get(0).asText().split("/")).hasSize(3);
            assertThat(Instant.parse(f.get("CreatedAt").asText())).isEqualTo(Instant.parse(SecurityReportFixtures.FINISHED));
            assertThat(f.get("UpdatedAt").asText()).isEqualTo(f.get("CreatedAt").asText());
            assertThat(f.at("/Severity/Label").asText()).isIn("INFORMATIONAL", "LOW", "MEDIUM", "HIGH", "CRITICAL");
            assertThat(f.at("/FindingProviderFields/Severity/Label").asText()).isEqualTo(f.at("/Severity/Label").asText());
            assertThat(f.get("Title").asText()).isNotBlank().hasSizeLessThanOrEqualTo(256);
            assertThat(f.get("Description").asText()).isNotBlank().hasSizeLessThanOrEqualTo(1024);
            assertThat(f.at("/Remediation/Recommendation/Text").asText()).isNotBlank().hasSizeLessThanOrEqualTo(512);
            assertThat(f.get("Resources")).hasSize(1);
            assertThat(f.at("/Resources/0/Type").asText()).isNotBlank();
            assertThat(f.at("/Resources/0/Id").asText()).isNotBlank();
            assertThat(f.at("/Resources/0/Partition").asText()).isEqualTo("aws");
            assertThat(f.at("/Resources/0/Region").asText()).isEqualTo(region);
            assertThat(f.at("/Compliance/Status").asText()).isIn("PASSED", "FAILED", "WARNING", "NOT_AVAILABLE");
            assertThat(f.at("/Compliance/RelatedRequirements/0").asText()).startsWith("HIPAA 164.");
            assertThat(f.get("RecordState").asText()).isEqualTo("ACTIVE");
        }
    }

    @Test
    void statusesMapAndWhatCannotBeImportedIsCounted() throws Exception {
        List<JsonNode> findings = findings(SecurityReportFixtures.input("scan-1", SecurityReportFixtures.everyKind()));
        // everyKind has 7: the NOT_APPLICABLE one is left out; the database role without an account of its own
        // belongs to the scan's only account, in its home region
        assertThat(findings).hasSize(6);
        JsonNode role = byRule(findings, "pg-app-role-no-admin-attributes");
        assertThat(role.get("AwsAccountId").asText()).isEqualTo(ACCOUNT);
        assertThat(role.get("Region").asText()).isEqualTo("us-east-1");
        assertThat(byRule(findings, "rds-storage-encrypted").at("/Compliance/Status").asText()).isEqualTo("PASSED");
        assertThat(byRule(findings, "kms-key-rotation-enabled").at("/Compliance/Status").asText()).isEqualTo("FAILED");
        JsonNode notAssessed = byRule(findings, "vpc-default-security-group-closed");
        assertThat(notAssessed.at("/Compliance/Status").asText()).isEqualTo("NOT_AVAILABLE");
        assertThat(notAssessed.get("Description").asText()).startsWith("Not assessed");
        assertThat(notAssessed.at("/Compliance/StatusReasons/0/ReasonCode").asText()).isEqualTo("NOT_ASSESSED");
        assertThat(notAssessed.at("/Compliance/StatusReasons/0/Description").asText()).isEqualTo("sg-1 is NOT_ASSESSED");
        JsonNode waived = byRule(findings, "rds-db-subnet-isolated");
        assertThat(waived.at("/Compliance/Status").asText()).isEqualTo("FAILED");
        assertThat(waived.has("Workflow")).as("workflow is Security Hub's to keep, set by batch-update-findings").isFalse();
        assertThat(waived.get("Description").asText()).contains("W-17", "ciso@example.com", "2027-01-31");
        assertThat(waived.at("/Resources/0/Type").asText()).isEqualTo("AwsEc2Subnet");
        assertThat(findings.stream().filter(f -> f.has("Workflow"))).isEmpty();
        // an account-level finding has no region of its own: it goes to the scan's first region
        JsonNode account = byRule(findings, "cloudtrail-multi-region-trail");
        assertThat(account.get("Region").asText()).isEqualTo("us-east-1");
        assertThat(account.at("/Resources/0/Type").asText()).isEqualTo("AwsAccount");
        assertThat(account.at("/Resources/0/Id").asText()).isEqualTo("AWS::::Account:" + ACCOUNT);
        JsonNode manifest = manifest();
        assertThat(manifest.at("/skipped/notApplicable").asLong()).isEqualTo(1);
        assertThat(manifest.at("/skipped/noAccount").asLong()).isZero();
        assertThat(manifest.at("/skipped/noRegion").asLong()).isZero();
    }

    @Test
    void aDatabaseFindingOfAScanOverSeveralAccountsHasNoAccountToGoTo() throws Exception {
        ReportInput one = SecurityReportFixtures.input("scan-1", SecurityReportFixtures.everyKind());
        var scan = one.findings().scan();
        var two = new io.hipaaaudit.findings.ScanInfo(scan.id(), scan.startedAt(), scan.finishedAt(), scan.tool(),
                scan.version(), scan.environment(), List.of(ACCOUNT, "444455556666"), scan.regions(), scan.databases(),
                scan.inventorySha256(), scan.rulePackSha256(), scan.apiCalls(), scan.counts());
        List<JsonNode> findings = findings(new ReportInput(new FindingsDocument(two, one.findings().findings()), one.pack()));
        assertThat(findings).noneMatch(f -> f.get("GeneratorId").asText().equals("pg-app-role-no-admin-attributes"));
        assertThat(manifest().at("/skipped/noAccount").asLong()).isEqualTo(1);
    }

    @Test
    void resourceTagsWithinTheModelsLimits() throws Exception {
        ReportInput plain = SecurityReportFixtures.input("scan-1", SecurityReportFixtures.everyKind());
        var rds = plain.findings().findings().stream().filter(f -> f.ruleId().equals("rds-storage-encrypted"))
                .findFirst().orElseThrow().resource();
        java.util.Map<String, String> tags = new java.util.TreeMap<>();
        tags.put("Environment", "prod");
        tags.put("k".repeat(129), "key too long");
        tags.put("Long", "v".repeat(257));
        for (int i = 0; i < 60; i++) {
            tags.put(String.format("t%02d", i), "x");
        }
        tags.put("Blank", " ");
        tags.put("Empty", "");
        List<JsonNode> findings = findings(new ReportInput(plain.findings().withTags(java.util.Map.of(rds, tags)), plain.pack()));
        assertThat(ReportSchemas.asffViolations(dir.resolve(AsffReporter.DIR))).isEmpty();
        JsonNode t = byRule(findings, "rds-storage-encrypted").at("/Resources/0/Tags");
        assertThat(t.size()).isEqualTo(50);
        assertThat(t.get("Environment").asText()).isEqualTo("prod");
        assertThat(t.has("Long")).isFalse();
        // the model's tag values are non-empty strings: a blank value is left out
        assertThat(t.has("Blank")).isFalse();
        assertThat(t.has("Empty")).isFalse();
        assertThat(t.has("k".repeat(129))).isFalse();
        assertThat(byRule(findings, "kms-key-rotation-enabled").at("/Resources/0/Tags").isMissingNode()).isTrue();
    }

    @Test
    void theModelCheckRejectsWhatSecurityHubWould() throws Exception {
        findings(SecurityReportFixtures.input("scan-1", SecurityReportFixtures.everyKind()));
        Path batch = dir.resolve(AsffReporter.DIR).resolve("asff-0001.json");
        var findings = (com.fasterxml.jackson.databind.node.ArrayNode) Json.json().readTree(batch.toFile());
        var first = (com.fasterxml.jackson.databind.node.ObjectNode) findings.get(0);
        first.remove("Title");
        first.put("Colour", "red");
        ((com.fasterxml.jackson.databind.node.ObjectNode) first.get("Severity")).put("Label", "SEVERE");
        ((com.fasterxml.jackson.databind.node.ObjectNode) first.at("/Resources/0")).putObject("Tags").put("Owner", " ");
        Files.writeString(batch, Json.write(findings));
        assertThat(ReportSchemas.asffViolations(dir.resolve(AsffReporter.DIR))).contains(
                "asff-0001.json[0].Title: required by AwsSecurityFinding",
                "asff-0001.json[0].Colour: not a member of AwsSecurityFinding",
                "asff-0001.json[0].Severity.Label: 'SEVERE' is not one of [\"INFORMATIONAL\",\"LOW\",\"MEDIUM\",\"HIGH\",\"CRITICAL\"]",
                "asff-0001.json[0].Resources[0].Tags.Owner: ' ' does not match NonEmptyString .*\\S.*");
    }

    @Test
    void withADocsUrlABundledRulesFindingLinksItsRuleFileForRemediation() throws Exception {
        var input = new ReportInput(ReportFixtures.mixed(), ReportFixtures.pack(), java.util.Optional.empty(), false,
                java.util.Optional.of(java.net.URI.create("https://git.example.com/acme/hipaa-audit/blob/v1.4.0/")));
        Reporters.write(input, List.of("asff"), dir);
        List<JsonNode> all = new java.util.ArrayList<>();
        try (var files = Files.list(dir.resolve(AsffReporter.DIR))) {
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith("asff-")).toList()) {
                Json.json().readTree(f.toFile()).forEach(all::add);
            }
        }
        JsonNode rotation = all.stream().filter(f -> f.get("GeneratorId").asText().equals("kms-key-rotation-enabled"))
                .findFirst().orElseThrow();
        assertThat(rotation.at("/Remediation/Recommendation/Url").asText()).isEqualTo(
                "https://git.example.com/acme/hipaa-audit/blob/v1.4.0/rules/kms/kms-key-rotation-enabled/rule.yaml");
        // a rule the pack does not bundle has no file there
        assertThat(all).filteredOn(f -> f.get("GeneratorId").asText().equals("acme-custom-check"))
                .allSatisfy(f -> assertThat(f.at("/Remediation/Recommendation/Url").isMissingNode()).isTrue());
        assertThat(ReportSchemas.asffViolations(dir.resolve(AsffReporter.DIR))).isEmpty();
        // without a docs URL there is no link
        findings(SecurityReportFixtures.input("scan-1", SecurityReportFixtures.everyKind()))
                .forEach(f -> assertThat(f.at("/Remediation/Recommendation/Url").isMissingNode()).isTrue());
    }

    @Test
    void batchesSplitExactlyAtOneHundred() throws Exception {
        new AsffReporter().write(SecurityReportFixtures.input("scan-1", SecurityReportFixtures.many(250)), dir);
        assertThat(batchSizes()).containsExactly(100, 100, 50);
        JsonNode batches = manifest().get("batches");
        assertThat(batches.get(2).get("file").asText()).isEqualTo("asff-0003.json");
        assertThat(batches.get(2).get("findings").asInt()).isEqualTo(50);
        // a smaller scan into the same folder leaves no batch of the earlier one behind
        new AsffReporter().write(SecurityReportFixtures.input("scan-2", SecurityReportFixtures.many(100)), dir);
        assertThat(batchSizes()).containsExactly(100);
    }

    @Test
    void eachBatchHoldsOneAccountAndRegion() throws Exception {
        List<Finding> mixed = new ArrayList<>(SecurityReportFixtures.many(3));
        mixed.add(SecurityReportFixtures.finding("rds-storage-encrypted", Status.FAIL, Severity.HIGH, "aws.rds.db_instance",
                "db-west", ACCOUNT, "us-west-2"));
        mixed.add(SecurityReportFixtures.finding("rds-storage-encrypted", Status.FAIL, Severity.HIGH, "aws.rds.db_instance",
                "db-other", "444455556666", "us-east-1"));
        new AsffReporter().write(SecurityReportFixtures.input("scan-1", mixed), dir);
        assertThat(batchSizes()).containsExactly(3, 1, 1);
        for (JsonNode b : manifest().get("batches")) {
            for (JsonNode f : Json.json().readTree(dir.resolve("asff").resolve(b.get("file").asText()).toFile())) {
                assertThat(f.get("AwsAccountId").asText()).isEqualTo(b.get("account").asText());
                assertThat(f.get("Region").asText()).isEqualTo(b.get("region").asText());
            }
        }
    }

    @Test
    void idsAreStableAcrossScansAndUnique() throws Exception {
        List<String> first = ids(findings(SecurityReportFixtures.input("scan-1", SecurityReportFixtures.everyKind())));
        FindingsDocument later = new FindingsDocument(SecurityReportFixtures.scan("scan-2", Optional.empty(),
                Optional.of("2026-12-01T00:00:00Z")), SecurityReportFixtures.everyKind());
        List<JsonNode> second = findings(new ReportInput(later, SecurityReportFixtures.pack()));
        assertThat(ids(second)).isEqualTo(first).doesNotHaveDuplicates();
        assertThat(second.get(0).get("CreatedAt").asText()).isEqualTo("2026-12-01T00:00:00Z");
    }

    @Test
    void longTextIsCutWithinLimitsWithoutBreakingCharacters() throws Exception {
        String clef = "\uD834\uDD1E";
        Finding base = SecurityReportFixtures.finding("rds-storage-encrypted", Status.FAIL, Severity.HIGH,
                "aws.rds.db_instance", "db-1", ACCOUNT, "us-east-1");
        Finding longOne = new Finding(base.ruleId(), "t".repeat(254) + clef + "tail", base.severity(), base.status(),
                base.area(), base.hipaa(), base.resource(), clef.repeat(700), base.evidence(), "r".repeat(600),
                Optional.empty());
        JsonNode f = findings(SecurityReportFixtures.input("scan-1", List.of(longOne))).get(0);
        String title = f.get("Title").asText();
        assertThat(title).hasSize(255).endsWith("t\u2026");
        String description = f.get("Description").asText();
        assertThat(description).hasSizeLessThanOrEqualTo(1024).endsWith("\u2026");
        assertThat(description.codePoints().filter(cp -> Character.getType(cp) == Character.SURROGATE).count())
                .as("no lone surrogate").isZero();
        assertThat(f.at("/Remediation/Recommendation/Text").asText()).hasSize(512);
    }

    @Test
    void hostileStringsRoundTrip() throws Exception {
        JsonNode f = byRule(findings(SecurityReportFixtures.input("scan-1", SecurityReportFixtures.everyKind())),
                "kms-key-rotation-enabled");
        assertThat(f.get("Description").asText()).isEqualTo("tag Owner=" + HOSTILE);
        assertThat(f.get("Title").asText()).isEqualTo("Rotation " + HOSTILE);
        assertThat(f.at("/Remediation/Recommendation/Text").asText()).isEqualTo("rotate " + HOSTILE);
        assertThat(Files.readString(dir.resolve("asff/asff-0001.json"))).doesNotContain("\u0000", "\u001b");
    }

    private List<JsonNode> findings(ReportInput input) throws Exception {
        assertThat(new AsffReporter().write(input, dir)).containsExactly(dir.resolve("asff"));
        List<JsonNode> out = new ArrayList<>();
        for (String file : batchFiles()) {
            JsonNode array = Json.json().readTree(dir.resolve("asff").resolve(file).toFile());
            assertThat(array.isArray()).as("a plain array, as batch-import-findings --findings takes").isTrue();
            StreamSupport.stream(array.spliterator(), false).forEach(out::add);
        }
        return out;
    }

    private List<String> batchFiles() throws Exception {
        try (Stream<Path> files = Files.list(dir.resolve("asff"))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("asff-")).sorted().toList();
        }
    }

    private List<Integer> batchSizes() throws Exception {
        List<Integer> sizes = new ArrayList<>();
        for (String file : batchFiles()) {
            sizes.add(Json.json().readTree(dir.resolve("asff").resolve(file).toFile()).size());
        }
        return sizes;
    }

    private JsonNode manifest() throws Exception {
        return Json.json().readTree(dir.resolve("asff/manifest.json").toFile());
    }

    private static JsonNode byRule(List<JsonNode> findings, String rule) {
        return findings.stream().filter(f -> f.get("GeneratorId").asText().equals(rule)).findFirst().orElseThrow();
    }

    private static List<String> ids(List<JsonNode> findings) {
        return findings.stream().map(f -> f.get("Id").asText()).toList();
    }
}
