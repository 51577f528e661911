package io.hipaaaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hipaaaudit.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code scan --template}: the same gate and reports before deploy as after it. */
class TemplateCliTest {
    private static final String COMPLIANT = "src/test/resources/templates/three-tier.yaml";

    @TempDir
    Path dir;

    @Test
    void theCompliantTemplatePassesTheGate() {
        Cli r = Cli.run("scan", "--template", COMPLIANT, "--template-region", "us-east-1", "--template-account",
                "123456789012", "--environment", "prod", "--output-dir", dir.toString(), "--format", "json");

        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("accounts=three-tier");
    }

    @Test
    void withoutTheAccountAKeyPolicyNamingItIsIncompleteNeverAPass() {
        Cli r = Cli.run("scan", "--template", COMPLIANT, "--template-region", "us-east-1", "--environment", "prod",
                "--output-dir", dir.toString(), "--format", "json");

        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(3);
        assertThat(r.out()).contains("kms-key-policy-not-public")
                .contains("Key DatabaseKey.Properties.KeyPolicy: Fn::Sub ${AWS::AccountId}: Ref AWS::AccountId "
                        + "(give --template-account)");
    }

    @Test
    void aWorldOpenDatabasePortFailsTheGateAndSarifPointsAtTheTemplateLine() throws Exception {
        Path template = Path.of(COMPLIANT);
        String text = Files.readString(template).replace("SourceSecurityGroupId: !GetAtt AppSecurityGroup.GroupId",
                "CidrIp: 0.0.0.0/0");
        Path trap = Path.of("target", "template-cli-test", "open-5432.yaml");
        Files.createDirectories(trap.getParent());
        Files.writeString(trap, text);

        Cli r = Cli.run("scan", "--template", trap.toString(), "--template-region", "us-east-1", "--environment",
                "prod", "--output-dir", dir.toString(), "--format", "json,sarif,junit");

        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(1);
        JsonNode sarif = Json.json().readTree(dir.resolve("hipaa-audit.sarif").toFile());
        JsonNode result = null;
        for (JsonNode res : sarif.path("runs").get(0).path("results")) {
            if (res.path("ruleId").asText().equals("rds-instance-sg-not-open-to-world")) {
                result = res;
            }
        }
        assertThat(result).isNotNull();
        JsonNode physical = result.path("locations").get(0).path("physicalLocation");
        assertThat(physical.path("artifactLocation").path("uri").asText())
                .isEqualTo("target/template-cli-test/open-5432.yaml");
        int line = physical.path("region").path("startLine").asInt();
        assertThat(Files.readAllLines(trap).get(line - 1)).isEqualTo("  Database:");
        assertThat(result.path("locations").get(0).path("logicalLocations").get(0).path("name").asText())
                .isEqualTo("Database");
        assertThat(dir.resolve("junit.xml")).exists();
    }

    @Test
    void aBrokenTemplateIsOneLineNamingFileAndLineWithExitTwo() throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties: !NotATag x\n");

        Cli r = Cli.run("scan", "--template", bad.toString(), "--output-dir", dir.toString());

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip()).contains(bad + ":4: unknown tag !NotATag").doesNotContain("\n");
    }

    @Test
    void liveOptionsCannotBeCombinedWithATemplate() {
        Cli r = Cli.run("scan", "--template", COMPLIANT, "--regions", "us-east-1", "--output-dir", dir.toString());

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--regions cannot be used with --template");
    }
}
