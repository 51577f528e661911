package io.hipaaaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hipaaaudit.collect.postgres.PgServers;
import io.hipaaaudit.json.Json;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an application role can do is what it can do after any SET ROLE it is allowed, and no more: on a real
 * PostgreSQL 17, a role that may only SET ROLE to a deleter holds DELETE beyond its policy, and a role whose hops
 * mix inheritance and SET in the wrong order cannot act as the table owner, as {@code pg_has_role} says.
 */
class SetRoleReachTest {
    private static final int MAJOR = 17;
    private static final String DB = "setrolereach";
    private static String url;
    private static String dbId;

    @BeforeAll
    static void seed() throws Exception {
        PgServers.createDatabase(MAJOR, DB);
        try (Connection c = PgServers.superuser(MAJOR, DB)) {
            PgServers.run(c, "DROP ROLE IF EXISTS sr_owner, sr_app, sr_analyst, sr_mid, sr_deleter, sr_audit");
            try (InputStream in = SetRoleReachTest.class.getResourceAsStream("/pg/set-role-reach.sql")) {
                PgServers.run(c, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        url = PgServers.url(MAJOR, DB);
        dbId = "localhost:" + PgServers.server(MAJOR).getPort() + "/" + DB;
    }

    @Test
    void postgresAgreesOnTheReachThisTestRelies() throws Exception {
        try (Connection c = PgServers.superuser(MAJOR, DB); ResultSet rs = c.createStatement().executeQuery(
                "select pg_has_role('sr_app', 'sr_deleter', 'SET'), pg_has_role('sr_app', 'sr_deleter', 'USAGE'),"
                        + " pg_has_role('sr_analyst', 'sr_owner', 'SET'), pg_has_role('sr_analyst', 'sr_owner', 'USAGE'),"
                        + " pg_has_role('sr_analyst', 'sr_mid', 'USAGE'), pg_has_role('sr_mid', 'sr_owner', 'SET')")) {
            rs.next();
            assertThat(new boolean[] {rs.getBoolean(1), rs.getBoolean(2), rs.getBoolean(3), rs.getBoolean(4),
                    rs.getBoolean(5), rs.getBoolean(6)}).containsExactly(true, false, false, false, true, true);
        }
    }

    @Test
    void privilegesBehindASetRoleCountAndWrongOrderHopsDoNot(@TempDir Path out) throws Exception {
        Cli cli = Cli.run("scan", "--skip-aws", "--db", url, "--db-user", "sr_audit", "--db-policy",
                "src/test/resources/pg/set-role-reach.yaml", "--output-dir", out.toString(), "--quiet");
        assertThat(cli.exit()).as(cli.err()).isEqualTo(ExitCodes.FAILED);
        JsonNode findings = Json.json().readTree(Files.readString(out.resolve("findings.json"))).get("findings");

        JsonNode payments = finding(findings, "pg-table-privileges-within-policy", "phi.payments");
        assertThat(payments.get("status").asText()).isEqualTo("FAIL");
        assertThat(payments.get("message").asText()).contains(
                "sr_app holds DELETE via member of sr_deleter -> SET ROLE sr_deleter -> grant DELETE to sr_deleter");
        assertThat(payments.get("message").asText()).doesNotContain("sr_analyst holds");
        assertThat(payments.at("/evidence/excessPrivileges").toString()).contains(
                "\"via\":[\"member of sr_deleter\",\"SET ROLE sr_deleter\",\"grant DELETE to sr_deleter by sr_owner\"]");

        JsonNode owns = finding(findings, "pg-app-role-owns-nothing", "sr_analyst");
        assertThat(owns.get("status").asText()).as(owns.get("message").asText()).isEqualTo("PASS");
    }

    @Test
    void dbPrivilegesShowsWhatARoleCanUseAfterASetRoleWithThePath() throws Exception {
        Cli cli = Cli.run("db", "privileges", "--db", url, "--db-user", "sr_audit", "--format", "json",
                "--role", "sr_app", "--object", "payments");
        assertThat(cli.exit()).as(cli.err()).isZero();
        JsonNode rows = Json.json().readTree(cli.out());
        JsonNode delete = null;
        for (JsonNode row : rows) {
            if (row.get("privilege").asText().equals("DELETE")) {
                delete = row;
            }
        }
        assertThat(delete).as(cli.out()).isNotNull();
        assertThat(delete.get("setRole").asText()).isEqualTo("sr_deleter");
        assertThat(Json.json().convertValue(delete.get("via"), java.util.List.class)).containsExactly(
                "member of sr_deleter", "SET ROLE sr_deleter", "grant DELETE to sr_deleter by sr_owner");
        assertThat(delete.get("schemaUsage").asBoolean()).isTrue();
        // what sr_app holds itself keeps its row, without setRole
        assertThat(rows).anySatisfy(row -> {
            assertThat(row.get("privilege").asText()).isEqualTo("SELECT");
            assertThat(row.has("setRole")).isFalse();
        });
        // sr_analyst's hops mix inheritance and SET in the wrong order: no row through sr_owner
        Cli analyst = Cli.run("db", "privileges", "--db", url, "--db-user", "sr_audit", "--format", "json",
                "--role", "sr_analyst");
        assertThat(analyst.exit()).as(analyst.err()).isZero();
        assertThat(analyst.out()).doesNotContain("setRole", "SET ROLE", "DELETE");

        Cli table = Cli.run("db", "privileges", "--db", url, "--db-user", "sr_audit", "--role", "sr_app",
                "--object", "payments");
        assertThat(table.out().lines().findFirst().orElseThrow()).contains("SET ROLE", "VIA");
        assertThat(table.out()).containsPattern(
                "DELETE .* sr_deleter +member of sr_deleter -> SET ROLE sr_deleter -> grant DELETE to sr_deleter");
    }

    private JsonNode finding(JsonNode findings, String rule, String object) {
        for (JsonNode f : findings) {
            if (f.get("ruleId").asText().equals(rule) && f.at("/resource/id").asText().equals(dbId + "/" + object)) {
                return f;
            }
        }
        throw new AssertionError("no " + rule + " finding for " + object);
    }
}
