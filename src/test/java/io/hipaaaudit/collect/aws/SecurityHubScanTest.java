package io.hipaaaudit.collect.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.hipaaaudit.cli.HipaaAudit;
import io.hipaaaudit.json.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scan --security-hub} against a local endpoint: the ASFF files the scan writes are what it imports, a stale
 * finding of this tool is archived, and a finding Security Hub refuses makes the exit code 2.
 */
class SecurityHubScanTest {
    private static final String STALE = "hipaa-audit/rds-storage-encrypted/00000000-0000-0000-0000-000000000000";

    @TempDir
    Path out;
    AwsWire wire;

    @BeforeEach
    void start() {
        wire = new AwsWire().region("us-east-1");
        System.setProperty("aws.accessKeyId", "AKIDEXAMPLEKEY00000");
        System.setProperty("aws.secretAccessKey", "secret-never-printed-0000000000000000000");
    }

    @AfterEach
    void stop() {
        wire.close();
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    @Test
    void theScanImportsItsAsffFilesAndArchivesWhatItNoLongerFinds() throws Exception {
        ObjectNode stale = SecurityHubWireTest.documents(1).get(0).put("Id", STALE);
        answer("{\"FailedCount\":0,\"SuccessCount\":1,\"FailedFindings\":[]}", "{\"Findings\":[" + stale + "]}");

        Run run = scan("--security-hub");

        assertThat(run.exit).as(run.out + run.err).isIn(0, 1, 3);
        List<JsonNode> files = asffFiles();
        List<JsonNode> imported = new ArrayList<>();
        List<JsonNode> archived = new ArrayList<>();
        for (LoggedRequest r : wire.server.findAll(postRequestedFor(urlPathEqualTo("/findings/import")))) {
            Json.json().readTree(r.getBodyAsString()).get("Findings").forEach(f ->
                    (f.get("RecordState").asText().equals("ARCHIVED") ? archived : imported).add(f));
        }
        assertThat(imported).isNotEmpty().containsExactlyElementsOf(files);
        assertThat(archived).extracting(f -> f.get("Id").asText()).containsExactly(STALE);
        assertThat(run.out).contains("security hub 111122223333/us-east-1: " + files.size() + " sent, 0 failed, "
                + "1 archived, 0 not archived");
        assertThat(run.out + run.err).doesNotContain("secret-never-printed", "AKIDEXAMPLEKEY00000");
    }

    @Test
    void aFindingSecurityHubRefusesIsNamedAndTheExitCodeIsTwo() throws Exception {
        wire.server.stubFor(post(urlPathEqualTo("/findings")).willReturn(json("{\"Findings\":[]}")));
        wire.server.stubFor(post(urlPathEqualTo("/findings/import")).willReturn(json("{\"FailedCount\":1,"
                + "\"SuccessCount\":0,\"FailedFindings\":[{\"Id\":\"hipaa-audit/x/1\",\"ErrorCode\":\"InvalidInput\","
                + "\"ErrorMessage\":\"Finding does not adhere to ASFF\"}]}")));

        Run run = scan("--security-hub");

        assertThat(run.exit).as(run.out + run.err).isEqualTo(2);
        assertThat(run.err).contains("security hub import failed: hipaa-audit/x/1: InvalidInput: Finding does not "
                + "adhere to ASFF");
    }

    @Test
    void reportImportsTheFindingsOfAnEarlierScanAndArchivesNothing() throws Exception {
        answer("{\"FailedCount\":0,\"SuccessCount\":1,\"FailedFindings\":[]}", "{\"Findings\":[]}");
        Run scanned = scan();
        assertThat(scanned.exit).as(scanned.err).isIn(0, 1, 3);
        assertThat(wire.server.findAll(postRequestedFor(urlPathEqualTo("/findings/import")))).isEmpty();

        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        int exit = HipaaAudit.run(new PrintWriter(stdout, true), new PrintWriter(stderr, true), "report",
                "--input", out.resolve("findings.json").toString(), "--format", "asff", "--output-dir",
                out.resolve("again").toString(), "--security-hub", "--endpoint-url", wire.endpoint().toString());

        assertThat(exit).as(stdout + "\n" + stderr).isZero();
        List<JsonNode> imported = new ArrayList<>();
        for (LoggedRequest r : wire.server.findAll(postRequestedFor(urlPathEqualTo("/findings/import")))) {
            Json.json().readTree(r.getBodyAsString()).get("Findings").forEach(imported::add);
        }
        assertThat(imported).isNotEmpty().containsExactlyElementsOf(asffFiles());
        assertThat(wire.server.findAll(postRequestedFor(urlPathEqualTo("/findings")))).isEmpty();
        assertThat(stdout.toString()).contains("security hub 111122223333/us-east-1: " + imported.size() + " sent, "
                + "0 failed, 0 archived");
    }

    @Test
    void aSavedInventoryCannotBeImported() {
        StringWriter stderr = new StringWriter();
        int exit = HipaaAudit.run(new PrintWriter(new StringWriter(), true), new PrintWriter(stderr, true), "scan",
                "--snapshot", "src/test/resources/snapshots/high-fail.json", "--security-hub",
                "--output-dir", out.toString());
        assertThat(exit).isEqualTo(2);
        assertThat(stderr.toString()).contains("--security-hub imports the findings of a live scan of one account");
        assertThat(wire.server.getAllServeEvents()).isEmpty();
    }

    private void answer(String importAnswer, String getAnswer) {
        wire.server.stubFor(post(urlPathEqualTo("/findings/import")).willReturn(json(importAnswer)));
        wire.server.stubFor(post(urlPathEqualTo("/findings")).willReturn(json(getAnswer)));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    private List<JsonNode> asffFiles() throws Exception {
        List<JsonNode> all = new ArrayList<>();
        try (var files = Files.list(out.resolve("asff"))) {
            for (Path f : files.filter(p -> p.getFileName().toString().matches("asff-\\d+\\.json")).sorted().toList()) {
                Json.json().readTree(f.toFile()).forEach(all::add);
            }
        }
        return all;
    }

    private record Run(int exit, String out, String err) {}

    private Run scan(String... more) {
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        List<String> args = new ArrayList<>(List.of("scan", "--endpoint-url", wire.endpoint().toString(),
                "--regions", "us-east-1", "--environment", "prod", "--format", "json,asff", "--output-dir",
                out.toString(), "--no-attribution"));
        args.addAll(List.of(more));
        int exit = HipaaAudit.run(new PrintWriter(stdout, true), new PrintWriter(stderr, true),
                args.toArray(String[]::new));
        return new Run(exit, stdout.toString(), stderr.toString());
    }
}
