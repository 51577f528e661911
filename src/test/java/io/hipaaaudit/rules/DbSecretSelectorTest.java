package io.hipaaaudit.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.hipaaaudit.engine.Environments;
import io.hipaaaudit.engine.Evaluator;
import io.hipaaaudit.findings.Finding;
import io.hipaaaudit.findings.Status;
import io.hipaaaudit.inventory.Inventory;
import io.hipaaaudit.inventory.InventoryJson;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The rotation rule's configurable selector: name globs and tag keys pick the secrets that are credentials. */
class DbSecretSelectorTest {
    private static final String RULE = "secretsmanager-db-secret-rotation";

    private static Map<String, Status> statuses(Map<String, Object> params) {
        RulePack pack = ParamOverrides.apply(RuleLoader.load(List.of()), Map.of(RULE, Map.of("default", params)),
                (path, message) -> new io.hipaaaudit.json.InputException(message));
        Inventory inv = InventoryJson.parse("""
                {"finishedAt": "2026-12-01T12:00:00Z", "dbInstances": [], "dbClusters": [], "secrets": [
                  {"account": "111122223333", "region": "us-east-1", "id": "billing/prod/db-ledger",
                   "rotationEnabled": false, "createdDate": "2026-01-01T00:00:00Z"},
                  {"account": "111122223333", "region": "us-east-1", "id": "legacy-reporting",
                   "rotationEnabled": false, "createdDate": "2026-01-01T00:00:00Z", "tags": {"db-credential": "yes"}},
                  {"account": "111122223333", "region": "us-east-1", "id": "billing/prod/stripe",
                   "rotationEnabled": false, "createdDate": "2026-01-01T00:00:00Z"}]}
                """, "selector.json");
        Rule rule = pack.find(RULE).orElseThrow();
        return new Evaluator(inv, new Environments("prod", null)).evaluate(rule).stream()
                .collect(Collectors.toMap(f -> f.resource().id(), Finding::status));
    }

    @Test
    void withoutASelectorOnlyLinkedOrRdsOwnedSecretsAreCredentials() {
        assertThat(statuses(Map.of())).containsOnly(Map.entry("billing/prod/db-ledger", Status.NOT_APPLICABLE),
                Map.entry("legacy-reporting", Status.NOT_APPLICABLE), Map.entry("billing/prod/stripe", Status.NOT_APPLICABLE));
    }

    @Test
    void aNameGlobOrATagKeySelectsASecretAsADatabaseCredential() {
        assertThat(statuses(Map.of("dbSecretNamePatterns", List.of("*/db-*"), "dbSecretTagKeys", List.of("db-credential"))))
                .containsOnly(Map.entry("billing/prod/db-ledger", Status.FAIL), Map.entry("legacy-reporting", Status.FAIL),
                        Map.entry("billing/prod/stripe", Status.NOT_APPLICABLE));
    }
}
