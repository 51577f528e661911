package io.hipaaaudit.analyse;

import static org.assertj.core.api.Assertions.assertThat;

import io.hipaaaudit.inventory.aws.DbCluster;
import io.hipaaaudit.inventory.aws.DbInstance;
import io.hipaaaudit.inventory.aws.Secret;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SecretFactsTest {
    static final String A = "111122223333";
    static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    static DbInstance instance(String id, String masterSecretArn) {
        return new DbInstance(A, "us-east-1", id, null, null, Optional.of("postgres"), "16.4", "db.r6g.large", null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                Optional.of(masterSecretArn != null), Optional.ofNullable(masterSecretArn), null, Map.of());
    }

    static Secret secret(String name, String lambda, Map<String, String> tags, Instant lastRotated, Instant created) {
        return new Secret(A, "us-east-1", name, null, null, Optional.of(true), Optional.ofNullable(lambda), null, null,
                Optional.ofNullable(lastRotated), null, Optional.ofNullable(created), null, null, null, null, tags);
    }

    private static List<String> linked(Secret s, DbInstance... dbs) {
        return new SecretFacts(List.of(dbs), List.<DbCluster>of(), List.of(s)).databases(s).stream()
                .map(d -> d.get("id") + " via " + d.get("via")).toList();
    }

    @Test
    void theMasterUserSecretOfADatabaseLinksItsSecret() {
        Secret s = secret("rds!db-1", null, Map.of(), null, null);
        assertThat(linked(s, instance("app-db", s.arn()), instance("other", null)))
                .containsExactly("app-db via MasterUserSecret");
    }

    @Test
    void aTagValueNamingTheDatabaseByIdOrArnLinksTheSecret() {
        DbInstance db = instance("app-db", null);
        assertThat(linked(secret("s1", null, Map.of("database", "app-db"), null, null), db))
                .containsExactly("app-db via tag database");
        assertThat(linked(secret("s2", null, Map.of("aws:rds:primaryDBInstanceArn", db.arn()), null, null), db))
                .containsExactly("app-db via tag aws:rds:primaryDBInstanceArn");
        assertThat(linked(secret("s3", null, Map.of("database", "app-db-replica"), null, null), db)).isEmpty();
    }

    @Test
    void aRotationLambdaNamedAfterTheDatabaseLinksItOnlyAsAWholeWord() {
        DbInstance db = instance("app-db", null);
        String prefix = "arn:aws:lambda:us-east-1:" + A + ":function:";
        assertThat(linked(secret("s1", prefix + "app-db-rotation", Map.of(), null, null), db)).hasSize(1);
        assertThat(linked(secret("s2", prefix + "rotate_APP-DB:live", Map.of(), null, null), db)).hasSize(1);
        assertThat(linked(secret("s3", prefix + "app-dbx-rotation", Map.of(), null, null), db)).isEmpty();
        assertThat(linked(secret("s4", prefix + "myapp-db-rotation", Map.of(), null, null), db)).isEmpty();
    }

    @Test
    void ageCountsFromTheLastRotationOrFromCreationWhenNeverRotated() {
        Map<String, Object> rotated = SecretFacts.of(secret("s", null, Map.of(), Instant.parse("2026-11-01T12:00:00Z"),
                Instant.parse("2025-01-01T00:00:00Z")), Optional.of(NOW));
        assertThat(rotated).containsEntry("rotationAgeDays", 30.0).containsEntry("neverRotated", false)
                .containsEntry("rotationAgeFrom", "last rotation").containsEntry("pendingDeletion", false);
        Map<String, Object> never = SecretFacts.of(secret("s", null, Map.of(), null,
                Instant.parse("2026-08-23T12:00:00Z")), Optional.of(NOW));
        assertThat(never).containsEntry("rotationAgeDays", 100.0).containsEntry("neverRotated", true)
                .containsEntry("rotationAgeFrom", "creation (never rotated)");
        assertThat(SecretFacts.of(secret("s", null, Map.of(), null, null), Optional.of(NOW)))
                .doesNotContainKeys("rotationAgeDays", "rotationAgeFrom", "policyOpenStatements");
    }
}
