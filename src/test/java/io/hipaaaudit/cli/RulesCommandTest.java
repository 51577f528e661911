package io.hipaaaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RulesCommandTest {
    @Test
    void listPrintsAtLeastTwentyRulesWithTheirCitations() {
        Cli r = Cli.run("rules", "list");
        assertThat(r.exit()).isZero();
        long rows = r.out().lines().filter(l -> l.contains(" 164.3")).count();
        assertThat(rows).isGreaterThanOrEqualTo(20);
        assertThat(r.out()).contains("rds-instance-storage-encrypted").contains("164.312(a)(2)(iv)");
    }

    @Test
    void showPrintsMetadataParamsPerEnvironmentAndRemediation() {
        Cli r = Cli.run("rules", "show", "rds-instance-backup-retention");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("params[prod]: {minRetentionDays=7}").contains("params[dev]: {minRetentionDays=1}")
                .contains("164.308(a)(7)(ii)(A) Data backup plan").contains("remediation:");
        Cli unknown = Cli.run("rules", "show", "no-such-rule");
        assertThat(unknown.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).contains("unknown rule id 'no-such-rule'");
    }

    @Test
    void testRunsEveryBundledFixture() {
        Cli r = Cli.run("rules", "test");
        assertThat(r.exit()).as(r.out()).isZero();
        assertThat(r.out()).containsPattern("\\d{2,} passed, 0 failed");
    }

    @Test
    void frameworkListsEverySpecificationWithRulesOrAttestation() {
        Cli r = Cli.run("rules", "framework");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("164.308(a)(1)(ii)(C)").contains("manual: needs an attestation")
                .contains("rds-instance-storage-encrypted");
    }

    @Test
    void versionNamesToolAndRulePack() {
        Cli r = Cli.run("version");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("hipaa-audit ").contains("rule pack: ").containsPattern("sha256 [0-9a-f]{64}");
    }
}
