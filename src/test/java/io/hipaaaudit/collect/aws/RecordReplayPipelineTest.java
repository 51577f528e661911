package io.hipaaaudit.collect.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static org.assertj.core.api.Assertions.assertThat;

import io.hipaaaudit.engine.Environments;
import io.hipaaaudit.findings.Finding;
import io.hipaaaudit.findings.Status;
import io.hipaaaudit.rules.RuleLoader;
import io.hipaaaudit.rules.RulePack;
import io.hipaaaudit.scan.ScanRequest;
import io.hipaaaudit.scan.ScanResult;
import io.hipaaaudit.scan.Scanner;
import io.hipaaaudit.scan.Source;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A live scan recorded through the pipeline, with the change history of its failing resources, and its replay
 * with the endpoint gone: the same findings, the same change evidence, from the bundle alone.
 */
class RecordReplayPipelineTest {
    private static final RulePack PACK = RuleLoader.load(List.of());
    private static final Environments ENV = new Environments("default", "Environment");

    @TempDir
    Path dir;

    @Test
    void aRecordedScanReplaysToTheSameFindingsAndChangeHistory() throws Exception {
        Path bundle = dir.resolve("bundle");
        ScanResult recorded;
        try (AwsWire wire = new AwsWire().region("us-east-1")) {
            wire.server.stubFor(wire.request("us-east-1", "cloudtrail", "LookupEvents").atPriority(9)
                    .willReturn(AwsWire.ok("cloudtrail", "{\"Events\":[]}")));
            ChangeAttributionTest.stubChanges(wire, "us-east-1", "app-db", "modify-db-instance");
            recorded = Scanner.run(ScanRequest.builder(new Source.Aws(wire.options("us-east-1"),
                    new Source.Accounts.One(Optional.empty())), PACK).environments(ENV)
                    .record(Optional.of(bundle)).build());
        }
        assertThat(Files.exists(bundle.resolve("manifest.json"))).isTrue();
        assertThat(recorded.inventory().resourceChanges()).extracting(c -> c.resourceName()).contains("app-db");
        long lookups = recorded.apiCalls().get("cloudtrail:LookupEvents");
        assertThat(lookups).isPositive();

        ScanResult replayed = Scanner.run(ScanRequest.builder(new Source.Replay(bundle), PACK).environments(ENV)
                .build());

        assertThat(replayed.findings().findings()).isEqualTo(recorded.findings().findings());
        assertThat(replayed.inventory().resourceChanges()).isEqualTo(recorded.inventory().resourceChanges());
        assertThat(replayed.apiCalls()).containsEntry("cloudtrail:LookupEvents", lookups);
        Finding appDb = replayed.findings().findings().stream()
                .filter(f -> f.status() == Status.FAIL && f.resource().id().equals("app-db")).findFirst().orElseThrow();
        assertThat(appDb.evidence()).containsKey("changes");

        ScanResult plain = Scanner.run(ScanRequest.builder(new Source.Replay(bundle), PACK).environments(ENV)
                .attribution(false).build());
        assertThat(plain.inventory().resourceChanges()).isEmpty();
        assertThat(plain.apiCalls()).doesNotContainKey("cloudtrail:LookupEvents");
        assertThat(plain.findings().findings()).extracting(Finding::ruleId, f -> f.resource().id(), Finding::status)
                .as("attribution adds evidence, never a verdict")
                .isEqualTo(recorded.findings().findings().stream().map(f -> org.assertj.core.groups.Tuple.tuple(
                        f.ruleId(), f.resource().id(), f.status())).toList());
    }

    @Test
    void recordingSeveralAccountsAtOnceIsRefused() {
        var listed = new Source.Accounts.Listed(List.of(new AccountTarget("111122223333", Optional.empty(),
                Optional.empty(), Optional.empty())), 1);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Scanner.run(ScanRequest.builder(
                        new Source.Aws(AwsCollectorOptions.defaults(), listed), PACK)
                        .record(Optional.of(dir.resolve("b"))).build()))
                .hasMessageContaining("record each account separately");
    }
}
