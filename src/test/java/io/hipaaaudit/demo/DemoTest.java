package io.hipaaaudit.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hipaaaudit.json.Json;
import io.hipaaaudit.report.Reporters;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the demo as scripts/demo.sh does (embedded database, replayed AWS evidence, every format) and checks what it
 * shows: each documented drift fails on its resource with its message and attribution, the compliant resources
 * pass, every area has findings. If the demo environment or a rule drifts, this fails rather than the demo rotting.
 */
class DemoTest {
    static final String ENGINEER =
            "arn:aws:sts::111122223333:assumed-role/AWSReservedSSO_PlatformEngineer_5f2c8e1a9b3d7064/marcus.chen@healthapp.example";

    /** The value of the dev function's DB_PASSWORD in the recorded answers: it must never appear in an output. */
    static final String CANARY = "canary-demo-5c1e8b";

    @TempDir
    static Path dir;
    static int exit;
    static String console;
    static List<JsonNode> findings = new ArrayList<>();

    @BeforeAll
    static void runTheDemo() throws Exception {
        StringWriter text = new StringWriter();
        exit = Demo.run(dir.resolve("reports"), new PrintWriter(text, true));
        console = text.toString();
        Json.json().readTree(dir.resolve("reports/findings.json").toFile()).get("findings").forEach(findings::add);
        drift = Json.json().readTree(dir.resolve("reports/drift.json").toFile());
    }

    static JsonNode drift;

    static JsonNode finding(String rule, String resource) {
        return findings.stream().filter(f -> f.get("ruleId").asText().equals(rule)
                        && f.at("/resource/id").asText().endsWith(resource)).findFirst()
                .orElseThrow(() -> new AssertionError("no finding " + rule + " on " + resource + "\n" + console));
    }

    static void assertStatus(String rule, String resource, String status, String... messageParts) {
        JsonNode f = finding(rule, resource);
        assertThat(f.get("status").asText()).as(rule + " on " + resource + ": " + f.get("message")).isEqualTo(status);
        if (messageParts.length > 0) {
            assertThat(f.get("message").asText()).contains(messageParts);
        }
    }

    @Test
    void theGateWouldFailAndEveryFormatIsWritten() throws Exception {
        assertThat(exit).as(console).isEqualTo(1);
        assertThat(console).contains("Main report: ", "would have exited 1", "database is stopped");
        try (var files = Files.list(dir.resolve("reports"))) {
            assertThat(files.count()).isGreaterThanOrEqualTo(Reporters.formats().size());
        }
        assertThat(findings).noneMatch(f -> f.get("status").asText().equals("NOT_ASSESSED"));
    }

    @Test
    void beforeDeployTheTemplatesPassTheGateWithEveryFormatWritten() throws Exception {
        assertThat(console).contains("Before deploy: scanning the templates examples/demo/template",
                "template scan: exit 0");
        Path reports = dir.resolve("reports/template");
        JsonNode doc = Json.json().readTree(reports.resolve("findings.json").toFile());
        assertThat(doc.at("/scan/accounts")).extracting(JsonNode::asText)
                .containsExactly("healthapp-dev", "healthapp-prod");
        assertThat(doc.get("findings")).extracting(f -> f.get("status").asText())
                .doesNotContain("FAIL", "NOT_ASSESSED").contains("PASS");
        for (String file : List.of("findings.json", "index.html", "hipaa-audit.sarif", "junit.xml")) {
            assertThat(reports.resolve(file)).isRegularFile();
        }
    }

    @Test
    void afterDeployDriftShowsEveryChangeMadeByHandAgainstItsPlan() {
        assertThat(console).contains("After deploy: the account against its templates", "drift exited 1");
        assertThat(drift.at("/summary/verdictChanged").asInt()).isEqualTo(9);
        assertThat(drift.at("/summary/plannedOnly").asInt()).isZero();
        assertThat(drift.at("/summary/deployedOnly").asInt()).isZero();
        assertThat(drift.at("/summary/notAssessed").asInt()).isZero();
        List<String> lines = new ArrayList<>();
        drift.get("drift").forEach(d -> lines.add(d.get("stack").asText() + "/" + d.get("logicalId").asText() + " "
                + d.get("ruleId").asText() + " " + d.at("/planned/status").asText() + "->"
                + d.at("/deployed/status").asText()));
        assertThat(lines).containsExactly(
                "healthapp-dev/Database rds-instance-master-password-managed PASS->FAIL",        // drift 12
                "healthapp-dev/DatabaseKey kms-key-rotation-enabled PASS->FAIL",                  // drift 5
                "healthapp-dev/DatabaseParameters rds-parameter-group-no-phi-in-logs PASS->FAIL", // drift 10
                "healthapp-dev/MigrateFunction lambda-no-plaintext-secrets-in-env PASS->FAIL",    // drift 13
                "healthapp-prod/Database rds-instance-backup-retention PASS->FAIL",               // drift 4
                "healthapp-prod/Database rds-instance-ingress-restricted PASS->FAIL",             // drift 1
                "healthapp-prod/Database rds-instance-sg-not-open-to-world PASS->FAIL",           // drift 1
                "healthapp-prod/IsolatedSubnetB rds-db-subnet-isolated PASS->FAIL",               // drift 2
                "healthapp-prod/UploadsBucket s3-bucket-tls-only PASS->FAIL");                     // drift 14
        JsonNode open = drift.get("drift").get(6);
        assertThat(open.get("deployedId").asText()).isEqualTo("healthapp-prod");
        assertThat(open.get("pairedBy").asText()).isEqualTo("tags");
        assertThat(open.at("/deployed/message").asText()).contains("sg-0e1a000000000005d", "0.0.0.0/0");
        // untagged in the inventory: paired by the name the template gives them
        assertThat(drift.get("drift").get(1).get("pairedBy").asText()).isEqualTo("alias alias/healthapp-dev");
        assertThat(drift.get("drift").get(2).get("pairedBy").asText())
                .isEqualTo("DBParameterGroupName healthapp-pg17-dev");
        assertThat(console).contains("verdict-changed  healthapp-prod/Database -> healthapp-prod",
                "PASS -> FAIL", "drift found: 9 verdict-changed");
    }

    @Test
    void theDemoOutputsAreValidForTheirConsumersSchemas() throws Exception {
        Path reports = dir.resolve("reports");
        assertThat(io.hipaaaudit.report.ReportSchemas.sarifViolations(reports.resolve("hipaa-audit.sarif"))).isEmpty();
        assertThat(io.hipaaaudit.report.ReportSchemas.junitViolations(reports.resolve("junit.xml"))).isEmpty();
        JsonNode events = Json.json().readTree(reports.resolve("ocsf.json").toFile());
        assertThat(events.size()).isGreaterThan(50);
        for (JsonNode e : events) {
            assertThat(io.hipaaaudit.report.ReportSchemas.ocsfViolations(e)).as(e.at("/finding_info/uid").asText()).isEmpty();
        }
        assertThat(io.hipaaaudit.report.ReportSchemas.asffViolations(reports.resolve("asff"))).isEmpty();
        // the resources' tags reach OCSF consumers as labels
        assertThat(events.findValues("labels").stream().flatMap(l -> java.util.stream.StreamSupport.stream(l.spliterator(), false))
                .map(JsonNode::asText)).contains("Environment:prod");
    }

    @Test
    void drift1TheWorldOpenPortFailsWithWhoOpenedItAndWhen() {
        for (String rule : List.of("rds-instance-sg-not-open-to-world", "rds-instance-ingress-restricted")) {
            JsonNode f = finding(rule, "healthapp-prod");
            assertThat(f.get("status").asText()).isEqualTo("FAIL");
            assertThat(f.get("message").asText()).contains("sg-0e1a000000000005d", "0.0.0.0/0", "temporary");
            assertThat(f.at("/evidence/changes/0/by").asText()).isEqualTo(ENGINEER);
            assertThat(f.at("/evidence/changes/0/call").asText()).isEqualTo("AuthorizeSecurityGroupIngress");
            assertThat(f.at("/evidence/changes/0/when").asText()).isEqualTo("2026-11-21T16:42:07Z");
        }
        assertStatus("rds-instance-sg-not-open-to-world", "healthapp-dev", "PASS");
        assertStatus("rds-instance-ingress-restricted", "healthapp-dev", "PASS");
    }

    @Test
    void drift2TheDbSubnetWithoutItsAssociationIsPublicThroughTheMainTable() {
        assertStatus("rds-db-subnet-isolated", "subnet-0e1a000000000b03", "FAIL", "PUBLIC", "rtb-0e1a0000000000000",
                "main table", "igw-0e1a0000000000001");
        assertStatus("rds-db-subnet-isolated", "subnet-0e1a000000000a03", "PASS");
        assertStatus("rds-db-subnet-isolated", "subnet-0d2b000000000a03", "PASS");
        assertStatus("rds-db-subnet-isolated", "subnet-0d2b000000000b03", "PASS");
    }

    @Test
    void drift3TheManualSnapshotUnderTheAwsManagedKeyFails() {
        assertStatus("rds-snapshot-encrypted-with-cmk", "healthapp-prod-pre-migration-2026-11-14", "FAIL",
                "alias/aws/rds");
        assertStatus("rds-snapshot-encrypted", "healthapp-prod-pre-migration-2026-11-14", "PASS");
    }

    @Test
    void drift11TheSnapshotSharedWithAnUndeclaredAccountFailsAndIsNotPublic() {
        assertStatus("rds-snapshot-not-shared-outside-allowed-accounts", "healthapp-prod-pre-migration-2026-11-14",
                "FAIL", "can be restored by 210987654321, which is not this account", "not known to be in the organization");
        assertStatus("rds-snapshot-not-public", "healthapp-prod-pre-migration-2026-11-14", "PASS");
    }

    @Test
    void drift12DevsHandSetCredentialNeverRotatesWhileProdsIsManagedByRds() {
        assertStatus("secretsmanager-db-secret-rotation", "healthapp-dev/master-credentials", "FAIL", "rotation is off");
        assertStatus("rds-instance-master-password-managed", "healthapp-dev", "FAIL", "no MasterUserSecret");
        assertStatus("secretsmanager-db-secret-rotation", "rds!db-5b1f3c2e-8d4a-4e6f-9a7b-2c1d0e9f8a7b", "PASS");
        assertStatus("rds-instance-master-password-managed", "healthapp-prod", "PASS");
        assertStatus("logs-group-retention", "/aws/rds/instance/healthapp-prod/postgresql", "PASS");
        assertStatus("vpc-private-endpoints-for-db-services", "vpc-0e1a0000000000001", "PASS");
    }

    @Test
    void drift13DevsMigrationFunctionHoldsThePasswordInPlainTextButNeverShowsIt() throws Exception {
        assertStatus("lambda-no-plaintext-secrets-in-env", "healthapp-dev-migrate", "FAIL", "DB_PASSWORD");
        for (String fn : List.of("healthapp-prod-api", "healthapp-prod-consent-sync", "healthapp-dev-api")) {
            assertStatus("lambda-no-plaintext-secrets-in-env", fn, "PASS");
        }
        for (String fn : List.of("healthapp-prod-api", "healthapp-prod-consent-sync", "healthapp-dev-api",
                "healthapp-dev-migrate")) {
            assertStatus("lambda-function-in-private-subnets", fn, "PASS", "PRIVATE_EGRESS");
            assertStatus("lambda-env-encrypted-with-cmk", fn, "PASS");
        }
        // the value is a canary: it is in no report, in the recorded evidence neither, nor on the console
        assertThat(console).doesNotContain(CANARY);
        for (Path root : List.of(dir, Path.of("examples/demo/evidence"))) {
            try (var files = Files.walk(root)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    assertThat(Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1)).as(file.toString())
                            .doesNotContain(CANARY);
                }
            }
        }
    }

    @Test
    void drift14TheProdUploadsBucketDoesNotRefusePlainHttpWhileEverythingElseAboutBothBucketsPasses() {
        assertStatus("s3-bucket-tls-only", "healthapp-prod-uploads", "FAIL", "without a Deny for Principal *");
        assertStatus("s3-bucket-tls-only", "healthapp-dev-uploads", "PASS", "DenyInsecureTransport");
        for (String bucket : List.of("healthapp-prod-uploads", "healthapp-dev-uploads")) {
            assertStatus("s3-bucket-encrypted-with-cmk", bucket, "PASS", "customer-managed key");
            assertStatus("s3-bucket-not-public", bucket, "PASS");
            assertStatus("s3-bucket-temporary-objects-expire", bucket, "PASS", "after 7 day(s)");
        }
    }

    @Test
    void drift4ProdRetentionFailsAndDevsOneDayPasses() {
        assertStatus("rds-instance-backup-retention", "healthapp-prod", "FAIL", "3 day(s)", "prod minimum is 7");
        assertThat(finding("rds-instance-backup-retention", "healthapp-prod").at("/evidence/changes/0/call").asText())
                .isEqualTo("ModifyDBInstance");
        assertStatus("rds-instance-backup-retention", "healthapp-dev", "PASS", "1 day(s)", "dev");
    }

    @Test
    void drift5RotationIsOffOnTheDevKeyOnly() {
        assertStatus("kms-key-rotation-enabled", "3f8d1c27-9a4e-4b6d-8e2f-5c7a1b9d0e62", "FAIL", "alias/healthapp-dev");
        assertThat(finding("kms-key-rotation-enabled", "3f8d1c27-9a4e-4b6d-8e2f-5c7a1b9d0e62").at("/resource/region")
                .asText()).isEqualTo("us-west-2");
        assertStatus("kms-key-rotation-enabled", "7c2e9a41-5b3d-4e8f-a6c1-0d9e8f7a6b51", "PASS");
    }

    @Test
    void theDatabaseDriftsFailOnTheirObjects() {
        JsonNode excess = finding("pg-table-privileges-within-policy", "app.consent_records");
        assertThat(excess.get("status").asText()).isEqualTo("FAIL");
        assertThat(excess.toString()).contains("healthapp_analyst", "DELETE");
        assertStatus("pg-default-privileges-not-public", "reporting:table", "FAIL");
        assertStatus("pg-security-definer-search-path", "app.anonymize_user(uid bigint)", "FAIL");
        assertStatus("pg-security-definer-search-path", "app.active_user_count()", "PASS");
        JsonNode escalation = finding("pg-security-definer-no-phi-escalation", "app.anonymize_user(uid bigint)");
        assertThat(escalation.get("status").asText()).isEqualTo("FAIL");
        assertThat(escalation.get("message").asText()).contains("healthapp_app", "runs as healthapp_owner",
                "DELETE on app.users");
        assertStatus("pg-security-definer-no-phi-escalation", "app.active_user_count()", "PASS");
        // no pgaudit in the embedded server: reported, not passed
        assertThat(finding("pg-pgaudit-logging", "/healthapp").get("status").asText()).isIn("FAIL", "NOT_APPLICABLE");
        JsonNode ssl = finding("pg-ssl-enabled", "/healthapp");
        assertThat(ssl.get("status").asText()).isEqualTo("WAIVED");
        assertThat(ssl.at("/waiver/id").asText()).isEqualTo("RISK-2026-044");
    }

    @Test
    void drift10TheDevParameterGroupLogsEveryStatementWhileProdAuditsWithoutPhi() {
        String rule = "rds-parameter-group-no-phi-in-logs";
        assertStatus(rule, "healthapp-pg17-dev", "FAIL", "log_statement=all (the text of every statement)",
                "used by healthapp-dev", "healthapp-dev exports the postgresql log to CloudWatch Logs");
        JsonNode dev = finding(rule, "healthapp-pg17-dev");
        assertThat(dev.at("/evidence/changes/0/call").asText()).isEqualTo("ModifyDBParameterGroup");
        assertThat(dev.at("/evidence/changes/0/by").asText()).endsWith("/priya.natarajan@healthapp.example");
        // pgaudit logs write, ddl and role in both groups, without statement text (pgaudit.log_statement=0)
        assertStatus(rule, "healthapp-pg17-prod", "PASS", "used by healthapp-prod");
        assertStatus("pg-no-phi-in-logs", "/healthapp", "PASS", "log_min_error_statement=error");
    }

    @Test
    void theCompliantResourcesPass() {
        for (String db : List.of("healthapp-prod", "healthapp-dev")) {
            assertStatus("rds-instance-storage-encrypted", db, "PASS");
            assertStatus("rds-instance-encrypted-with-cmk", db, "PASS");
            assertStatus("rds-instance-force-ssl", db, "PASS");
            assertStatus("rds-instance-not-publicly-accessible", db, "PASS");
            assertStatus("rds-instance-port-not-internet-reachable", db, "PASS");
            assertStatus("rds-instance-postgresql-log-export", db, "PASS");
            assertStatus("rds-instance-recent-restore-point", db, "PASS");
        }
        assertStatus("rds-instance-multi-az", "healthapp-prod", "PASS");
        assertStatus("rds-instance-deletion-protection", "healthapp-prod", "PASS");
        assertStatus("cloudtrail-multi-region-trail", "111122223333", "PASS");
        assertStatus("vpc-flow-logs-for-database-vpcs", "vpc-0e1a0000000000001", "PASS");
        assertStatus("vpc-flow-logs-for-database-vpcs", "vpc-0d2b0000000000001", "PASS");
        assertStatus("vpc-default-security-group-closed", "sg-0e1a0000000000000", "PASS");
        assertStatus("pg-connection-logging", "/healthapp", "PASS");
        assertStatus("pg-password-encryption-scram", "/healthapp", "PASS");
        assertStatus("pg-app-role-not-superuser", "healthapp_app", "PASS");
        assertStatus("pg-phi-table-rls-enabled", "app.users", "PASS");
    }

    @Test
    void everyAreaHasFindingsThatWereEvaluated() {
        TreeSet<String> areas = new TreeSet<>();
        findings.stream().filter(f -> !f.get("status").asText().equals("NOT_APPLICABLE"))
                .forEach(f -> areas.add(f.get("area").asText()));
        assertThat(areas).contains("network", "encryption-at-rest", "kms", "backup", "audit-logging", "transit",
                "db-privileges", "db-authentication");
    }
}
