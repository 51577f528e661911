package io.hipaaaudit.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hipaaaudit.collect.postgres.PgServers;
import io.hipaaaudit.engine.Environments;
import io.hipaaaudit.findings.Finding;
import io.hipaaaudit.findings.FindingsDocument;
import io.hipaaaudit.findings.Severity;
import io.hipaaaudit.findings.Status;
import io.hipaaaudit.gate.GateVerdict;
import io.hipaaaudit.history.HistoryTarget;
import io.hipaaaudit.json.InputException;
import io.hipaaaudit.rules.RuleLoader;
import io.hipaaaudit.rules.RulePack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scan pipeline called as a library: no command line, only a request and a listener. */
class ScannerTest {
    private static final RulePack PACK = RuleLoader.load(List.of());
    private static final Environments PROD = Environments.of("prod", "the test", Environments.DEFAULT_TAG, Map.of());

    @TempDir
    Path dir;

    private static Path snapshot(String name) {
        return Path.of("src/test/resources/snapshots", name);
    }

    private static ScanRequest.Builder request(String snapshot) {
        return ScanRequest.builder(new Source.Snapshot(snapshot(snapshot)), PACK).environments(PROD);
    }

    @Test
    void aSavedInventoryIsScannedWithTheDefaultsAndNothingIsWritten() {
        ScanResult r = Scanner.run(request("high-fail.json").build());

        assertThat(r.verdict().outcome()).isEqualTo(GateVerdict.Outcome.FAILED);
        assertThat(r.failing()).isNotEmpty().allSatisfy(f -> assertThat(f.status()).isEqualTo(Status.FAIL));
        assertThat(r.failing()).extracting(Finding::ruleId).contains("rds-instance-storage-encrypted");
        assertThat(r.written()).isEmpty();
        assertThat(r.apiCalls()).isEmpty();
        assertThat(r.historyScanId()).isEmpty();
        assertThat(r.stoppedAtDeadline()).isFalse();
        assertThat(r.findings().scan().rulePackSha256()).isEqualTo(PACK.sha256());
        assertThat(r.findings().scan().environment()).isEqualTo("prod");
    }

    @Test
    void theGateFollowsItsPolicyAndABaselineMakesKnownFailuresNotGate() throws Exception {
        ScanResult first = Scanner.run(request("high-fail.json").outputs(new Outputs(List.of("json"), dir)).build());
        assertThat(first.written()).containsExactly(dir.resolve("findings.json"));

        ScanResult again = Scanner.run(request("high-fail.json")
                .gate(new GatePolicy(Severity.HIGH, false, Optional.of(dir.resolve("findings.json")))).build());
        assertThat(again.verdict().outcome()).isEqualTo(GateVerdict.Outcome.PASSED);
        assertThat(again.verdict().newFailing()).isEmpty();
        assertThat(again.verdict().knownFailing()).isNotEmpty();

        ScanResult critical = Scanner.run(request("high-fail.json")
                .gate(new GatePolicy(Severity.CRITICAL, false, Optional.empty())).build());
        assertThat(critical.verdict().outcome()).as("nothing critical fails").isNotEqualTo(GateVerdict.Outcome.FAILED);
    }

    @Test
    void anIncompleteScanIsIncompleteUnlessAllowed() {
        assertThat(Scanner.run(request("incomplete.json").build()).verdict().outcome())
                .isEqualTo(GateVerdict.Outcome.INCOMPLETE);
        assertThat(Scanner.run(request("incomplete.json").gate(new GatePolicy(Severity.HIGH, true, Optional.empty()))
                .build()).verdict().outcome()).isEqualTo(GateVerdict.Outcome.PASSED);
    }

    @Test
    void requestsThatCannotBeCarriedOutAreRefusedBeforeAnythingIsRead() throws Exception {
        Path missing = dir.resolve("no-such-inventory.json");
        assertThatThrownBy(() -> Scanner.run(ScanRequest.builder(new Source.Snapshot(missing), PACK)
                .record(Optional.of(dir.resolve("bundle"))).build()))
                .isInstanceOf(InputException.class).hasMessageContaining("cannot be used with a snapshot");
        assertThatThrownBy(() -> Scanner.run(ScanRequest.builder(new Source.DatabasesOnly(), PACK).build()))
                .isInstanceOf(InputException.class).hasMessageContaining("at least one database");
        assertThatThrownBy(() -> Scanner.run(ScanRequest.builder(new Source.Snapshot(missing), PACK)
                .outputs(new Outputs(List.of("docx"), dir)).build()))
                .isInstanceOf(InputException.class).hasMessageContaining("docx");
        Files.writeString(dir.resolve("bad-baseline.json"), "{");
        assertThatThrownBy(() -> Scanner.run(ScanRequest.builder(new Source.Snapshot(missing), PACK)
                .gate(new GatePolicy(Severity.HIGH, false, Optional.of(dir.resolve("bad-baseline.json")))).build()))
                .isInstanceOf(InputException.class).hasMessageContaining("bad-baseline.json");
        assertThatThrownBy(() -> new HistoryTarget("jdbc:postgresql://h/db?password=s3cret-value", Optional.empty(),
                () -> null)).isInstanceOf(InputException.class).hasMessageNotContaining("s3cret-value");
    }

    @Test
    void scheduledScansAreRecordedInTheHistoryAndTheReportShowsWhatChanged() throws Exception {
        PgServers.createDatabase(17, "history_pipeline");
        HistoryTarget history = new HistoryTarget(PgServers.url(17, "history_pipeline"), Optional.of("postgres"),
                () -> null);
        List<Long> announced = new ArrayList<>();
        ScanListener listener = new ScanListener() {
            @Override
            public void historyRecorded(long id, String where) {
                announced.add(id);
                assertThat(where).startsWith("jdbc:postgresql://localhost:");
            }
        };
        ScanResult first = Scanner.run(request("compliant.json").history(Optional.of(history)).build(), listener);
        ScanResult second = Scanner.run(request("high-fail.json").history(Optional.of(history))
                .outputs(new Outputs(List.of("html"), dir)).build(), listener);

        assertThat(first.historyScanId()).contains(1L);
        assertThat(second.historyScanId()).contains(2L);
        assertThat(announced).containsExactly(1L, 2L);
        String html = Files.readString(dir.resolve("index.html"));
        assertThat(html).contains("Trend over the last 2 scans").contains("rds-instance-storage-encrypted");
    }

    @Test
    void theSameSavedInventoryGivesTheSameDocument() {
        FindingsDocument a = Scanner.run(request("high-fail.json").build()).findings();
        FindingsDocument b = Scanner.run(request("high-fail.json").build()).findings();
        assertThat(a).isEqualTo(b);
    }
}
