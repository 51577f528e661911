package io.hipaaaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every kind of bad configuration stops the scan with exit 2 and names the file, the line and what was expected. */
class ConfigErrorsTest {
    private static final String WAIVER = """
            waivers:
              - id: W-1
                rule: rds-instance-multi-az
                justification: accepted for the staging copy
                approved_by: jane
                expires: 2026-12-31
            """;

    @TempDir
    Path dir;

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("yaml syntax", "gate:\n  fail_on: [high\n", ":2:", "expected ',' or ']'"),
                Arguments.of("unknown top-level key", "environmnet: prod\n", ":1:",
                        "unknown key 'environmnet'; expected one of databases, environment, environment_tag"),
                Arguments.of("unknown nested key", "environment: prod\ntargets:\n  regoins: [us-east-1]\n", ":3:",
                        "unknown key 'regoins' in targets; expected one of accounts, endpoint_url, profile, regions"),
                Arguments.of("value not in the enumeration", "gate:\n  fail_on: urgent\n", ":2:",
                        "gate.fail_on: does not have a value in the enumeration [\"critical\", \"high\", \"medium\", \"low\", \"info\"]"),
                Arguments.of("wrong type", "gate:\n  allow_incomplete: sometimes\n", ":2:",
                        "gate.allow_incomplete: string found, boolean expected"),
                Arguments.of("unquoted account id", "targets:\n  accounts:\n    - id: 111122223333\n", ":3:",
                        "targets.accounts[0].id: integer found, string expected"),
                Arguments.of("bad date", WAIVER.replace("2026-12-31", "2026-02-30"), ":6:",
                        "waivers[0].expires: does not match the date pattern"),
                Arguments.of("missing expiry", WAIVER.replace("    expires: 2026-12-31\n", ""), ":2:",
                        "waivers[0]: required property 'expires' not found"),
                Arguments.of("unknown rule in params", "params:\n  rds-instance-backup-retentoin:\n    prod: {minRetentionDays: 14}\n",
                        ":2:", "params: unknown rule id 'rds-instance-backup-retentoin'"),
                Arguments.of("unknown parameter", "params:\n  rds-instance-backup-retention:\n    prod:\n      minDays: 14\n",
                        ":4:", "rule rds-instance-backup-retention has no parameter 'minDays'; expected one of minRetentionDays"),
                Arguments.of("parameter of the wrong kind", "params:\n  rds-instance-backup-retention:\n    prod:\n      minRetentionDays: two weeks\n",
                        ":4:", "params.rds-instance-backup-retention.prod.minRetentionDays: expected a number (as the rule declares it), got a string"),
                Arguments.of("unknown waiver rule", WAIVER.replace("rds-instance-multi-az", "rds-instance-multi-zone"), ":3:",
                        "waivers[0].rule: unknown rule id 'rds-instance-multi-zone'"),
                Arguments.of("waiver glob matching no rule", WAIVER.replace("rds-instance-multi-az", "dynamodb-*"), ":3:",
                        "waivers[0].rule: unknown rule id 'dynamodb-*' (the pattern matches no rule)"),
                Arguments.of("bad waiver regex", WAIVER.replace("    justification", "    resource:\n      arn_regex: \"arn:(db\"\n    justification"),
                        ":5:", "waivers[0].resource.arn_regex: not a valid regular expression"),
                Arguments.of("duplicate waiver id", WAIVER + WAIVER.replace("waivers:\n", ""), ":7:",
                        "waivers[1].id: duplicate waiver id 'W-1'"),
                Arguments.of("unknown output format", "outputs:\n  formats: [json, xlsx]\n", ":2:",
                        "outputs.formats[1]: does not have a value in the enumeration"),
                Arguments.of("password in the history url", "history:\n  url: jdbc:postgresql://h/db?password=x\n", ":2:",
                        "history.url: must not carry a password; the history password comes from HIPAA_AUDIT_HISTORY_PASSWORD"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void badConfigurationExitsTwoWithFileLineAndExpectation(String name, String yaml, String line, String expected)
            throws IOException {
        Path config = dir.resolve("hipaa-audit.yaml");
        Files.writeString(config, yaml);
        Cli r = Cli.run("scan", "--config", config.toString(), "--snapshot", Cli.snapshot("compliant.json"),
                "--output-dir", dir.resolve("out").toString());
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).startsWith("hipaa-audit: " + config + line).contains(expected)
                .doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(dir.resolve("out/findings.json")).doesNotExist();
    }
}
