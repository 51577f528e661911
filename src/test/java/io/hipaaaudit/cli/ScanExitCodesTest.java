package io.hipaaaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exit codes the CI gate relies on. */
class ScanExitCodesTest {
    @TempDir
    Path out;

    Cli scan(String snapshot, String... extra) {
        String[] base = {"scan", "--snapshot", Cli.snapshot(snapshot), "--output-dir", out.toString(),
                "--environment", "prod"};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return Cli.run(args);
    }

    @Test
    void compliantSnapshotExitsZero() {
        Cli r = scan("compliant.json");
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("result: exit 0 (fail-on high)").doesNotContain("FAILING");
        assertThat(out.resolve("findings.json")).exists();
    }

    @Test
    void highFailureExitsOneAndIsListed() {
        Cli r = scan("high-fail.json");
        assertThat(r.exit()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.out()).contains("FAILING (1)").contains("rds-instance-storage-encrypted")
                .contains("healthapp-prod stores its data unencrypted");
    }

    @Test
    void failOnCriticalIgnoresAHighFailure() {
        assertThat(scan("high-fail.json", "--fail-on", "critical").exit()).isEqualTo(ExitCodes.OK);
    }

    @Test
    void mediumFailurePassesTheDefaultGateButNotFailOnMedium() {
        assertThat(scan("medium-fail.json").exit()).isEqualTo(ExitCodes.OK);
        assertThat(scan("medium-fail.json", "--fail-on", "MEDIUM").exit()).isEqualTo(ExitCodes.FAILED);
    }

    @Test
    void notAssessedMakesTheScanIncompleteUnlessAllowed() {
        Cli r = scan("incomplete.json");
        assertThat(r.exit()).isEqualTo(ExitCodes.INCOMPLETE);
        assertThat(r.out()).contains("NOT ASSESSED").contains("ec2:DescribeVpcs");
        assertThat(scan("incomplete.json", "--allow-incomplete").exit()).isEqualTo(ExitCodes.OK);
    }

    @Test
    void aFailureOutranksIncompleteness() {
        assertThat(scan("high-fail-incomplete.json", "--rules", "src/test/resources/rules-needing-vpc").exit())
                .isEqualTo(ExitCodes.FAILED);
        assertThat(scan("high-fail-incomplete.json", "--rules", "src/test/resources/rules-needing-vpc",
                "--fail-on", "critical").exit()).isEqualTo(ExitCodes.INCOMPLETE);
    }

    @Test
    void helpListsTheExitCodesAndWhichWins() {
        Cli r = Cli.run("scan", "--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("Exit codes (when findings both fail and are NOT_ASSESSED, 1 wins over 3):")
                .containsPattern("\\s+3\\s+the scan is incomplete");
    }
}
