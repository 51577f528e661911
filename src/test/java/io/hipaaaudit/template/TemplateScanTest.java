package io.hipaaaudit.template;

import static org.assertj.core.api.Assertions.assertThat;

import io.hipaaaudit.engine.Environments;
import io.hipaaaudit.findings.Finding;
import io.hipaaaudit.findings.Status;
import io.hipaaaudit.rules.RuleLoader;
import io.hipaaaudit.rules.RulePack;
import io.hipaaaudit.scan.ScanRequest;
import io.hipaaaudit.scan.ScanResult;
import io.hipaaaudit.scan.Scanner;
import io.hipaaaudit.scan.Source;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The same rule pack on a three-tier stack's template before deploy: the compliant stack passes every rule that
 * applies, each trap (one property changed) fails the right rule on the right logical id, and a property the
 * template cannot settle is NOT_ASSESSED naming the property.
 */
class TemplateScanTest {
    static final Path COMPLIANT = Path.of("src/test/resources/templates/three-tier.yaml");
    private static final RulePack PACK = RuleLoader.load(List.of());
    private static final Environments PROD = Environments.of("prod", "the test", Environments.DEFAULT_TAG, Map.of());

    @TempDir
    Path dir;

    static ScanResult scan(Path template, Optional<Path> parameters) {
        return Scanner.run(ScanRequest.builder(new Source.Template(List.of(template), parameters,
                Optional.of("us-east-1"), Optional.of("123456789012")), PACK).environments(PROD).build());
    }

    @Test
    void theCompliantStackPassesEveryRuleThatApplies() {
        ScanResult r = scan(COMPLIANT, Optional.empty());

        assertThat(r.findings().findings()).filteredOn(f -> f.status() != Status.NOT_APPLICABLE)
                .isNotEmpty().allSatisfy(f -> assertThat(f.status()).as(f.ruleId() + " " + f.resource().id()
                        + ": " + f.message()).isEqualTo(Status.PASS));
        assertThat(r.findings().findings()).extracting(Finding::ruleId).contains("rds-instance-sg-not-open-to-world",
                "rds-db-subnet-isolated", "rds-instance-storage-encrypted", "rds-instance-encrypted-with-cmk",
                "rds-instance-backup-retention", "rds-instance-multi-az", "rds-instance-force-ssl",
                "secretsmanager-db-secret-rotation", "kms-key-rotation-enabled", "rds-instance-port-not-internet-reachable",
                "lambda-function-in-private-subnets", "lambda-env-encrypted-with-cmk", "lambda-no-plaintext-secrets-in-env",
                "logs-group-retention", "logs-group-encrypted-with-cmk");
        // the function reaches the database through its group, in the private-egress subnet
        assertThat(r.findings().findings()).filteredOn(f -> f.ruleId().equals("lambda-function-in-private-subnets"))
                .singleElement().satisfies(f -> {
                    assertThat(f.resource().id()).isEqualTo("ApiFunction");
                    assertThat(f.status()).isEqualTo(Status.PASS);
                });
    }

    static Stream<Arguments> traps() {
        return Stream.of(
                Arguments.of("world-open 5432", "SourceSecurityGroupId: !GetAtt AppSecurityGroup.GroupId",
                        "CidrIp: 0.0.0.0/0", "rds-instance-sg-not-open-to-world", "Database"),
                Arguments.of("database in the egress subnets",
                        "SubnetIds: [!Ref IsolatedSubnetA, !Ref IsolatedSubnetB]",
                        "SubnetIds: [!Ref PrivateSubnetA, !Ref IsolatedSubnetB]", "rds-db-subnet-isolated",
                        "PrivateSubnetA"),
                Arguments.of("unencrypted storage", "StorageEncrypted: true\n      KmsKeyId: !GetAtt DatabaseKey.Arn\n",
                        "StorageEncrypted: false\n", "rds-instance-storage-encrypted", "Database"),
                Arguments.of("storage encryption left to its default",
                        "      StorageEncrypted: true\n      KmsKeyId: !GetAtt DatabaseKey.Arn\n", "",
                        "rds-instance-storage-encrypted", "Database"),
                Arguments.of("rotation off", "  DatabaseSecretRotation:\n    Type: AWS::SecretsManager::RotationSchedule",
                        "  DatabaseSecretRotation:\n    Condition: Never\n    Type: AWS::SecretsManager::RotationSchedule",
                        "secretsmanager-db-secret-rotation", "DatabaseSecret"),
                Arguments.of("force_ssl 0", "rds.force_ssl: \"1\"", "rds.force_ssl: \"0\"", "rds-instance-force-ssl",
                        "Database"),
                Arguments.of("single-AZ in prod", "MultiAZ: !If [IsProd, true, false]", "MultiAZ: !If [IsProd, false, true]",
                        "rds-instance-multi-az", "Database"),
                Arguments.of("key rotation off", "EnableKeyRotation: true", "EnableKeyRotation: false",
                        "kms-key-rotation-enabled", "DatabaseKey"),
                Arguments.of("function in the public subnet", "SubnetIds: [!Ref PrivateSubnetA]",
                        "SubnetIds: [!Ref PublicSubnetA]", "lambda-function-in-private-subnets", "ApiFunction"),
                Arguments.of("password in the function's environment", "DB_SECRET_ARN: !Ref DatabaseSecret",
                        "DB_PASSWORD: tmpl-canary-4d9e", "lambda-no-plaintext-secrets-in-env", "ApiFunction"),
                Arguments.of("function environment under Lambda's own key", "KmsKeyArn: !GetAtt DatabaseKey.Arn\n      Environment",
                        "Environment", "lambda-env-encrypted-with-cmk", "ApiFunction"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("traps")
    void everyTrapFailsOnTheRightLogicalId(String trap, String from, String to, String rule, String logicalId)
            throws Exception {
        Path template = variant(from, to);

        ScanResult r = scan(template, Optional.empty());

        assertThat(r.failing()).extracting(f -> f.ruleId() + " " + f.resource().id()).contains(rule + " " + logicalId);
        Finding f = r.failing().stream().filter(x -> x.ruleId().equals(rule)).findFirst().orElseThrow();
        assertThat(f.evidence()).containsEntry("logicalId", logicalId).containsEntry("stack", "three-tier");
        assertThat(f.resource().account()).isEqualTo("three-tier");
    }

    @Test
    void aFunctionsVariableValueIsNeverKeptAndABareBucketTakesWhatS3DoesForANewBucket() throws Exception {
        Path template = variant("DB_SECRET_ARN: !Ref DatabaseSecret", "DB_PASSWORD: tmpl-canary-4d9e");
        Files.writeString(template, Files.readString(template) + """
                  Uploads:
                    Type: AWS::S3::Bucket
                """);

        ScanResult r = scan(template, Optional.empty());

        assertThat(io.hipaaaudit.inventory.InventoryJson.write(r.inventory())).contains("DB_PASSWORD")
                .doesNotContain("tmpl-canary-4d9e");
        assertThat(r.findings().toJson()).doesNotContain("tmpl-canary-4d9e");
        // SSE-S3 and Block Public Access on are S3's defaults for a new bucket; no policy refuses plain HTTP
        assertThat(r.findings().findings()).filteredOn(f -> f.ruleId().startsWith("s3-bucket-"))
                .extracting(f -> f.ruleId() + " " + f.status()).containsExactlyInAnyOrder(
                        "s3-bucket-encrypted-with-cmk FAIL", "s3-bucket-not-public PASS", "s3-bucket-tls-only FAIL",
                        "s3-bucket-temporary-objects-expire NOT_APPLICABLE");
    }

    @Test
    void backupRetentionThreeInProdFromAParametersFileFails() throws Exception {
        Path params = dir.resolve("params.json");
        Files.writeString(params, "[{\"ParameterKey\": \"BackupDays\", \"ParameterValue\": \"3\"}]");

        ScanResult r = scan(COMPLIANT, Optional.of(params));

        assertThat(r.failing()).extracting(f -> f.ruleId() + " " + f.resource().id())
                .containsExactly("rds-instance-backup-retention Database");
        assertThat(r.failing().get(0).message()).contains("3");
    }

    @Test
    void aPlainParameterMapSettlesConditionsAndTheEnvironmentTag() throws Exception {
        Path params = dir.resolve("params.yaml");
        Files.writeString(params, "Environment: dev\nBackupDays: 1\n");

        ScanResult r = scan(COMPLIANT, Optional.of(params));

        // Environment=dev makes IsProd false (MultiAZ false) and tags the database environment=dev, so the dev
        // parameters judge it: one day of backups and no standby are enough there
        Finding multiAz = r.findings().findings().stream().filter(x -> x.ruleId().equals("rds-instance-multi-az"))
                .findFirst().orElseThrow();
        assertThat(multiAz.status()).isNotEqualTo(Status.FAIL);
        assertThat(multiAz.evidence().toString()).contains("dev");
        assertThat(r.failing()).isEmpty();
    }

    @Test
    void anImportedValueIsNotAssessedNamingTheProperty() throws Exception {
        Path template = variant("StorageEncrypted: true", "StorageEncrypted: !ImportValue SharedEncryptionFlag");

        ScanResult r = scan(template, Optional.empty());

        Finding f = r.findings().findings().stream().filter(x -> x.ruleId().equals("rds-instance-storage-encrypted"))
                .findFirst().orElseThrow();
        assertThat(f.status()).isEqualTo(Status.NOT_ASSESSED);
        assertThat(f.message()).contains("DBInstance Database.Properties.StorageEncrypted: Fn::ImportValue "
                + "SharedEncryptionFlag");
        assertThat(r.failing()).isEmpty();
    }

    @Test
    void aParameterWithoutValueOrDefaultIsUnknownNeverAPass() throws Exception {
        Path template = variant("  BackupDays:\n    Type: Number\n    Default: 7\n", "  BackupDays:\n    Type: Number\n");

        ScanResult r = scan(template, Optional.empty());

        Finding f = r.findings().findings().stream().filter(x -> x.ruleId().equals("rds-instance-backup-retention"))
                .findFirst().orElseThrow();
        assertThat(f.status()).isEqualTo(Status.NOT_ASSESSED);
        assertThat(f.message()).contains("Database.Properties.BackupRetentionPeriod: Ref BackupDays");
    }

    @Test
    void theRestorePointOfADatabaseNotYetDeployedIsNotApplicable() {
        ScanResult r = scan(COMPLIANT, Optional.empty());

        Finding f = r.findings().findings().stream().filter(x -> x.ruleId().equals("rds-instance-recent-restore-point"))
                .findFirst().orElseThrow();
        assertThat(f.status()).isEqualTo(Status.NOT_APPLICABLE);
    }

    @Test
    void findingsNameTheTemplateAndTheLineOfTheLogicalId() throws Exception {
        ScanResult r = scan(COMPLIANT, Optional.empty());

        Finding f = r.findings().findings().stream().filter(x -> x.ruleId().equals("rds-instance-storage-encrypted"))
                .findFirst().orElseThrow();
        List<String> lines = Files.readAllLines(COMPLIANT);
        int line = ((Number) f.evidence().get("templateLine")).intValue();
        assertThat(lines.get(line - 1)).isEqualTo("  Database:");
        assertThat(f.evidence()).containsEntry("template", "src/test/resources/templates/three-tier.yaml")
                .containsEntry("cloudformationType", "AWS::RDS::DBInstance");
    }

    private Path variant(String from, String to) throws Exception {
        String text = Files.readString(COMPLIANT);
        assertThat(text).contains(from);
        String changed = text.replace(from, to);
        if (to.contains("Condition: Never")) {
            changed = changed.replace("Conditions:\n", "Conditions:\n  Never: !Equals [a, b]\n");
        }
        Path file = dir.resolve("three-tier.yaml");
        Files.writeString(file, changed);
        return file;
    }
}
