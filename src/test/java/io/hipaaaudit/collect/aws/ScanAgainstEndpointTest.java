package io.hipaaaudit.collect.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hipaaaudit.cli.HipaaAudit;
import io.hipaaaudit.json.Json;
import io.hipaaaudit.rules.Rule;
import io.hipaaaudit.rules.RuleLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole command against a local wire-format endpoint: real SDK clients, default credential chain, the
 * rule pack, findings.json with the API calls made.
 */
class ScanAgainstEndpointTest {
    @TempDir
    Path out;
    AwsWire wire;

    @BeforeEach
    void start() {
        wire = new AwsWire().region("us-east-1").region("eu-west-1");
        System.setProperty("aws.accessKeyId", "AKIDEXAMPLEKEY00000");
        System.setProperty("aws.secretAccessKey", "secret-never-printed-0000000000000000000");
    }

    @AfterEach
    void stop() {
        wire.close();
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    @Test
    void everyRuleOfThePackGetsAFindingAndTheCallsAreRecorded() throws IOException {
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        int exit = HipaaAudit.run(new PrintWriter(stdout, true), new PrintWriter(stderr, true), "scan",
                "--endpoint-url", wire.endpoint().toString(), "--regions", "us-east-1,eu-west-1",
                "--environment", "prod", "--output-dir", out.toString(), "--verbose",
                "--save-inventory", out.resolve("inventory.json").toString());
        assertThat(exit).as(stdout + "\n" + stderr).isIn(0, 1);
        JsonNode doc = Json.json().readTree(out.resolve("findings.json").toFile());
        Set<String> rulesWithFindings = new HashSet<>();
        doc.get("findings").forEach(f -> rulesWithFindings.add(f.get("ruleId").asText()));
        List<String> pack = RuleLoader.load(List.of()).rules().stream().map(Rule::id).toList();
        assertThat(rulesWithFindings).containsAll(pack);
        assertThat(doc.get("scan").get("accounts").get(0).asText()).isEqualTo("111122223333");
        assertThat(doc.get("scan").get("apiCalls").get("ec2:DescribeSecurityGroups").asLong()).isEqualTo(2);
        assertThat(doc.get("scan").get("apiCalls").get("sts:GetCallerIdentity").asLong()).isEqualTo(1);
        assertThat(stderr.toString()).contains("AWS API calls").contains("rds:DescribeDBInstances");
        assertThat(out.resolve("inventory.json")).exists();
        int again = HipaaAudit.run(new PrintWriter(new StringWriter(), true), new PrintWriter(new StringWriter(), true),
                "scan", "--snapshot", out.resolve("inventory.json").toString(), "--environment", "prod",
                "--output-dir", out.resolve("again").toString());
        assertThat(again).isEqualTo(exit);
        JsonNode replayed = Json.json().readTree(out.resolve("again/findings.json").toFile());
        assertThat(replayed.get("findings")).as("the saved inventory evaluates to the same findings")
                .isEqualTo(doc.get("findings"));
        String everything = stdout + stderr.toString() + java.nio.file.Files.readString(out.resolve("findings.json"))
                + java.nio.file.Files.readString(out.resolve("inventory.json"));
        assertThat(everything).doesNotContain("secret-never-printed").doesNotContain("AKIDEXAMPLEKEY00000");
    }

    @Test
    void noCredentialsAtAllIsOneLineAndExitTwo() {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
        StringWriter stderr = new StringWriter();
        int exit = HipaaAudit.run(new PrintWriter(new StringWriter(), true), new PrintWriter(stderr, true), "scan",
                "--endpoint-url", wire.endpoint().toString(), "--regions", "us-east-1", "--profile",
                "no-such-profile-hipaa-audit-test", "--output-dir", out.toString());
        assertThat(exit).isEqualTo(2);
        assertThat(stderr.toString().strip().lines()).hasSize(1);
        assertThat(stderr.toString()).startsWith("hipaa-audit: ").doesNotContain("\tat ");
    }
}
