package io.hipaaaudit.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hipaaaudit.cli.HipaaAudit;
import io.hipaaaudit.json.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed demo bundle is intact, replays without missing evidence, and is still what its fixtures answer:
 * an edited fixture without a rebuilt bundle (DemoBundle) fails here.
 */
class DemoBundleTest {
    @TempDir
    Path dir;

    @Test
    void theCommittedBundleVerifiesAndReplaysCompletelyAtItsCollectionTime() throws Exception {
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text, true);
        int exit = HipaaAudit.run(out, out, "scan", "--replay", DemoBundle.BUNDLE.toString(),
                "--config", DemoBundle.CONFIG.toString(), "--output-dir", dir.toString(), "--quiet");
        assertThat(exit).as(text.toString()).isEqualTo(1);
        JsonNode doc = Json.json().readTree(dir.resolve("findings.json").toFile());
        assertThat(doc.at("/scan/finishedAt").asText()).isEqualTo(DemoBundle.COLLECTED.toString());
        assertThat(doc.at("/scan/regions").toString()).isEqualTo("[\"us-east-1\",\"us-west-2\"]");
        assertThat(doc.at("/scan/counts/NOT_ASSESSED").asLong()).as("nothing missing from the evidence").isZero();
        JsonNode manifest = Json.json().readTree(DemoBundle.BUNDLE.resolve("manifest.json").toFile());
        assertThat(manifest.at("/aws/endpointUrl").isMissingNode()).as("recorded against the AWS endpoints").isTrue();
    }

    @Test
    void everyRecordedAnswerIsStillWhatTheFixturesServeAndEveryFixtureWasUsed() throws Exception {
        List<String> stale = new ArrayList<>();
        HttpClient http = HttpClient.newHttpClient();
        try (DemoWire wire = new DemoWire(DemoBundle.FIXTURES, DemoBundle.COLLECTED);
             Stream<Path> files = Files.walk(DemoBundle.BUNDLE.resolve("aws"))) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                for (JsonNode e : Json.json().readTree(file.toFile()).get("exchanges")) {
                    JsonNode request = e.get("request");
                    // REST APIs (S3, Lambda): the same GET, its path and query against the one endpoint
                    boolean s3 = e.get("service").asText().startsWith("s3");
                    boolean rest = s3 || request.get("method").asText().equals("GET");
                    java.net.URI url = java.net.URI.create(request.get("url").asText());
                    String target = !rest ? "/" : (url.getRawPath() == null || url.getRawPath().isEmpty() ? "/"
                            : url.getRawPath()) + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
                    HttpRequest.Builder again = HttpRequest.newBuilder(java.net.URI.create(wire.endpoint() + target))
                            .header("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261128/"
                                    + e.get("region").asText() + "/" + (s3 ? "s3" : e.get("service").asText())
                                    + "/aws4_request");
                    if (rest) {
                        again.GET();
                    } else {
                        again.header("Content-Type", request.at("/headers/content-type").asText())
                                .POST(HttpRequest.BodyPublishers.ofString(request.get("body").asText()));
                    }
                    if (request.at("/headers/x-amz-target").isTextual()) {
                        again.header("X-Amz-Target", request.at("/headers/x-amz-target").asText());
                    }
                    HttpResponse<String> answer = http.send(again.build(), HttpResponse.BodyHandlers.ofString());
                    if (!sameAnswer(answer.body(), e.at("/response/body").asText())) {
                        stale.add(file + ": " + e.get("action").asText() + " " + request.get("body").asText());
                    }
                }
            }
            assertThat(stale).as("rebuild the bundle: see DemoBundle").isEmpty();
            // LookupEvents.json is each region's "no recent changes" answer for any other resource: it may go unused
            assertThat(wire.unusedFixtures()).as("fixtures the recorded scan never asked for")
                    .allMatch(f -> f.endsWith("/cloudtrail/LookupEvents.json"));
        }
    }

    /**
     * The recorder keeps answers byte for byte, except that it redacts credential fields of JSON answers (the
     * {@code AccessKeyId} of each CloudTrail event) and the values of Lambda environment variables, so those are
     * compared without that field and with every variable's value replaced.
     */
    private static boolean sameAnswer(String served, String recorded) throws Exception {
        if (served.equals(recorded)) {
            return true;
        }
        if (!served.strip().startsWith("{")) {
            return false;
        }
        return withoutKeyIds(Json.json().readTree(served)).equals(withoutKeyIds(Json.json().readTree(recorded)));
    }

    private static JsonNode withoutKeyIds(JsonNode node) {
        if (node instanceof com.fasterxml.jackson.databind.node.ObjectNode object) {
            object.remove("AccessKeyId");
            if (object.get("Environment") instanceof com.fasterxml.jackson.databind.node.ObjectNode environment
                    && environment.get("Variables") instanceof com.fasterxml.jackson.databind.node.ObjectNode variables) {
                variables.fieldNames().forEachRemaining(name -> variables.put(name, "[redacted]"));
            }
            object.forEach(DemoBundleTest::withoutKeyIds);
        } else if (node.isArray()) {
            node.forEach(DemoBundleTest::withoutKeyIds);
        }
        return node;
    }

    @Test
    void aRebuiltBundleAsksForNothingTheFixturesDoNotAnswer() throws Exception {
        DemoBundle.Result r = DemoBundle.record(DemoBundle.FIXTURES, dir.resolve("bundle"));
        assertThat(r.exit()).as(r.output()).isEqualTo(1);
        assertThat(r.unmatched()).isEmpty();
        // EC2, RDS, KMS and STS exchanges depend only on the collectors and the fixtures (CloudTrail's also on
        // which findings fail, through the change lookups): byte for byte what is committed
        for (String file : List.of("us-east-1/ec2.json", "us-east-1/rds.json", "us-east-1/kms.json", "us-east-1/sts.json",
                "us-west-2/ec2.json", "us-west-2/rds.json", "us-west-2/kms.json")) {
            assertThat(dir.resolve("bundle/aws/" + file)).as(file + ": rebuild the bundle (DemoBundle)")
                    .hasSameTextualContentAs(DemoBundle.BUNDLE.resolve("aws/" + file));
        }
    }
}
