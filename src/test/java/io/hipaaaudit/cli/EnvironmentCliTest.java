package io.hipaaaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hipaaaudit.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A production database tagged with a name the rules do not use (Environment=Production) is held to prod's
 * parameters when an alias says so, and is never judged by the weakest (default) ones when nothing does.
 */
class EnvironmentCliTest {
    private static final String RETENTION = "rds-instance-backup-retention";

    @TempDir
    Path dir;

    private Path snapshot;

    /** The compliant snapshot, its prod instance tagged Environment=Production and keeping 3 days of backups. */
    @BeforeEach
    void productionTaggedInstance() throws IOException {
        ObjectNode inv = (ObjectNode) Json.json().readTree(Path.of(Cli.snapshot("compliant.json")).toFile());
        ObjectNode db = (ObjectNode) inv.get("dbInstances").get(0);
        db.put("backupRetentionPeriod", 3);
        db.putObject("tags").put("Environment", "Production");
        snapshot = dir.resolve("production-tagged.json");
        Json.json().writeValue(snapshot.toFile(), inv);
    }

    private Cli scan(String... extra) {
        List<String> args = new ArrayList<>(List.of("scan", "--snapshot", snapshot.toString(), "--format", "json",
                "--output-dir", dir.resolve("out").toString()));
        args.addAll(List.of(extra));
        return Cli.run(args.toArray(String[]::new));
    }

    private Path config(String yaml) throws IOException {
        Path file = dir.resolve("hipaa-audit.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    private JsonNode finding(String ruleId) throws IOException {
        for (JsonNode f : Json.json().readTree(dir.resolve("out/findings.json").toFile()).get("findings")) {
            if (f.get("ruleId").asText().equals(ruleId) && f.at("/resource/id").asText().equals("healthapp-prod")) {
                return f;
            }
        }
        throw new AssertionError("no " + ruleId + " finding for healthapp-prod");
    }

    @Test
    void anAliasInTheConfigurationHoldsAProductionTaggedInstanceToProdsMinimum() throws IOException {
        Path cfg = config("environments:\n  aliases:\n    prod: [production, prd]\n    dev: [development]\n");
        Cli r = scan("--config", cfg.toString(), "--environment", "dev");
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(ExitCodes.FAILED);
        JsonNode retention = finding(RETENTION);
        assertThat(retention.get("status").asText()).isEqualTo("FAIL");
        assertThat(retention.get("message").asText()).contains("3 day(s); the prod minimum is 7");
        assertThat(retention.at("/evidence/environment").asText()).isEqualTo("prod");
        assertThat(retention.at("/evidence/environmentSource").asText())
                .isEqualTo("tag Environment=Production (alias of prod)");
        assertThat(retention.at("/evidence/params/minRetentionDays").asLong()).isEqualTo(7);
        assertThat(finding("rds-instance-multi-az").get("status").asText()).isEqualTo("PASS");
        assertThat(r.err()).doesNotContain("warning");
    }

    @Test
    void withoutAnAliasAnEnvironmentNobodyDefinedIsNotAssessedAndWarnedAboutOnce() throws IOException {
        Cli r = scan("--environment", "prod");
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(ExitCodes.INCOMPLETE);
        for (String rule : List.of(RETENTION, "rds-instance-multi-az", "rds-instance-deletion-protection")) {
            JsonNode f = finding(rule);
            assertThat(f.get("status").asText()).as(rule).isEqualTo("NOT_ASSESSED");
            assertThat(f.get("message").asText()).as(rule).startsWith("environment 'production' (tag "
                    + "Environment=Production) is not defined by this rule's parameters (defined: ");
            assertThat(f.at("/evidence/params").isMissingNode()).as(rule).isTrue();
        }
        assertThat(finding("rds-instance-storage-encrypted").get("status").asText()).isEqualTo("PASS");
        List<String> warnings = r.err().lines().filter(l -> l.contains("warning")).toList();
        assertThat(warnings).singleElement().asString()
                .startsWith("hipaa-audit: warning: environment 'production' is not defined by the rules' parameters "
                        + "(defined: dev, prod); ")
                .contains("(from tag Environment=Production)").contains("environments.aliases");
    }

    @Test
    void theScanEnvironmentIsMatchedWithoutRegardToCaseAndNamedAsTheSource() throws IOException {
        Path cfg = config("environment: PROD\nenvironments:\n  aliases:\n    default: [production]\n");
        Cli r = scan("--config", cfg.toString());
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(ExitCodes.OK);
        JsonNode retention = finding(RETENTION);
        assertThat(retention.get("status").asText()).isEqualTo("PASS");
        assertThat(retention.at("/evidence/environment").asText()).isEqualTo("default");
        JsonNode scanInfo = Json.json().readTree(dir.resolve("out/findings.json").toFile()).get("scan");
        assertThat(scanInfo.get("environment").asText()).isEqualTo("prod");
    }

    @Test
    void anAliasNamingTwoEnvironmentsOrShadowingARulesEnvironmentIsAConfigurationError() throws IOException {
        Path twice = config("environments:\n  aliases:\n    prod: [live]\n    dev: [sandbox, Live]\n");
        Cli r = scan("--config", twice.toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).startsWith("hipaa-audit: " + twice + ":3: environments.aliases.prod[0]: ")
                .contains("alias 'live' names two environments: dev and prod").doesNotContain("Exception");

        Path shadow = config("environments:\n  aliases:\n    default: [staging, prod]\n");
        Cli s = scan("--config", shadow.toString());
        assertThat(s.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(s.err()).startsWith("hipaa-audit: " + shadow + ":3: environments.aliases.default[1]: "
                + "alias 'prod' of default is an environment the rules define parameters for");
    }

    @Test
    void aliasesOfTheWrongShapeAreRejectedByTheSchema() throws IOException {
        Path cfg = config("environments:\n  aliases:\n    prod: production\n");
        Cli r = scan("--config", cfg.toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).startsWith("hipaa-audit: " + cfg + ":3: environments.aliases.prod: string found, "
                + "array expected");
    }

    @Test
    void aClusterMemberInAnUndefinedEnvironmentIsOutsideTheInstanceRulesNotUnassessed() throws IOException {
        ObjectNode inv = (ObjectNode) Json.json().readTree(snapshot.toFile());
        ((ObjectNode) inv.get("dbInstances").get(0)).put("dbClusterIdentifier", "healthapp-aurora");
        Json.json().writeValue(snapshot.toFile(), inv);

        scan();
        JsonNode f = finding(RETENTION);
        assertThat(f.get("status").asText()).as(f.toString()).isEqualTo("NOT_APPLICABLE");
    }
}
