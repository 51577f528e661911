package io.hipaaaudit.collect.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.hipaaaudit.json.Json;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The password reaches the driver and nothing else: not the inventory, not errors, not toString. */
class SecretsTest {
    private static final String SECRET = "s3cr3t-Pa55-Ü";

    @Test
    void thePasswordAppearsNowhereInACollection() throws Exception {
        PgCollection collection = new PostgresCollector()
                .collect(PgTarget.of(HealthcareDb.url(16), "hc_audit", () -> SECRET));
        assertThat(collection.errors()).isEmpty();
        assertThat(Json.write(collection)).doesNotContain(SECRET);
    }

    @Test
    void aFailedConnectionIsAnErrorWithoutThePassword() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        PgTarget target = new PgTarget("jdbc:postgresql://127.0.0.1:" + closedPort + "/db?password=" + SECRET,
                "auditor", () -> SECRET, Optional.empty(), Duration.ofSeconds(2), Duration.ofSeconds(5));
        PgCollection collection = new PostgresCollector().collect(target);
        assertThat(collection.errors()).singleElement().satisfies(e -> {
            assertThat(e.operation()).isEqualTo("connect");
            assertThat(e.code()).isEqualTo("ConnectionFailed");
            assertThat(e.resourceTypes()).contains("pg.relation", "pg.role");
            assertThat(e.database()).contains("127.0.0.1:" + closedPort + "/db");
        });
        assertThat(Json.write(collection)).doesNotContain(SECRET);
        assertThat(target.toString()).doesNotContain(SECRET);
    }

    @Test
    void redactionRemovesTheSecretFromFreeText() {
        assertThat(new SecretRedactor(SECRET).redact("FATAL: bad password " + SECRET + " for x"))
                .isEqualTo("FATAL: bad password *** for x");
    }
}
