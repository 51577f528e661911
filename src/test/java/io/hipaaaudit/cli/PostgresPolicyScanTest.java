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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end on a real PostgreSQL 17: a healthcare schema with three drifts from its declared policy, scanned
 * through the CLI by an audit role that holds no privilege on any user table.
 */
class PostgresPolicyScanTest {
    private static final int MAJOR = 17;
    private static final String DB = "policydrift";
    private static String url;
    private static String dbId;

    @BeforeAll
    static void seed() throws Exception {
        PgServers.createDatabase(MAJOR, DB);
        try (Connection c = PgServers.superuser(MAJOR, DB)) {
            PgServers.run(c, "DROP ROLE IF EXISTS pd_owner, pd_app, pd_readers, pd_analyst, pd_audit");
            try (InputStream in = PostgresPolicyScanTest.class.getResourceAsStream("/pg/policy-drift.sql")) {
                PgServers.run(c, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        url = PgServers.url(MAJOR, DB);
        dbId = "localhost:" + PgServers.server(MAJOR).getPort() + "/" + DB;
    }

    @Test
    void eachDriftFailsWithItsGrantChainAndTheCompliantPartsPass(@TempDir Path out) throws Exception {
        Cli cli = Cli.run("scan", "--skip-aws", "--db", url, "--db-user", "pd_audit", "--db-policy", policy(),
                "--output-dir", out.toString(), "--quiet");
        assertThat(cli.exit()).as(cli.err()).isEqualTo(ExitCodes.FAILED);
        JsonNode findings = Json.json().readTree(Files.readString(out.resolve("findings.json"))).get("findings");

        JsonNode consent = finding(findings, "pg-table-privileges-within-policy", "app.consent_records");
        assertThat(consent.get("status").asText()).isEqualTo("FAIL");
        assertThat(consent.get("message").asText()).contains("pd_analyst holds DELETE via grant DELETE to pd_analyst by pd_owner");
        assertThat(consent.at("/evidence/excessPrivileges/0/via/0").asText()).isEqualTo("grant DELETE to pd_analyst by pd_owner");

        JsonNode defaults = finding(findings, "pg-default-privileges-not-public", "pd_owner:reporting:table");
        assertThat(defaults.get("status").asText()).isEqualTo("FAIL");
        assertThat(defaults.get("message").asText()).contains("IN SCHEMA reporting grants SELECT on future tables to PUBLIC");

        JsonNode purge = finding(findings, "pg-security-definer-search-path", "app.purge_user(uid bigint)");
        assertThat(purge.get("status").asText()).isEqualTo("FAIL");
        assertThat(purge.get("message").asText()).contains("runs as pd_owner without a pinned search_path");

        List<String[]> passing = List.of(
                new String[] {"pg-table-privileges-within-policy", "app.users"},
                new String[] {"pg-table-privileges-within-policy", "app.subscriptions"},
                new String[] {"pg-default-privileges-not-public", "pd_owner:app:table"},
                new String[] {"pg-security-definer-search-path", "app.user_count()"},
                new String[] {"pg-app-role-not-superuser", "pd_app"},
                new String[] {"pg-app-role-no-admin-attributes", "pd_app"},
                new String[] {"pg-app-role-owns-nothing", "pd_app"},
                new String[] {"pg-phi-table-not-public", "app.users"},
                new String[] {"pg-phi-table-rls-enabled", "app.consent_records"},
                new String[] {"pg-schema-no-public-create", "public"},
                new String[] {"pg-login-password-expiry-or-iam", "pd_analyst"});
        List<String> notPassing = new ArrayList<>();
        for (String[] p : passing) {
            JsonNode f = finding(findings, p[0], p[1]);
            if (!f.get("status").asText().equals("PASS")) {
                notPassing.add(p[0] + " " + p[1] + ": " + f.get("status").asText() + " " + f.get("message").asText());
            }
        }
        assertThat(notPassing).isEmpty();
    }

    @Test
    void withoutAPolicyThePolicyDrivenRulesAreNotApplicableAndSaySo(@TempDir Path out) throws Exception {
        Cli cli = Cli.run("scan", "--skip-aws", "--db", url, "--db-user", "pd_audit", "--output-dir", out.toString(),
                "--quiet");
        assertThat(cli.exit()).as(cli.err()).isEqualTo(ExitCodes.FAILED);
        JsonNode findings = Json.json().readTree(Files.readString(out.resolve("findings.json"))).get("findings");
        for (String[] p : List.of(new String[] {"pg-table-privileges-within-policy", "app.consent_records"},
                new String[] {"pg-app-role-not-superuser", "pd_app"},
                new String[] {"pg-phi-table-rls-enabled", "app.users"})) {
            JsonNode f = finding(findings, p[0], p[1]);
            assertThat(f.get("status").asText()).isEqualTo("NOT_APPLICABLE");
            assertThat(f.get("message").asText()).contains("no database policy declared (--db-policy)");
        }
    }

    @Test
    void aBadPolicyFileIsAnInputErrorWithItsLine(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("policy.yaml");
        Files.writeString(bad, "applicationRoles: [pd_app]\ngrants:\n  - role: pd_app\n    allow:\n"
                + "      - tables: [\"app.*\"]\n        privileges: [SELECT, DROP]\n");
        Cli cli = Cli.run("scan", "--skip-aws", "--db", url, "--db-user", "pd_audit", "--db-policy", bad.toString(),
                "--output-dir", dir.toString());
        assertThat(cli.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).contains(bad + ":5: privilege 'DROP' is not one of");
    }

    @Test
    void dbPrivilegesPrintsRowsWithTheirChainsAsJson() throws Exception {
        Cli cli = Cli.run("db", "privileges", "--db", url, "--db-user", "pd_audit", "--format", "json",
                "--role", "pd_analyst", "--schema", "app");
        assertThat(cli.exit()).as(cli.err()).isZero();
        JsonNode rows = Json.json().readTree(cli.out());
        assertThat(rows.isArray()).isTrue();
        assertThat(rows).isNotEmpty().allSatisfy(row -> {
            assertThat(row.get("role").asText()).isEqualTo("pd_analyst");
            assertThat(row.get("schema").asText()).isEqualTo("app");
            assertThat(row.has("objectType") && row.has("object") && row.has("privilege") && row.has("grantable")
                    && row.get("via").isArray()).isTrue();
        });
        assertThat(rows).anySatisfy(row -> {
            assertThat(row.get("object").asText()).isEqualTo("consent_records");
            assertThat(row.get("privilege").asText()).isEqualTo("DELETE");
            assertThat(row.get("via").get(0).asText()).isEqualTo("grant DELETE to pd_analyst by pd_owner");
        });
        assertThat(rows).anySatisfy(row -> {
            assertThat(row.get("object").asText()).isEqualTo("subscriptions");
            assertThat(row.get("privilege").asText()).isEqualTo("SELECT");
            assertThat(row.get("via").toString()).contains("member of pd_readers", "grant SELECT to pd_readers by pd_owner");
        });
    }

    private JsonNode finding(JsonNode findings, String rule, String object) {
        for (JsonNode f : findings) {
            if (f.get("ruleId").asText().equals(rule) && f.at("/resource/id").asText().equals(dbId + "/" + object)) {
                return f;
            }
        }
        throw new AssertionError("no " + rule + " finding for " + object);
    }

    private static String policy() {
        return Path.of("src/test/resources/pg/policy-drift.yaml").toString();
    }
}
