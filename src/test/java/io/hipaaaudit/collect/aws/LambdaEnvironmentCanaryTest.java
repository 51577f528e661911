package io.hipaaaudit.collect.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import io.hipaaaudit.cli.HipaaAudit;
import io.hipaaaudit.inventory.Inventory;
import io.hipaaaudit.inventory.InventoryJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Lambda environment value never leaves the collector: a full recorded scan of a function whose DB_PASSWORD
 * holds a canary, with every report format and the inventory saved, leaves the canary in no file and in neither
 * output stream; the recorded ListFunctions answers keep the variable names with their values replaced, and the
 * bundle replays to the same functions.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LambdaEnvironmentCanaryTest {
    private static final String FORMATS = "json,html,junit,sarif,allure,ocsf,asff,csv";

    @TempDir
    Path dir;
    private final AwsWire wire = new AwsWire().region("us-east-1");

    @AfterEach
    void stop() {
        wire.close();
    }

    private HipaaAudit cli() {
        Duration attempt = Duration.ofSeconds(2);
        AwsCollectorOptions local = LocalEndpointOptions.of(wire.endpoint(), attempt);
        return new HipaaAudit(Clock.systemUTC(), o -> o.withAttemptTimeout(attempt)
                .withRetryStrategy(local.retryStrategy().get())
                .withCredentialsProvider(local.credentialsProvider().get())
                .withRatesPerSecond(Map.of()));
    }

    private record Run(int exit, String out, String err) {}

    private Run run(String... args) {
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        int exit = HipaaAudit.run(cli(), new PrintWriter(stdout, true), new PrintWriter(stderr, true), args);
        return new Run(exit, stdout.toString(), stderr.toString());
    }

    @Test
    void theCanaryIsInNoReportBundleInventoryOrStream() throws IOException {
        assertThat(WireFindings.fixture("lambda", "ListFunctions@lambda-page-2.json")).contains(LambdaWireTest.CANARY);
        Path out = dir.resolve("out");
        Path bundle = dir.resolve("bundle");
        Path inventory = dir.resolve("inventory.json");

        Run live = run("scan", "--endpoint-url", wire.endpoint().toString(), "--regions", "us-east-1",
                "--environment", "prod", "--no-attribution", "--output-dir", out.toString(), "--format", FORMATS,
                "--record", bundle.toString(), "--save-inventory", inventory.toString(), "--verbose");

        assertThat(Files.exists(out.resolve("findings.json"))).as(live.out() + live.err()).isTrue();
        assertThat(live.out()).doesNotContain(LambdaWireTest.CANARY);
        assertThat(live.err()).doesNotContain(LambdaWireTest.CANARY);
        List<Path> written = files(dir);
        assertThat(written).hasSizeGreaterThan(FORMATS.split(",").length + 2);
        for (Path file : written) {
            assertThat(Files.readString(file, StandardCharsets.ISO_8859_1)).as(file.toString())
                    .doesNotContain(LambdaWireTest.CANARY);
        }
        // the recorded answer keeps the names, each value replaced
        String recorded = Files.readString(bundle.resolve("aws/us-east-1/lambda.json"));
        assertThat(recorded).contains("DB_PASSWORD").contains("EXPORT_BUCKET").contains(AwsRedaction.REDACTED);
        // the findings name the variable, never its value
        assertThat(Files.readString(out.resolve("findings.json"))).contains("DB_PASSWORD");
        wire.server.verify(0, getRequestedFor(urlPathMatching("/2015-03-31/functions/.+")));

        Path replayedInventory = dir.resolve("replayed.json");
        Run replay = run("scan", "--replay", bundle.toString(), "--environment", "prod", "--no-attribution",
                "--output-dir", dir.resolve("replayed").toString(), "--save-inventory", replayedInventory.toString());
        assertThat(replay.out() + replay.err()).doesNotContain(LambdaWireTest.CANARY);
        Inventory before = InventoryJson.read(inventory);
        Inventory after = InventoryJson.read(replayedInventory);
        assertThat(after.lambdaFunctions()).isEqualTo(before.lambdaFunctions()).hasSize(3);
        assertThat(LambdaWireTest.function(after, LambdaWireTest.EXPORT).environmentVariableNames())
                .containsExactly("DB_PASSWORD", "EXPORT_BUCKET");
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(Files::isRegularFile).toList();
        }
    }
}
