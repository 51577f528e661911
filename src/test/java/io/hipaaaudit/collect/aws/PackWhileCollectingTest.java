package io.hipaaaudit.collect.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hipaaaudit.cli.HipaaAudit;
import io.hipaaaudit.engine.Environments;
import io.hipaaaudit.json.InputException;
import io.hipaaaudit.rules.RuleLoader;
import io.hipaaaudit.rules.RulePack;
import io.hipaaaudit.scan.Outputs;
import io.hipaaaudit.scan.RuleInputs;
import io.hipaaaudit.scan.ScanRequest;
import io.hipaaaudit.scan.ScanResult;
import io.hipaaaudit.scan.Scanner;
import io.hipaaaudit.scan.Source;
import io.hipaaaudit.waivers.Waivers;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scan whose rule pack is still loading collects meanwhile (real SDK clients against the local endpoint), and a
 * pack that fails to load fails the scan with its own error, before any collection error, with nothing written.
 */
class PackWhileCollectingTest {
    private static final RulePack PACK = RuleLoader.load(List.of());
    private static final Environments ENVIRONMENTS = new Environments("default", "Environment");

    private final AwsWire wire = new AwsWire().region("us-east-1");

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        wire.close();
    }

    private Source aws() {
        return new Source.Aws(wire.options("us-east-1"), new Source.Accounts.One(Optional.empty()));
    }

    /** Blocks the pack's loading until the endpoint has answered a request: only a collection under way can. */
    private Supplier<RuleInputs.Loaded> afterFirstRequest(Supplier<RuleInputs.Loaded> then) {
        return () -> {
            long until = System.nanoTime() + 60_000_000_000L;
            while (wire.server.getAllServeEvents().isEmpty()) {
                if (System.nanoTime() > until) {
                    throw new AssertionError("nothing was collected while the pack was loading");
                }
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
            return then.get();
        };
    }

    private static RuleInputs.Loaded loaded() {
        return new RuleInputs.Loaded(PACK, ENVIRONMENTS, Waivers.none());
    }

    @Test
    void collectionStartsWhileThePackLoadsAndTheScanIsTheSame() {
        ScanResult overlapped = Scanner.run(ScanRequest.builder(aws(), RuleInputs.loading(afterFirstRequest(
                PackWhileCollectingTest::loaded))).attribution(false).build());
        int requests = wire.server.getAllServeEvents().size();
        wire.server.resetRequests();
        ScanResult first = Scanner.run(ScanRequest.builder(aws(), PACK).environments(ENVIRONMENTS)
                .attribution(false).build());

        assertThat(wire.server.getAllServeEvents()).hasSize(requests);
        assertThat(overlapped.findings().findings()).isEqualTo(first.findings().findings());
        assertThat(overlapped.verdict().outcome()).isEqualTo(first.verdict().outcome());
        assertThat(overlapped.apiCalls()).isEqualTo(first.apiCalls());
    }

    @Test
    void aPackThatFailsAfterCollectionLeavesNoRecordingAndNoReport() {
        InputException bad = new InputException("rules/x/rule.yaml: condition: undeclared reference to 'resourc'");
        Path evidence = dir.resolve("evidence");
        Path reports = dir.resolve("reports");
        ScanRequest request = ScanRequest.builder(aws(), RuleInputs.loading(afterFirstRequest(() -> {
                    throw bad;
                })))
                .record(Optional.of(evidence)).outputs(new Outputs(List.of("json", "html"), reports))
                .saveInventory(Optional.of(dir.resolve("inventory.json"))).build();

        assertThatThrownBy(() -> Scanner.run(request)).isSameAs(bad);
        assertThat(evidence).doesNotExist();
        assertThat(reports).doesNotExist();
        assertThat(dir.resolve("inventory.json")).doesNotExist();
    }

    @Test
    void aPackErrorWinsOverTheCollectionsError() {
        wire.server.stubFor(wire.request("us-east-1", "sts", "GetCallerIdentity").atPriority(0)
                .willReturn(AwsWire.queryError(403, "InvalidClientTokenId", "The security token is invalid.")));
        InputException bad = new InputException("rules/x/rule.yaml: not a rule");
        RuleInputs rules = RuleInputs.loading(afterFirstRequest(() -> {
            try {
                Thread.sleep(300); // the collection has failed by now
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw bad;
        }));

        assertThatThrownBy(() -> Scanner.run(ScanRequest.builder(aws(), rules).build())).isSameAs(bad);
    }

    @Test
    void aRequestRefusedBeforeCollectionStillGivesThePacksErrorFirst() throws Exception {
        Path used = Files.createDirectories(dir.resolve("used"));
        Files.writeString(used.resolve("f"), "x");
        InputException bad = new InputException("rules/x/rule.yaml: not a rule");
        RuleInputs rules = RuleInputs.loading(() -> {
            throw bad;
        });

        assertThatThrownBy(() -> Scanner.run(ScanRequest.builder(aws(), rules).record(Optional.of(used)).build()))
                .isSameAs(bad);
        assertThat(wire.server.getAllServeEvents()).isEmpty();
    }

    private record Run(int exit, String out, String err) {}

    private Run cli(String... args) {
        AwsCollectorOptions local = LocalEndpointOptions.of(wire.endpoint(), Duration.ofSeconds(2));
        HipaaAudit root = new HipaaAudit(Clock.systemUTC(), o -> o.withRetryStrategy(local.retryStrategy().get())
                .withCredentialsProvider(local.credentialsProvider().get()).withRatesPerSecond(Map.of()));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = HipaaAudit.run(root, new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(exit, out.toString(), err.toString());
    }

    private Path brokenRules() throws IOException {
        Path rule = Files.createDirectories(dir.resolve("rules/backup/my-rule"));
        // a condition that does not compile, at line 10 (the same rule BadInputTest reports)
        try (var in = PackWhileCollectingTest.class.getResourceAsStream("/broken-rule/rule.yaml")) {
            Files.copy(in, rule.resolve("rule.yaml"));
        }
        return dir.resolve("rules");
    }

    @Test
    void theCommandLineReportsABrokenRuleInOneLineAsBeforeCollectionWhateverCollectionDid() throws IOException {
        Path rules = brokenRules();
        Run before = cli("scan", "--snapshot", "src/test/resources/snapshots/compliant.json", "--rules",
                rules.toString(), "--output-dir", dir.resolve("out").toString());
        assertThat(before.exit()).isEqualTo(2);
        assertThat(before.err().strip().lines()).singleElement().asString()
                .contains("my-rule/rule.yaml:10: rule my-rule: condition does not compile");

        List<String> live = List.of("scan", "--endpoint-url", wire.endpoint().toString(), "--regions", "us-east-1",
                "--rules", rules.toString(), "--record", dir.resolve("evidence").toString(),
                "--output-dir", dir.resolve("out").toString());
        Run collected = cli(live.toArray(String[]::new));
        wire.server.stubFor(wire.request("us-east-1", "sts", "GetCallerIdentity").atPriority(0)
                .willReturn(AwsWire.queryError(403, "InvalidClientTokenId", "The security token is invalid.")));
        Run refused = cli(live.toArray(String[]::new));

        for (Run r : List.of(collected, refused)) {
            assertThat(r.exit()).isEqualTo(2);
            assertThat(r.err()).isEqualTo(before.err());
            assertThat(r.out()).isEqualTo(before.out());
        }
        assertThat(dir.resolve("evidence")).doesNotExist();
        assertThat(dir.resolve("out")).doesNotExist();
    }
}
