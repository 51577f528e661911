package io.hipaaaudit.template;

import static org.assertj.core.api.Assertions.assertThat;

import io.hipaaaudit.engine.Environments;
import io.hipaaaudit.findings.Finding;
import io.hipaaaudit.findings.Status;
import io.hipaaaudit.inventory.InventoryJson;
import io.hipaaaudit.inventory.aws.Bucket;
import io.hipaaaudit.inventory.aws.LambdaFunction;
import io.hipaaaudit.rules.RuleLoader;
import io.hipaaaudit.rules.RulePack;
import io.hipaaaudit.scan.ScanRequest;
import io.hipaaaudit.scan.ScanResult;
import io.hipaaaudit.scan.Scanner;
import io.hipaaaudit.scan.Source;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * S3 buckets and their policies, log groups, SAM functions and transforms from hand-written templates: what S3
 * does for a new bucket, the same policy analysis as the live scan, the account-level block left unknown, the
 * property path of an unresolved value, SAM's Globals, and a transform whose output is unknown.
 */
class TemplateServicesTest {
    private static final RulePack PACK = RuleLoader.load(List.of());
    private static final Environments PROD = Environments.of("prod", "the test", Environments.DEFAULT_TAG, Map.of());
    private static final String HEAD = "AWSTemplateFormatVersion: \"2010-09-09\"\nResources:\n";

    @TempDir
    Path dir;

    private Path template(String name, String body) throws Exception {
        Path p = dir.resolve(name + ".yaml");
        Files.writeString(p, body.startsWith("AWSTemplateFormatVersion") || body.startsWith("Transform") ? body
                : HEAD + body);
        return p;
    }

    private static ScanResult scan(Path template) {
        return Scanner.run(ScanRequest.builder(new Source.Template(List.of(template), Optional.empty(),
                Optional.of("us-east-1"), Optional.of("123456789012")), PACK).environments(PROD).build());
    }

    private static Finding finding(ScanResult r, String rule, String id) {
        return r.findings().findings().stream().filter(f -> f.ruleId().equals(rule) && f.resource().id().equals(id))
                .findFirst().orElseThrow(() -> new AssertionError(rule + " " + id + " in " + r.findings().findings()));
    }

    private static TemplateSource.Loaded load(Path template) {
        return TemplateSource.load(List.of(template), Optional.empty(), Optional.of("us-east-1"), Optional.empty(),
                Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Test
    void aBucketPolicyIsReadByTheSamePolicyAnalysisAsALiveScan() throws Exception {
        Path t = template("open", """
                  Docs:
                    Type: AWS::S3::Bucket
                    Properties:
                      BucketName: health-docs
                      BucketEncryption:
                        ServerSideEncryptionConfiguration:
                          - ServerSideEncryptionByDefault: {SSEAlgorithm: aws:kms, KMSMasterKeyID: !Ref DocsKey}
                  DocsKey:
                    Type: AWS::KMS::Key
                    Properties: {EnableKeyRotation: true}
                  DocsPolicy:
                    Type: AWS::S3::BucketPolicy
                    Properties:
                      Bucket: !Ref Docs
                      PolicyDocument:
                        Version: "2012-10-17"
                        Statement:
                          - Sid: PublicRead
                            Effect: Allow
                            Principal: "*"
                            Action: s3:GetObject
                            Resource: !Sub "arn:${AWS::Partition}:s3:::${Docs}/*"
                          - Sid: TlsOnly
                            Effect: Deny
                            Principal: "*"
                            Action: "s3:*"
                            Resource: [!GetAtt Docs.Arn, !Sub "${Docs.Arn}/*"]
                            Condition: {Bool: {"aws:SecureTransport": "false"}}
                """);

        ScanResult r = scan(t);

        Bucket b = r.inventory().buckets().get(0);
        assertThat(b.id()).isEqualTo("Docs");
        assertThat(b.arn()).isEqualTo("arn:aws:s3:::health-docs");
        assertThat(b.kmsMasterKeyId()).contains("DocsKey");
        assertThat(b.publicAccessBlock()).contains(new Bucket.PublicAccessBlock(true, true, true, true));
        assertThat(b.accountPublicAccessBlock()).isEmpty();
        assertThat(finding(r, "s3-bucket-tls-only", "Docs").status()).isEqualTo(Status.PASS);
        assertThat(finding(r, "s3-bucket-encrypted-with-cmk", "Docs").status()).isEqualTo(Status.PASS);
        Finding open = finding(r, "s3-bucket-not-public", "Docs");
        assertThat(open.status()).isEqualTo(Status.FAIL);
        assertThat(open.message()).contains("PublicRead");
        assertThat(open.evidence()).containsEntry("logicalId", "Docs");
    }

    @Test
    void withoutItsOwnFullBlockABucketIsNotAssessedOnTheAccountsBlockNeverPassed() throws Exception {
        Path t = template("partial", """
                  Docs:
                    Type: AWS::S3::Bucket
                    Properties:
                      PublicAccessBlockConfiguration: {BlockPublicAcls: true, IgnorePublicAcls: true}
                """);

        Finding f = finding(scan(t), "s3-bucket-not-public", "Docs");

        assertThat(f.status()).isEqualTo(Status.NOT_ASSESSED);
        assertThat(f.message()).contains("publicAccessBlocked is unknown", "s3control:GetPublicAccessBlock",
                S3Mapping.ACCOUNT_LEVEL, "Docs");
    }

    @Test
    void anUnresolvedPropertyIsNotAssessedNamingItsPath() throws Exception {
        Path t = template("unresolved", """
                AWSTemplateFormatVersion: "2010-09-09"
                Parameters:
                  Retention:
                    Type: Number
                Resources:
                  Docs:
                    Type: AWS::S3::Bucket
                    Properties:
                      Tags: [{Key: Purpose, Value: temporary}]
                      LifecycleConfiguration:
                        Rules:
                          - Status: Enabled
                            ExpirationInDays: !Ref Retention
                      PublicAccessBlockConfiguration: !ImportValue SharedBlock
                  DocsPolicy:
                    Type: AWS::S3::BucketPolicy
                    Properties:
                      Bucket: !Ref Docs
                      PolicyDocument: !ImportValue SharedPolicy
                """);

        ScanResult r = scan(t);

        assertThat(finding(r, "s3-bucket-temporary-objects-expire", "Docs").message())
                .contains("Bucket Docs.Properties.LifecycleConfiguration.Rules[0].ExpirationInDays: Ref Retention");
        assertThat(finding(r, "s3-bucket-temporary-objects-expire", "Docs").status()).isEqualTo(Status.NOT_ASSESSED);
        assertThat(finding(r, "s3-bucket-tls-only", "Docs").status()).isEqualTo(Status.NOT_ASSESSED);
        assertThat(finding(r, "s3-bucket-tls-only", "Docs").message())
                .contains("BucketPolicy DocsPolicy.Properties.PolicyDocument: Fn::ImportValue SharedPolicy");
        assertThat(finding(r, "s3-bucket-not-public", "Docs").status()).isEqualTo(Status.NOT_ASSESSED);
    }

    @Test
    void aDatabaseLogGroupIsKnownByItsName() throws Exception {
        Path t = template("logs", """
                  DbLog:
                    Type: AWS::Logs::LogGroup
                    Properties:
                      LogGroupName: /aws/rds/instance/health-db/postgresql
                      RetentionInDays: 30
                  AppLog:
                    Type: AWS::Logs::LogGroup
                """);

        ScanResult r = scan(t);

        Finding retention = finding(r, "logs-group-retention", "/aws/rds/instance/health-db/postgresql");
        assertThat(retention.status()).isEqualTo(Status.FAIL);
        assertThat(retention.evidence()).containsEntry("logicalId", "DbLog");
        assertThat(finding(r, "logs-group-encrypted-with-cmk", "/aws/rds/instance/health-db/postgresql").message())
                .contains("the key CloudWatch Logs owns");
        assertThat(finding(r, "logs-group-retention", "AppLog").status()).isEqualTo(Status.NOT_APPLICABLE);
    }

    @Test
    void aDatabaseExportingToAnUndeclaredGroupGetsTheGroupRdsCreates() throws Exception {
        Path t = template("exports", """
                  Named:
                    Type: AWS::RDS::DBInstance
                    Properties:
                      DBInstanceIdentifier: Health-DB
                      Engine: postgres
                      EngineVersion: "16.4"
                      EnableCloudwatchLogsExports: [postgresql]
                  Generated:
                    Type: AWS::RDS::DBInstance
                    Properties:
                      Engine: postgres
                      EngineVersion: "16.4"
                      EnableCloudwatchLogsExports: [postgresql]
                """);

        ScanResult r = scan(t);

        // RDS creates it with no retention policy and no key of its own
        assertThat(finding(r, "logs-group-retention", "/aws/rds/instance/health-db/postgresql").status())
                .isEqualTo(Status.PASS);
        assertThat(finding(r, "logs-group-encrypted-with-cmk", "/aws/rds/instance/health-db/postgresql").status())
                .isEqualTo(Status.FAIL);
        Finding generated = finding(r, "logs-group-encrypted-with-cmk", "/aws/rds/instance/Generated/postgresql");
        assertThat(generated.status()).isEqualTo(Status.NOT_ASSESSED);
        assertThat(generated.message()).contains("DBInstance Generated.Properties.DBInstanceIdentifier: absent");
    }

    @Test
    void aSamFunctionTakesItsGlobalsAndKeepsVariableNamesOnly() throws Exception {
        Path sam = Path.of("src/test/resources/templates/sam.yaml");

        ScanResult r = scan(sam);

        LambdaFunction fn = r.inventory().lambdaFunctions().get(0);
        assertThat(fn.id()).isEqualTo("ApiFunction");
        assertThat(fn.runtime()).contains("python3.12");
        assertThat(fn.subnetIds()).containsExactly("PrivateSubnet");
        assertThat(fn.securityGroupIds()).contains(List.of("AppSecurityGroup"));
        assertThat(fn.kmsKeyArn()).contains("arn:aws:kms:us-east-1:sam:key/FunctionKey");
        assertThat(fn.environmentVariableNames()).containsExactly("DB_HOST", "DB_PASSWORD", "LOG_LEVEL");
        assertThat(fn.tags()).containsEntry("environment", "prod");
        assertThat(InventoryJson.write(r.inventory())).doesNotContain("sam-canary-71c2");
        assertThat(r.findings().toJson()).doesNotContain("sam-canary-71c2");
        Finding secrets = finding(r, "lambda-no-plaintext-secrets-in-env", "ApiFunction");
        assertThat(secrets.status()).isEqualTo(Status.FAIL);
        assertThat(secrets.message()).contains("DB_PASSWORD");
        assertThat(finding(r, "lambda-env-encrypted-with-cmk", "ApiFunction").status()).isEqualTo(Status.PASS);
        // an AWS::Serverless::Api creates nothing the rules judge
        assertThat(r.inventory().collectionErrors()).isEmpty();
    }

    @Test
    void aSamApplicationOrAnotherTransformLeavesEveryMappedTypeUnknown() throws Exception {
        Path app = template("app", """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Shared:
                    Type: AWS::Serverless::Application
                    Properties:
                      Location: {ApplicationId: arn:aws:serverlessrepo:us-east-1:123456789012:applications/x, SemanticVersion: 1.0.0}
                """);
        Path macro = template("macro", """
                Transform: [AWS::LanguageExtensions]
                Resources:
                  Docs:
                    Type: AWS::S3::Bucket
                """);

        for (Path t : List.of(app, macro)) {
            ScanResult r = scan(t);
            assertThat(r.findings().findings()).filteredOn(f -> f.ruleId().startsWith("rds-instance-")
                    || f.ruleId().startsWith("s3-bucket-") || f.ruleId().startsWith("logs-group-"))
                    .isNotEmpty().allSatisfy(f -> {
                        assertThat(f.status()).as(f.ruleId() + " " + f.resource().id()).isEqualTo(Status.NOT_ASSESSED);
                        assertThat(f.message()).contains("NotMapped");
                    });
        }
        assertThat(load(app).inventory().collectionErrors()).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("AWS::Serverless::Application Shared"));
        assertThat(load(macro).inventory().collectionErrors()).filteredOn(e -> e.code().equals("NotMapped"))
                .singleElement()
                .satisfies(e -> assertThat(e.message()).contains("Transform AWS::LanguageExtensions"));
    }
}
