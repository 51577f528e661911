package io.hipaaaudit.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.hipaaaudit.findings.Finding;
import io.hipaaaudit.findings.Status;
import io.hipaaaudit.inventory.InventoryJson;
import io.hipaaaudit.rules.RuleLoader;
import io.hipaaaudit.rules.RulePack;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Fail-closed semantics of the evaluator, independent of any one rule's fixtures. */
class EvaluatorTest {
    private static final RulePack PACK = RuleLoader.load(List.of());

    private static List<Finding> evaluate(String json, String ruleId) {
        return new Evaluator(InventoryJson.parse(json, "test.json"), new Environments("prod", null))
                .evaluate(PACK.find(ruleId).orElseThrow());
    }

    @Test
    void aCollectionErrorInOneRegionLeavesOtherRegionsEvaluated() {
        List<Finding> f = evaluate("""
                {"dbInstances": [
                  {"account": "1", "region": "us-east-1", "id": "a", "storageEncrypted": true},
                  {"account": "1", "region": "eu-west-1", "id": "b", "storageEncrypted": true}],
                 "collectionErrors": [{"source": "aws", "account": "1", "region": "eu-west-1",
                   "operation": "rds:DescribeDBInstances", "resourceTypes": ["aws.rds.db_instance"],
                   "code": "InternalFailure", "message": "500 after retries"}]}
                """, "rds-instance-storage-encrypted");
        Map<String, Status> byId = f.stream().collect(Collectors.toMap(x -> x.resource().region() + "/" + x.resource().id(),
                Finding::status));
        assertThat(byId).containsEntry("us-east-1/a", Status.PASS)
                .containsEntry("eu-west-1/b", Status.NOT_ASSESSED)
                .containsEntry("eu-west-1/*", Status.NOT_ASSESSED);
        Finding scoped = f.stream().filter(x -> x.resource().id().equals("*")).findFirst().orElseThrow();
        assertThat(scoped.evidence()).containsKey("collectionErrors");
    }

    @Test
    void aFailedKeyListingLeavesADatabaseWhoseKeyWasDescribedAssessed() {
        List<Finding> f = evaluate("""
                {"dbInstances": [{"account": "1", "region": "r", "id": "a", "storageEncrypted": true,
                  "kmsKeyId": "arn:aws:kms:r:1:key/k"}],
                 "kmsKeys": [{"account": "1", "region": "r", "id": "k", "arn": "arn:aws:kms:r:1:key/k",
                   "manager": "CUSTOMER", "state": "Enabled"}],
                 "collectionErrors": [{"source": "aws", "account": "1", "region": "r", "operation": "kms:ListAliases",
                   "resourceTypes": ["aws.kms.key"], "code": "AccessDeniedException", "message": "denied"}]}
                """, "rds-instance-encrypted-with-cmk");
        assertThat(f).extracting(Finding::status).containsOnly(Status.PASS);
    }

    @Test
    void aFailedKeyListingLeavesADatabaseWhoseKeyWasNotDescribedNotAssessed() {
        List<Finding> f = evaluate("""
                {"dbInstances": [{"account": "1", "region": "r", "id": "a", "storageEncrypted": true,
                  "kmsKeyId": "arn:aws:kms:r:1:key/k"}],
                 "collectionErrors": [{"source": "aws", "account": "1", "region": "r", "operation": "kms:ListKeys",
                   "resourceTypes": ["aws.kms.key"], "code": "AccessDeniedException", "message": "denied"}]}
                """, "rds-instance-encrypted-with-cmk");
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.status()).isEqualTo(Status.NOT_ASSESSED);
            assertThat(x.message()).contains("kmsKey is unknown: kms:ListKeys failed (AccessDeniedException");
        });
    }

    @Test
    void anEmptyButObservedScopeIsNotApplicable() {
        List<Finding> f = evaluate("{\"accounts\": [{\"id\": \"1\", \"regions\": [\"r\"]}], \"dbSnapshots\": []}",
                "rds-snapshot-not-public");
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.status()).isEqualTo(Status.NOT_APPLICABLE);
            assertThat(x.resource().id()).isEqualTo("*");
        });
    }

    @Test
    void aListTheSnapshotDoesNotCarryIsNotAssessedNotNotApplicable() {
        List<Finding> f = evaluate("{\"accounts\": [{\"id\": \"1\", \"regions\": [\"r\"]}]}", "rds-snapshot-not-public");
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.status()).isEqualTo(Status.NOT_ASSESSED);
            assertThat(x.message()).isEqualTo("not observed: the snapshot has no dbSnapshots list (NotInSnapshot)");
        });
    }

    @Test
    void aConditionOnAnUnobservedFactIsNotAssessedAndNamesTheFact() {
        List<Finding> f = evaluate("{\"dbInstances\": [{\"account\": \"1\", \"region\": \"r\", \"id\": \"a\"}]}",
                "rds-instance-not-publicly-accessible");
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.status()).isEqualTo(Status.NOT_ASSESSED);
            assertThat(x.message()).contains("publiclyAccessible");
            assertThat(x.evidence()).containsKey("evaluationError").doesNotContainKey("publiclyAccessible");
        });
    }

    @Test
    void evidenceCarriesTheParametersAndEnvironmentApplied() {
        List<Finding> f = evaluate("""
                {"dbInstances": [{"account": "1", "region": "r", "id": "a", "backupRetentionPeriod": 7,
                  "tags": {"environment": "DEV"}}]}
                """, "rds-instance-backup-retention");
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.status()).isEqualTo(Status.PASS);
            assertThat(x.evidence()).containsEntry("environment", "dev")
                    .containsEntry("environmentSource", "tag environment=DEV")
                    .containsEntry("params", Map.of("minRetentionDays", 1L))
                    .containsEntry("backupRetentionPeriod", 7L);
        });
    }

    @Test
    void anEnvironmentNobodyDefinedIsNotAssessedWithTheEnvironmentAndNoParametersInEvidence() {
        List<Finding> f = evaluate("""
                {"dbInstances": [{"account": "1", "region": "r", "id": "a", "backupRetentionPeriod": 30,
                  "tags": {"Environment": "Staging"}}]}
                """, "rds-instance-backup-retention");
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.status()).isEqualTo(Status.NOT_ASSESSED);
            assertThat(x.evidence()).containsEntry("environment", "staging")
                    .containsEntry("environmentSource", "tag Environment=Staging")
                    .containsEntry("definedEnvironments", List.of("dev", "prod"))
                    .doesNotContainKey("params");
        });
    }

    @Test
    void hostileStringsAreCarriedVerbatimAsData() {
        String hostile = "\\\"><img src=x onerror=alert(1)>";
        List<Finding> f = evaluate("{\"dbInstances\": [{\"account\": \"1\", \"region\": \"r\", \"id\": \"" + hostile
                + "\", \"storageEncrypted\": false}]}", "rds-instance-storage-encrypted");
        assertThat(f.get(0).message()).startsWith("\"><img src=x onerror=alert(1)>");
    }
}
