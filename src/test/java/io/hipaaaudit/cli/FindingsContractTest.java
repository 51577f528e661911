package io.hipaaaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hipaaaudit.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** findings.json keeps the contract in DESIGN.md and is byte-identical for the same input. */
class FindingsContractTest {
    @TempDir
    Path dir;

    Path scanExample(String outName) {
        Path out = dir.resolve(outName);
        Cli r = Cli.run("scan", "--snapshot", "examples/healthapp-snapshot.json", "--environment", "prod",
                "--output-dir", out.toString(), "--quiet");
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.FAILED);
        return out.resolve("findings.json");
    }

    @Test
    void twoScansOfTheSameSnapshotAreByteIdentical() throws IOException {
        byte[] first = Files.readAllBytes(scanExample("a"));
        byte[] second = Files.readAllBytes(scanExample("b"));
        assertThat(second).isEqualTo(first);
    }

    @Test
    void findingsFollowTheContract() throws IOException {
        JsonNode doc = Json.json().readTree(scanExample("c").toFile());
        JsonNode scan = doc.get("scan");
        for (String field : List.of("id", "startedAt", "finishedAt", "tool", "version", "environment", "accounts",
                "regions", "inventorySha256")) {
            assertThat(scan.has(field)).as("scan." + field).isTrue();
        }
        assertThat(scan.get("tool").asText()).isEqualTo("hipaa-audit");
        assertThat(scan.get("environment").asText()).isEqualTo("prod");
        assertThat(scan.get("inventorySha256").asText()).matches("[0-9a-f]{64}");
        assertThat(doc.get("findings").size()).isGreaterThan(20);
        List<String> order = new ArrayList<>();
        for (JsonNode f : doc.get("findings")) {
            for (String field : List.of("ruleId", "title", "severity", "status", "area", "hipaa", "resource", "message",
                    "evidence", "remediation")) {
                assertThat(f.has(field)).as(field + " in " + f).isTrue();
            }
            for (String field : List.of("type", "id", "arn", "account", "region")) {
                assertThat(f.get("resource").has(field)).as("resource." + field).isTrue();
            }
            assertThat(f.get("severity").asText()).isIn("critical", "high", "medium", "low", "info");
            assertThat(f.get("status").asText()).isIn("PASS", "FAIL", "NOT_APPLICABLE", "NOT_ASSESSED", "WAIVED");
            assertThat(f.get("hipaa").size()).isPositive();
            order.add(f.get("ruleId").asText());
        }
        assertThat(order).isSorted();
    }

    @Test
    void theExampleEnvironmentsDocumentedDriftsAreFound() throws IOException {
        JsonNode doc = Json.json().readTree(scanExample("d").toFile());
        List<String> failing = new ArrayList<>();
        doc.get("findings").forEach(f -> {
            if (f.get("status").asText().equals("FAIL")) {
                failing.add(f.get("ruleId").asText() + " " + f.get("resource").get("id").asText());
            }
        });
        assertThat(failing).containsExactlyInAnyOrder(
                "rds-instance-backup-retention healthapp-prod",
                "kms-key-rotation-enabled 5e4d3c2b-1a09-4f8e-9d7c-000000000003",
                "rds-snapshot-encrypted-with-cmk healthapp-prod-before-dynamodb-cutover");
    }
}
