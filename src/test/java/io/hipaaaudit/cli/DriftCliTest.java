package io.hipaaaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hipaaaudit.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hipaa-audit drift}: the plan against one deployed side, through picocli. */
class DriftCliTest {
    private static final String TEMPLATE = "src/test/resources/templates/drift/health-app.yaml";
    private static final String SNAPSHOT = "src/test/resources/snapshots/health-app.snapshot.json";

    @TempDir
    Path dir;

    @Test
    void theStackAsPlannedExitsZeroAndWritesDriftJson() throws Exception {
        Path out = dir.resolve("drift.json");

        Cli r = Cli.run("drift", "--template", TEMPLATE, "--template-region", "us-east-1", "--template-account",
                "123456789012", "--environment", "prod", "--snapshot", SNAPSHOT, "--output", out.toString());

        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("no drift: 0 verdict-changed, 0 planned-only, 0 deployed-only");
        JsonNode json = Json.json().readTree(out.toFile());
        assertThat(json.get("drift")).isEmpty();
        assertThat(json.get("summary").get("pairedResources").asInt()).isEqualTo(26);
    }

    @Test
    void aChangeMadeByHandAfterDeployExitsOne() throws Exception {
        Path deployed = dir.resolve("deployed.json");
        Files.writeString(deployed, Files.readString(Path.of(SNAPSHOT)).replace("\"backupRetentionPeriod\": 7",
                "\"backupRetentionPeriod\": 3"));

        Cli r = Cli.run("drift", "--template", TEMPLATE, "--template-region", "us-east-1", "--template-account",
                "123456789012", "--environment", "prod", "--snapshot", deployed.toString());

        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(1);
        assertThat(r.out()).contains("verdict-changed").contains("health-app/Database -> health-app-db")
                .contains("rds-instance-backup-retention").contains("PASS -> FAIL").contains("drift found: 1 ");
    }

    @Test
    void anUnknownOnTheDeployedSideWithoutDriftExitsThreeUnlessAllowed() throws Exception {
        Path deployed = dir.resolve("deployed.json");
        Files.writeString(deployed, Files.readString(Path.of(SNAPSHOT)).replace("\"collectionErrors\": []",
                "\"collectionErrors\": [{\"source\": \"aws\", \"account\": \"123456789012\", \"region\": "
                        + "\"us-east-1\", \"operation\": \"kms:GetKeyRotationStatus\", \"resourceTypes\": "
                        + "[\"aws.kms.key\"], \"code\": \"AccessDenied\", \"message\": \"denied\", \"resource\": "
                        + "\"5e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b\", \"fields\": [\"rotationEnabled\"]}]"));
        String[] args = {"drift", "--template", TEMPLATE, "--template-region", "us-east-1", "--template-account",
                "123456789012", "--environment", "prod", "--snapshot", deployed.toString()};

        Cli r = Cli.run(args);

        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(3);
        assertThat(r.out()).contains("not assessed on a side").contains("kms-key-rotation-enabled")
                .contains("PASS -> NOT_ASSESSED");
        String[] allowed = java.util.Arrays.copyOf(args, args.length + 1);
        allowed[args.length] = "--allow-incomplete";
        assertThat(Cli.run(allowed).exit()).isZero();
    }

    @Test
    void badInputIsOneLineAndExitTwo() {
        assertBad(Cli.run("drift", "--snapshot", SNAPSHOT), "drift needs the plan: --template PATH");
        assertBad(Cli.run("drift", "--template", "no/such/template.yaml", "--snapshot", SNAPSHOT),
                "no/such/template.yaml");
        assertBad(Cli.run("drift", "--template", TEMPLATE), "drift needs the deployed side: --snapshot FILE, "
                + "--replay DIR, or the live AWS options");
        assertBad(Cli.run("drift", "--template", TEMPLATE, "--snapshot", SNAPSHOT, "--replay", "examples/demo/evidence"),
                "--snapshot and --replay are two deployed sides");
        assertBad(Cli.run("drift", "--template", TEMPLATE, "--snapshot", SNAPSHOT, "--profile", "prod"),
                "--profile cannot be used with --snapshot");
        assertBad(Cli.run("drift", "--template", TEMPLATE, "--replay", "examples/demo/evidence", "--regions",
                "us-east-1"), "--regions cannot be used with --replay");
        assertBad(Cli.run("drift", "--template", TEMPLATE, "--snapshot", SNAPSHOT, "--db",
                "jdbc:postgresql://localhost/x"), "--db cannot be used with drift");
    }

    @Test
    void theHelpDocumentsTheExitCodes() {
        Cli r = Cli.run("drift", "--help");

        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("--template").contains("--snapshot").contains("--replay").contains("--output")
                .contains("0   no drift").contains("1   drift found").contains("2   usage, input");
    }

    private static void assertBad(Cli r, String message) {
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(2);
        assertThat(r.err()).contains(message);
        assertThat(r.err().strip().lines()).hasSize(1);
    }
}
