package io.hipaaaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hipaaaudit.collect.postgres.HealthcareDb;
import io.hipaaaudit.json.Json;
import org.junit.jupiter.api.Test;

/** {@code db privileges --future} against the seeded healthcare database. */
class DbPrivilegesFutureCliTest {
    private static final int MAJOR = 16;

    @Test
    void printsFutureGrantsAsJsonRows() throws Exception {
        Cli cli = Cli.run("db", "privileges", "--db", HealthcareDb.url(MAJOR), "--db-user", "hc_audit", "--future",
                "--format", "json", "--role", "hc_owner");
        assertThat(cli.exit()).as(cli.err()).isZero();
        JsonNode rows = Json.json().readTree(cli.out());
        assertThat(rows.isArray()).isTrue();
        assertThat(rows).isNotEmpty().allSatisfy(row -> assertThat(row.get("creator").asText()).isEqualTo("hc_owner"));
        assertThat(rows).anySatisfy(row -> {
            assertThat(row.get("scope").asText()).isEqualTo("schema");
            assertThat(row.get("schema").asText()).isEqualTo("app");
            assertThat(row.get("objectType").asText()).isEqualTo("table");
            assertThat(row.get("grantee").asText()).isEqualTo("hc_readers");
            assertThat(row.get("privilege").asText()).isEqualTo("SELECT");
            assertThat(row.get("source").asText()).isEqualTo("ALTER DEFAULT PRIVILEGES FOR ROLE hc_owner IN SCHEMA app");
        });
        assertThat(rows).anySatisfy(row -> {
            assertThat(row.get("scope").asText()).isEqualTo("global");
            assertThat(row.get("objectType").asText()).isEqualTo("function");
            assertThat(row.get("grantee").asText()).isEqualTo("PUBLIC");
            assertThat(row.get("source").asText()).isEqualTo("built-in default");
        });
    }

    @Test
    void printsATableByDefault() throws Exception {
        Cli cli = Cli.run("db", "privileges", "--db", HealthcareDb.url(MAJOR), "--db-user", "hc_audit", "--future");
        assertThat(cli.exit()).as(cli.err()).isZero();
        assertThat(cli.out().lines().findFirst().orElseThrow()).startsWith("CREATOR");
        assertThat(cli.out()).contains("ALTER DEFAULT PRIVILEGES FOR ROLE hc_owner", "built-in default");
    }
}
