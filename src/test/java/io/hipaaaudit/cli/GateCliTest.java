package io.hipaaaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.hipaaaudit.findings.FindingsDocument;
import io.hipaaaudit.findings.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The post-deploy gate end to end: baseline, waivers from the configuration, and flags over configuration. */
class GateCliTest {
    @TempDir
    Path dir;

    Cli scan(String snapshot, String out, String... extra) {
        String[] base = {"scan", "--snapshot", snapshot, "--output-dir", dir.resolve(out).toString(),
                "--environment", "prod"};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return Cli.run(args);
    }

    String baselineOf(String snapshot) {
        assertThat(scan(Cli.snapshot(snapshot), "baseline").exit()).isIn(0, 1, 3);
        return dir.resolve("baseline/findings.json").toString();
    }

    @Test
    void aHighFindingAlreadyInTheBaselineDoesNotFailTheGate() {
        String baseline = baselineOf("high-fail.json");
        Cli r = scan(Cli.snapshot("high-fail.json"), "now", "--baseline", baseline);
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("0 new failing, 1 already failing (not gating), 0 fixed");
    }

    @Test
    void aNewHighFindingFailsTheGate() {
        String baseline = baselineOf("compliant.json");
        Cli r = scan(Cli.snapshot("high-fail.json"), "now", "--baseline", baseline);
        assertThat(r.exit()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.out()).contains("1 new failing, 0 already failing (not gating), 0 fixed")
                .containsPattern("new +high +rds-instance-storage-encrypted +healthapp-prod");
    }

    @Test
    void fixedFindingsAreListed() {
        String baseline = baselineOf("high-fail.json");
        Cli r = scan(Cli.snapshot("compliant.json"), "now", "--baseline", baseline);
        assertThat(r.exit()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("0 new failing, 0 already failing (not gating), 1 fixed")
                .containsPattern("fixed +high +rds-instance-storage-encrypted +healthapp-prod");
    }

    @Test
    void incompletenessStillExitsThreeWithABaseline() {
        String baseline = baselineOf("incomplete.json");
        assertThat(scan(Cli.snapshot("incomplete.json"), "now", "--baseline", baseline).exit())
                .isEqualTo(ExitCodes.INCOMPLETE);
    }

    @Test
    void missingBaselineIsAnInputError() {
        Cli r = scan(Cli.snapshot("high-fail.json"), "now", "--baseline", dir.resolve("nope.json").toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("nope.json: cannot read findings");
    }

    @Test
    void tagScopedWaiverWaivesTheFailureAndUnusedOnesAreReported() throws IOException {
        Path snapshot = dir.resolve("tagged.json");
        Files.writeString(snapshot, Files.readString(Path.of(Cli.snapshot("high-fail.json")))
                .replace("\"id\": \"healthapp-prod\",", "\"id\": \"healthapp-prod\", \"tags\": {\"Team\": \"data\"},"));
        Path config = config("""
                waivers:
                  - id: W-TAG
                    rule: rds-instance-storage-encrypted
                    resource: {tags: {Team: data}, account: "111122223333"}
                    justification: re-encryption scheduled in the next window
                    approved_by: jane
                    expires: 2026-11-24
                  - id: W-OTHER
                    rule: rds-instance-storage-encrypted
                    resource: {tags: {Team: web}}
                    justification: does not match anything here
                    approved_by: jane
                    expires: 2027-01-01
                """);
        Cli r = scan(snapshot.toString(), "now", "--config", config.toString());
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("waivers: 1 applied, 0 expired, 1 unused").contains("unused   W-OTHER");
        FindingsDocument doc = FindingsDocument.read(dir.resolve("now/findings.json"));
        assertThat(doc.scan().unusedWaivers()).containsExactly("W-OTHER");
        assertThat(doc.findings()).filteredOn(f -> f.status() == Status.WAIVED).singleElement()
                .satisfies(f -> assertThat(f.waiver()).map(w -> w.id()).contains("W-TAG"));
    }

    @Test
    void waiverExpiredBeforeTheScanDayNoLongerApplies() throws IOException {
        Path config = config("""
                waivers:
                  - id: W-OLD
                    rule: rds-instance-storage-encrypted
                    justification: re-encryption scheduled in the next window
                    approved_by: jane
                    expires: 2026-11-23
                """);
        Cli r = scan(Cli.snapshot("high-fail.json"), "now", "--config", config.toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.out()).contains("waiver W-OLD expired on 2026-11-23").contains("1 expired");
    }

    @Test
    void configurationSetsTheGateAndFlagsOverrideIt() throws IOException {
        Path config = config("environment: prod\ngate:\n  fail_on: critical\noutputs:\n  formats: [json]\n");
        String[] base = {"scan", "--config", config.toString(), "--snapshot", Cli.snapshot("high-fail.json"),
                "--output-dir", dir.resolve("c").toString()};
        assertThat(Cli.run(base).exit()).isEqualTo(ExitCodes.OK);
        String[] flagged = java.util.Arrays.copyOf(base, base.length + 2);
        flagged[base.length] = "--fail-on";
        flagged[base.length + 1] = "high";
        assertThat(Cli.run(flagged).exit()).isEqualTo(ExitCodes.FAILED);
    }

    private Path config(String yaml) throws IOException {
        Path file = dir.resolve("hipaa-audit.yaml");
        Files.writeString(file, yaml);
        return file;
    }
}
