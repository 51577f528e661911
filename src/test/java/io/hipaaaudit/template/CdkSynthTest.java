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
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The templates {@code cdk synth} wrote for the CDK app in src/test/cdk (scripts/synth-test-templates.sh): the
 * compliant stack passes every rule that applies, each trap stack fails its rule on the right logical id, and the
 * stack whose StorageEncrypted is an ImportValue is NOT_ASSESSED there.
 */
class CdkSynthTest {
    private static final Path CDK = Path.of("src/test/resources/templates/cdk");
    private static final RulePack PACK = RuleLoader.load(List.of());
    private static List<Finding> findings;

    @BeforeAll
    static void scan() {
        ScanResult r = Scanner.run(ScanRequest.builder(new Source.Template(List.of(CDK), Optional.empty(),
                Optional.empty(), Optional.empty()), PACK).environments(Environments.of("prod", "the test",
                Environments.DEFAULT_TAG, Map.of())).build());
        findings = r.findings().findings();
    }

    private static List<Finding> of(String stack) {
        return findings.stream().filter(f -> f.resource().account().equals(stack)).toList();
    }

    @Test
    void theCompliantStackPassesEveryRuleThatApplies() {
        assertThat(of("HealthApp")).filteredOn(f -> f.status() != Status.NOT_APPLICABLE)
                .filteredOn(f -> !f.ruleId().startsWith("lambda-") && !f.ruleId().equals("kms-key-enabled"))
                .hasSizeGreaterThan(20)
                .allSatisfy(f -> assertThat(f.status()).as(f.ruleId() + " " + f.resource().id() + ": " + f.message())
                        .isEqualTo(Status.PASS));
        // the hosted rotation (Transform AWS::SecretsManager-2024-09-16) adds a Lambda function at deploy, which may
        // be one of a key's users: the Lambda rules and whether a key is in use are judged after deploy
        assertThat(of("HealthApp")).filteredOn(f -> f.ruleId().startsWith("lambda-")
                        || f.ruleId().equals("kms-key-enabled")).isNotEmpty()
                .allSatisfy(f -> {
                    assertThat(f.status()).isEqualTo(Status.NOT_ASSESSED);
                    assertThat(f.evidence().toString()).contains("Transform AWS::SecretsManager-2024-09-16");
                });
        assertThat(of("HealthApp")).filteredOn(f -> f.status() == Status.PASS)
                .extracting(f -> f.ruleId() + " " + f.resource().id()).contains(
                        "s3-bucket-encrypted-with-cmk Uploads4F6EB0FD", "s3-bucket-tls-only Uploads4F6EB0FD",
                        "s3-bucket-not-public Uploads4F6EB0FD", "s3-bucket-temporary-objects-expire Uploads4F6EB0FD",
                        "logs-group-retention /aws/rds/instance/healthapp-db/postgresql",
                        "logs-group-encrypted-with-cmk /aws/rds/instance/healthapp-db/postgresql");
        assertThat(of("HealthApp")).extracting(Finding::ruleId).contains("rds-instance-sg-not-open-to-world",
                "rds-db-subnet-isolated", "rds-instance-encrypted-with-cmk", "rds-instance-force-ssl",
                "secretsmanager-db-secret-rotation", "vpc-private-endpoints-for-db-services",
                "vpc-default-security-group-closed", "rds-instance-subnet-acl-blocks-public");
    }

    @ParameterizedTest(name = "{0}: {1} fails on {2}")
    @CsvSource({
        "HealthApp-open-5432, rds-instance-sg-not-open-to-world, DatabaseB269D8BB",
        "HealthApp-egress-subnets, rds-db-subnet-isolated, VpcappSubnet1SubnetAE489B2F",
        "HealthApp-unencrypted, rds-instance-storage-encrypted, DatabaseB269D8BB",
        "HealthApp-backup-3, rds-instance-backup-retention, DatabaseB269D8BB",
        "HealthApp-force-ssl-0, rds-instance-force-ssl, DatabaseB269D8BB",
        "HealthApp-bucket-no-ssl, s3-bucket-tls-only, Uploads4F6EB0FD",
        "HealthApp-bucket-sse-s3, s3-bucket-encrypted-with-cmk, Uploads4F6EB0FD",
        "HealthApp-rotation-off, secretsmanager-db-secret-rotation, "
                + "HealthApprotationoffDatabaseSecret53CE61673fdaad7efa858a3daf9490cf0a702aeb",
    })
    void everyTrapFailsOnTheRightLogicalId(String stack, String rule, String logicalId) {
        assertThat(of(stack)).filteredOn(f -> f.status() == Status.FAIL)
                .extracting(f -> f.ruleId() + " " + f.resource().id()).contains(rule + " " + logicalId);
    }

    @Test
    void anImportedValueIsNotAssessedNeverPass() {
        Finding f = of("HealthApp-import-value").stream()
                .filter(x -> x.ruleId().equals("rds-instance-storage-encrypted")).findFirst().orElseThrow();
        assertThat(f.status()).isEqualTo(Status.NOT_ASSESSED);
        assertThat(f.message()).contains("DatabaseB269D8BB.Properties.StorageEncrypted: Fn::ImportValue "
                + "SharedEncryptionFlag");
        Finding bucket = of("HealthApp-import-value").stream()
                .filter(x -> x.ruleId().equals("s3-bucket-encrypted-with-cmk")).findFirst().orElseThrow();
        assertThat(bucket.status()).isEqualTo(Status.NOT_ASSESSED);
        assertThat(bucket.message()).contains("Uploads4F6EB0FD.Properties.BucketEncryption"
                + ".ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault.KMSMasterKeyID: Fn::ImportValue "
                + "SharedUploadsKeyArn");
        assertThat(of("HealthApp-import-value")).noneMatch(x -> x.status() == Status.FAIL);
    }

    @Test
    void aTrapBucketFailsOnlyItsOwnRuleAndPointsAtItsLine() {
        assertThat(of("HealthApp-bucket-no-ssl")).filteredOn(f -> f.status() == Status.FAIL)
                .extracting(Finding::ruleId).containsExactly("s3-bucket-tls-only");
        assertThat(of("HealthApp-bucket-sse-s3")).filteredOn(f -> f.status() == Status.FAIL)
                .singleElement().satisfies(f -> {
                    assertThat(f.ruleId()).isEqualTo("s3-bucket-encrypted-with-cmk");
                    assertThat(f.message()).contains("SSE-S3");
                    assertThat(f.evidence()).containsEntry("logicalId", "Uploads4F6EB0FD")
                            .containsEntry("cloudformationType", "AWS::S3::Bucket");
                });
    }

    @Test
    void typesATemplateCannotDeclareDoNotApplyBeforeDeploy() {
        // RDS snapshots, PostgreSQL catalogs and the account exist only once a stack runs: none is in scope
        assertThat(findings).filteredOn(f -> f.ruleId().startsWith("rds-snapshot-") || f.ruleId().startsWith("pg-")
                        || f.ruleId().equals("cloudtrail-multi-region-trail"))
                .extracting(Finding::ruleId).contains("rds-snapshot-encrypted", "pg-ssl-enabled",
                        "cloudtrail-multi-region-trail");
        assertThat(findings).filteredOn(f -> f.ruleId().startsWith("rds-snapshot-") || f.ruleId().startsWith("pg-")
                        || f.ruleId().equals("cloudtrail-multi-region-trail"))
                .allSatisfy(f -> assertThat(f.status()).as(f.ruleId() + ": " + f.message())
                        .isEqualTo(Status.NOT_APPLICABLE));
    }

    @Test
    void theStackEnvironmentOfTheManifestIsTheRegion() {
        assertThat(of("HealthApp")).allSatisfy(f -> assertThat(f.resource().region()).isEqualTo("us-east-1"));
    }
}
