package io.hipaaaudit.collect.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.hipaaaudit.engine.Environments;
import io.hipaaaudit.engine.Evaluator;
import io.hipaaaudit.findings.Finding;
import io.hipaaaudit.findings.Status;
import io.hipaaaudit.inventory.Inventory;
import io.hipaaaudit.rules.Rule;
import io.hipaaaudit.rules.RuleLoader;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * pg-no-phi-in-logs on real servers: a server started with {@code log_statement=all} fails naming the setting
 * and its value, a server on its defaults passes on every tested version, and an audit role without privileges
 * reads every setting the rule needs.
 */
class PhiLoggingServerTest {
    private static final Rule RULE = RuleLoader.load(List.of()).rules().stream()
            .filter(r -> r.id().equals("pg-no-phi-in-logs")).findFirst().orElseThrow();

    private static Finding judge(String url, String user) {
        PgCollection c = new PostgresCollector().collect(PgTarget.of(url, user, () -> "unused").withId("db"));
        assertThat(c.errors()).isEmpty();
        Inventory inv = Inventory.empty().withDatabases(List.of(c.database()), c.errors());
        return new Evaluator(inv, new Environments("prod", null)).evaluate(RULE).stream()
                .filter(f -> f.resource().id().equals("db")).findFirst().orElseThrow();
    }

    @Test
    void aServerOnItsDefaultsPassesOnEveryVersion() throws Exception {
        for (int major : PgServers.MAJORS) {
            Finding f = judge(HealthcareDb.url(major), "postgres");
            assertThat(f.status()).as("PostgreSQL %d: %s", major, f.message()).isEqualTo(Status.PASS);
            assertThat(f.message()).contains("failing statements are logged with their text, without bind values");
        }
    }

    @Test
    void aServerThatLogsEveryStatementFailsNamingTheSettingAndItsValue() throws Exception {
        try (EmbeddedPostgres server = PgServers.startOwn(17, Map.of("log_statement", "all",
                "log_parameter_max_length_on_error", "-1"))) {
            String url = "jdbc:postgresql://localhost:" + server.getPort() + "/postgres";
            try (Connection c = server.getDatabase("postgres", "postgres").getConnection()) {
                PgServers.run(c, "CREATE ROLE phi_audit LOGIN", "GRANT pg_read_all_settings TO phi_audit");
            }
            Finding f = judge(url, "phi_audit");
            assertThat(f.status()).isEqualTo(Status.FAIL);
            assertThat(f.message()).contains("log_statement=all (the text of every statement)",
                    "log_parameter_max_length=-1 (the bind values of logged statements in full)",
                    "log_parameter_max_length_on_error=-1");
        }
    }

    @Test
    void theSettingsTheRuleReadsAreVisibleToARoleWithoutPrivileges() throws Exception {
        try (EmbeddedPostgres server = PgServers.startOwn(16, Map.of("log_min_duration_sample", "0"))) {
            String url = "jdbc:postgresql://localhost:" + server.getPort() + "/postgres";
            try (Connection c = server.getDatabase("postgres", "postgres").getConnection()) {
                PgServers.run(c, "CREATE ROLE plain_audit LOGIN");
            }
            Finding f = judge(url, "plain_audit");
            assertThat(f.status()).isEqualTo(Status.FAIL);
            assertThat(f.message()).contains("log_min_duration_sample=0 with log_statement_sample_rate=1")
                    .doesNotContain("not readable");
        }
    }
}
