package io.hipaaaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Bad input ends in one clear line on stderr and exit 2: never a stack trace, never a silent pass. */
class BadInputTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            not json            | {"dbInstances": [                                    | bad.json:1:
            unknown top key     | {"dbInstance": []}                                   | bad.json:1: unknown key 'dbInstance'
            unknown nested key  | {"dbInstances": [{"account": "1", "region": "r", "id": "a",\\n "storageEncryptd": true}]} | bad.json:2: unknown key 'storageEncryptd'
            missing id          | {"dbInstances": [{"account": "1", "region": "r"}]}   | missing required field 'id'
            wrong type          | {"dbInstances": [{"account": "1", "region": "r", "id": "a", "multiAz": "maybe"}]} | (at dbInstances[0].multiAz)
            bad timestamp       | {"finishedAt": "yesterday"}                          | bad.json:1:
            trailing garbage    | {} {}                                                | bad.json:1:
            """)
    void malformedSnapshotExitsTwoWithOneLine(String name, String json, String expected) throws IOException {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, json.replace("\\n", "\n"));
        Cli r = Cli.run("scan", "--snapshot", file.toString(), "--output-dir", dir.resolve("out").toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).startsWith("hipaa-audit: ").contains(expected).doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(dir.resolve("out/findings.json")).doesNotExist();
    }

    @Test
    void missingSnapshotFile() {
        Cli r = Cli.run("scan", "--snapshot", dir.resolve("nope.json").toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("nope.json: cannot read snapshot").doesNotContain("\tat ");
    }

    @Test
    void unknownOptionAndBadSeverityAreUsageErrors() {
        Cli unknown = Cli.run("scan", "--snapshot", "x.json", "--colour");
        assertThat(unknown.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).contains("Unknown option: '--colour'");
        Cli severity = Cli.run("scan", "--snapshot", "x.json", "--fail-on", "urgent");
        assertThat(severity.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(severity.err()).contains("unknown severity 'urgent'");
        assertThat(Cli.run("scan", "--snapshot", "x.json", "--format", "pdf").exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(Cli.run().exit()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void brokenCustomRuleFailsTheScanWithTheRuleFileAndLine() throws IOException {
        Path rule = dir.resolve("rules/backup/my-rule");
        Files.createDirectories(rule);
        try (var in = BadInputTest.class.getResourceAsStream("/broken-rule/rule.yaml")) {
            Files.copy(in, rule.resolve("rule.yaml")); // line 10: a condition that does not compile
        }
        Cli r = Cli.run("scan", "--snapshot", Cli.snapshot("compliant.json"), "--rules", dir.resolve("rules").toString(),
                "--output-dir", dir.resolve("out").toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("my-rule/rule.yaml:10: rule my-rule: condition does not compile");
        assertThat(r.err().strip().lines()).hasSize(1);
    }

    @Test
    void malformedFixtureInACustomPackIsReported() throws IOException {
        Path rule = dir.resolve("rules/backup/my-rule");
        Files.createDirectories(rule.resolve("fixtures/pass"));
        Files.writeString(rule.resolve("rule.yaml"), """
                id: my-rule
                title: t
                area: backup
                severity: high
                resource: aws.rds.db_instance
                hipaa: ["164.308(a)(7)(ii)(A)"]
                nprm2025: unchanged
                rationale: r
                remediation: r
                condition: "resource.backupRetentionPeriod >= 1"
                message: m
                """);
        Files.writeString(rule.resolve("fixtures/pass/p.json"), "{\"inventory\": {\"dbInstances\": [\n{\"account\": \"1\", \"region\": \"r\", \"id\": \"a\",\n \"bogus\": 1}]}}");
        Cli r = Cli.run("rules", "test", "--rules", dir.resolve("rules").toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("p.json:3: unknown key 'bogus'");
    }
}
