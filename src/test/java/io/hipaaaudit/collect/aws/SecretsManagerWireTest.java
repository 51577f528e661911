package io.hipaaaudit.collect.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.hipaaaudit.engine.Environments;
import io.hipaaaudit.findings.Status;
import io.hipaaaudit.inventory.CollectionError;
import io.hipaaaudit.inventory.Inventory;
import io.hipaaaudit.inventory.ResourceTypes;
import io.hipaaaudit.inventory.aws.DbCluster;
import io.hipaaaudit.inventory.aws.DbInstance;
import io.hipaaaudit.inventory.aws.Secret;
import io.hipaaaudit.rules.RuleLoader;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Secrets Manager and the RDS master user secret through the real SDK clients against the wire formats: a full
 * answer, an answer lacking fields, a failed per-secret call, a denied listing, paging, and never a call that
 * reads a secret's value.
 */
@Timeout(60)
class SecretsManagerWireTest {
    static final String APP_DB_SECRET = "arn:aws:secretsmanager:us-east-1:111122223333:secret:app-db-credentials-Ab12Cd";
    static final String CLUSTER_SECRET =
            "arn:aws:secretsmanager:us-east-1:111122223333:secret:rds!cluster-7d3c2a1b-0e9f-4a8b-9c7d-6e5f4a3b2c1d-Xy98Zw";
    static final String PARTNER_SECRET = "arn:aws:secretsmanager:us-east-1:111122223333:secret:partner-api-key-Qr56St";

    private final AwsWire wire = new AwsWire().region("us-east-1");

    @AfterEach
    void stop() {
        wire.close();
    }

    private AwsCollection scan() {
        return new AwsCollector().collect(wire.options("us-east-1"));
    }

    private static Secret secret(Inventory inv, String arn) {
        return inv.secrets().stream().filter(s -> s.arn().equals(arn)).findFirst().orElseThrow();
    }

    /** Replaces an answer; the page-2 fixture (priority 1) still answers the second page of ListSecrets. */
    private void serve(String action, String bodyContains, String body) {
        wire.server.stubFor(wire.request("us-east-1", "secretsmanager", action).atPriority(bodyContains.equals("Planned") ? 3 : 0)
                .withRequestBody(containing(bodyContains)).willReturn(AwsWire.ok("secretsmanager", body)));
    }

    @Test
    void aFullAnswerGivesEveryDocumentedFieldAndTheAbsencesTheApiDefines() {
        AwsCollection result = scan();
        Inventory inv = result.inventory();

        assertThat(inv.collectionErrors()).isEmpty();
        assertThat(inv.secrets()).extracting(Secret::id)
                .containsExactlyInAnyOrder("app-db-credentials", "rds!cluster-7d3c2a1b-0e9f-4a8b-9c7d-6e5f4a3b2c1d",
                        "partner-api-key");
        Secret app = secret(inv, APP_DB_SECRET);
        assertThat(app.kmsKeyId()).contains(AwsCollectorTest.CMK);
        assertThat(app.rotationEnabled()).contains(true);
        assertThat(app.rotationLambdaArn()).contains("arn:aws:lambda:us-east-1:111122223333:function:app-db-rotation");
        assertThat(app.rotationAfterDays()).contains(30L);
        assertThat(app.lastRotatedDate()).contains(Instant.ofEpochSecond(1_751_529_600L));
        assertThat(app.createdDate()).contains(Instant.ofEpochSecond(1_705_348_800L));
        assertThat(app.deletedDate()).isEmpty();
        assertThat(app.owningService()).isEmpty();
        assertThat(app.policy()).isEmpty(); // GetResourcePolicy answered without one: none attached
        assertThat(app.tags()).containsEntry("database", "app-db");

        Secret managed = secret(inv, CLUSTER_SECRET);
        assertThat(managed.owningService()).contains("rds");
        assertThat(managed.kmsKeyId()).isEmpty(); // the AWS managed key aws/secretsmanager
        assertThat(managed.rotationSchedule()).contains("rate(7 days)");

        // ListSecrets said nothing about rotation: DescribeSecret's null means never configured
        Secret partner = secret(inv, PARTNER_SECRET);
        assertThat(partner.rotationEnabled()).contains(false);
        assertThat(partner.lastRotatedDate()).isEmpty();
        assertThat(partner.policy()).hasValueSatisfying(p -> assertThat(p).contains("AnyoneOverTls"));
        assertThat(result.apiCalls()).containsEntry("secretsmanager:ListSecrets", 2L)
                .containsEntry("secretsmanager:DescribeSecret", 1L)
                .containsEntry("secretsmanager:GetResourcePolicy", 3L);

        DbCluster aurora = inv.dbClusters().get(0);
        assertThat(aurora.manageMasterUserPassword()).contains(true);
        assertThat(aurora.masterUserSecretArn()).contains(CLUSTER_SECRET);
        assertThat(aurora.masterUserSecretStatus()).contains("active");
        DbInstance appDb = inv.dbInstances().stream().filter(d -> d.id().equals("app-db")).findFirst().orElseThrow();
        assertThat(appDb.manageMasterUserPassword()).contains(false);
        assertThat(appDb.masterUserSecretArn()).isEmpty();

        assertThat(WireFindings.status(inv, "secretsmanager-secret-encrypted-with-cmk", "app-db-credentials"))
                .isEqualTo(Status.PASS);
        assertThat(WireFindings.status(inv, "secretsmanager-secret-encrypted-with-cmk", "partner-api-key"))
                .isEqualTo(Status.FAIL);
        assertThat(WireFindings.status(inv, "secretsmanager-secret-policy-not-public", "app-db-credentials"))
                .isEqualTo(Status.PASS);
        assertThat(WireFindings.status(inv, "secretsmanager-secret-policy-not-public", "partner-api-key"))
                .isEqualTo(Status.FAIL);
        // linked to app-db by its tag; last rotated in July 2025, long past 90 days
        assertThat(WireFindings.status(inv, "secretsmanager-db-secret-rotation", "app-db-credentials"))
                .isEqualTo(Status.FAIL);
        assertThat(WireFindings.status(inv, "secretsmanager-db-secret-rotation", "partner-api-key"))
                .isEqualTo(Status.NOT_APPLICABLE);
        assertThat(WireFindings.status(inv, "rds-cluster-master-password-managed", "app-aurora")).isEqualTo(Status.PASS);
        assertThat(WireFindings.status(inv, "rds-instance-master-password-managed", "app-db")).isEqualTo(Status.FAIL);
    }

    @Test
    void aCredentialRotatedYesterdayPassesForItsSecretAndItsDatabase() {
        long yesterday = Instant.now().minusSeconds(86_400).getEpochSecond();
        serve("ListSecrets", "Planned", WireFindings.fixture("secretsmanager", "ListSecrets.json")
                .replace("\"LastRotatedDate\":1751529600", "\"LastRotatedDate\":" + yesterday));
        Inventory inv = scan().inventory();

        assertThat(WireFindings.status(inv, "secretsmanager-db-secret-rotation", "app-db-credentials"))
                .isEqualTo(Status.PASS);
        assertThat(WireFindings.status(inv, "rds-instance-master-password-managed", "app-db")).isEqualTo(Status.PASS);
    }

    @Test
    void anInstanceWhosePasswordRdsManagesCarriesItsMasterUserSecretAndPasses() {
        wire.server.stubFor(wire.request("us-east-1", "rds", "DescribeDBInstances").atPriority(3)
                .willReturn(AwsWire.ok("rds", WireFindings.fixture("rds", "DescribeDBInstances.xml").replace(
                        "<IAMDatabaseAuthenticationEnabled>true</IAMDatabaseAuthenticationEnabled>",
                        "<IAMDatabaseAuthenticationEnabled>true</IAMDatabaseAuthenticationEnabled><MasterUserSecret>"
                                + "<SecretArn>" + APP_DB_SECRET + "</SecretArn><SecretStatus>rotating</SecretStatus>"
                                + "</MasterUserSecret>"))));
        Inventory inv = scan().inventory();

        DbInstance appDb = inv.dbInstances().stream().filter(d -> d.id().equals("app-db")).findFirst().orElseThrow();
        assertThat(appDb.manageMasterUserPassword()).contains(true);
        assertThat(appDb.masterUserSecretArn()).contains(APP_DB_SECRET);
        assertThat(appDb.masterUserSecretStatus()).contains("rotating");
        assertThat(WireFindings.status(inv, "rds-instance-master-password-managed", "app-db")).isEqualTo(Status.PASS);
        assertThat(WireFindings.finding(inv, "secretsmanager-db-secret-rotation", "app-db-credentials").evidence())
                .containsEntry("databases", List.of("app-db (MasterUserSecret)"));
    }

    @Test
    void anAnswerLackingFieldsLeavesThemUnknownAndTheRulesReadingThemNotAssessed() {
        serve("ListSecrets", "Planned", WireFindings.fixture("secretsmanager", "ListSecrets.json")
                .replace("\"LastRotatedDate\":1751529600,", "").replace("\"CreatedDate\":1705348800,", ""));
        wire.server.stubFor(wire.request("us-east-1", "rds", "DescribeDBClusters").atPriority(0)
                .willReturn(AwsWire.ok("rds", WireFindings.fixture("rds", "DescribeDBClusters.xml")
                        .replaceAll("<SecretArn>[^<]*</SecretArn>", ""))));
        Inventory inv = scan().inventory();

        Secret app = secret(inv, APP_DB_SECRET);
        assertThat(app.createdDate()).isEmpty();
        assertThat(app.lastRotatedDate()).isEmpty(); // documented: never rotated
        assertThat(inv.collectionErrors()).extracting(CollectionError::operation, CollectionError::fields,
                        CollectionError::message)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("secretsmanager:ListSecrets", List.of("createdDate"),
                                "ListSecrets answered without CreatedDate"),
                        org.assertj.core.groups.Tuple.tuple("rds:DescribeDBClusters", List.of("masterUserSecretArn"),
                                "DescribeDBClusters answered without MasterUserSecret.SecretArn"));
        var finding = WireFindings.finding(inv, "secretsmanager-db-secret-rotation", "app-db-credentials");
        assertThat(finding.status()).isEqualTo(Status.NOT_ASSESSED);
        assertThat(finding.message()).contains("rotationAgeDays is unknown: secretsmanager:ListSecrets failed (MissingField");
        DbCluster aurora = inv.dbClusters().get(0);
        assertThat(aurora.manageMasterUserPassword()).contains(true);
        assertThat(aurora.masterUserSecretArn()).isEmpty();
        // RDS manages the password: that alone decides
        assertThat(WireFindings.status(inv, "rds-cluster-master-password-managed", "app-aurora")).isEqualTo(Status.PASS);
    }

    @Test
    void aFailedGetResourcePolicyLeavesOnlyThatSecretsPolicyUnknown() {
        wire.server.stubFor(wire.request("us-east-1", "secretsmanager", "GetResourcePolicy").atPriority(0)
                .withRequestBody(containing("partner-api-key"))
                .willReturn(AwsWire.jsonError(400, "AccessDeniedException", "User: arn:aws:iam::111122223333:user/"
                        + "auditor is not authorized to perform: secretsmanager:GetResourcePolicy")));
        Inventory inv = scan().inventory();

        assertThat(inv.collectionErrors()).hasSize(1);
        CollectionError error = inv.collectionErrors().get(0);
        assertThat(error.perResource()).isTrue();
        assertThat(error.resource()).contains(PARTNER_SECRET);
        assertThat(error.fields()).containsExactly("policy");
        assertThat(secret(inv, PARTNER_SECRET).policy()).isEmpty();
        var finding = WireFindings.finding(inv, "secretsmanager-secret-policy-not-public", "partner-api-key");
        assertThat(finding.status()).isEqualTo(Status.NOT_ASSESSED);
        assertThat(finding.message()).contains("is unknown: secretsmanager:GetResourcePolicy failed (AccessDeniedException");
        assertThat(WireFindings.status(inv, "secretsmanager-secret-policy-not-public", "app-db-credentials"))
                .isEqualTo(Status.PASS);
        // the other facts of the same secret are still judged
        assertThat(WireFindings.status(inv, "secretsmanager-secret-encrypted-with-cmk", "partner-api-key"))
                .isEqualTo(Status.FAIL);
    }

    @Test
    void aFailedDescribeSecretLeavesOnlyThatSecretsRotationUnknown() {
        wire.server.stubFor(wire.request("us-east-1", "secretsmanager", "DescribeSecret").atPriority(0)
                .willReturn(AwsWire.jsonError(500, "InternalServiceError", "An error occurred on the server side.")));
        Inventory inv = scan().inventory();

        assertThat(inv.collectionErrors()).singleElement().satisfies(e -> {
            assertThat(e.resource()).contains(PARTNER_SECRET);
            assertThat(e.operation()).isEqualTo("secretsmanager:DescribeSecret");
            assertThat(e.fields()).containsExactly("rotationEnabled");
        });
        assertThat(secret(inv, PARTNER_SECRET).rotationEnabled()).isEmpty();
        assertThat(secret(inv, APP_DB_SECRET).rotationEnabled()).contains(true);
    }

    @Test
    void accessDeniedOnListSecretsLeavesTheTypeUnknownInThatRegion() {
        wire.server.stubFor(wire.request("us-east-1", "secretsmanager", "ListSecrets").atPriority(0)
                .willReturn(AwsWire.jsonError(400, "AccessDeniedException", "User: arn:aws:iam::111122223333:user/"
                        + "auditor is not authorized to perform: secretsmanager:ListSecrets")));
        Inventory inv = scan().inventory();

        assertThat(inv.secrets()).isEmpty();
        CollectionError error = inv.collectionErrors().get(0);
        assertThat(inv.collectionErrors()).hasSize(1);
        assertThat(error.perResource()).isFalse();
        assertThat(error.region()).contains("us-east-1");
        assertThat(error.resourceTypes()).containsExactly(ResourceTypes.SECRET);
        assertThat(error.code()).isEqualTo("AccessDeniedException");
        // which secret holds app-db's credential is unknown; the Aurora cluster's is managed by RDS
        var finding = WireFindings.finding(inv, "rds-instance-master-password-managed", "app-db");
        assertThat(finding.status()).isEqualTo(Status.NOT_ASSESSED);
        assertThat(finding.message()).contains("secretsmanager:ListSecrets failed (AccessDeniedException");
        assertThat(WireFindings.status(inv, "rds-cluster-master-password-managed", "app-aurora")).isEqualTo(Status.PASS);
        assertThat(WireFindings.findings(inv, "secretsmanager-secret-policy-not-public"))
                .extracting(f -> f.status()).containsExactly(Status.NOT_ASSESSED);
    }

    @Test
    void aPageTokenReturnedAgainFailsTheListingAsAPaginationLoop() {
        serve("ListSecrets", "secrets-page-2", WireFindings.fixture("secretsmanager", "ListSecrets@secrets-page-2.json")
                .strip().replaceAll("}$", ",\"NextToken\":\"secrets-page-2\"}"));
        Inventory inv = scan().inventory();

        assertThat(inv.secrets()).isEmpty();
        assertThat(inv.collectionErrors()).singleElement().satisfies(e -> {
            assertThat(e.operation()).isEqualTo("secretsmanager:ListSecrets");
            assertThat(e.code()).isEqualTo("PaginationLoop");
        });
    }

    @Test
    void aFullScanNeverAsksForASecretsValue() {
        io.hipaaaudit.scan.Scanner.run(io.hipaaaudit.scan.ScanRequest.builder(new io.hipaaaudit.scan.Source.Aws(
                wire.options("us-east-1"), new io.hipaaaudit.scan.Source.Accounts.One(Optional.empty())),
                RuleLoader.load(List.of())).environments(new Environments("default", "Environment")).build());

        List<String> targets = wire.server.getAllServeEvents().stream().map(ServeEvent::getRequest)
                .map(r -> r.getHeader("X-Amz-Target")).filter(t -> t != null && t.startsWith("secretsmanager.")).toList();
        assertThat(targets).contains("secretsmanager.ListSecrets", "secretsmanager.GetResourcePolicy")
                .doesNotContain("secretsmanager.GetSecretValue", "secretsmanager.BatchGetSecretValue");
    }
}
