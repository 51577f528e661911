package io.hipaaaudit.analyse.privileges;

import static org.assertj.core.api.Assertions.assertThat;

import io.hipaaaudit.collect.postgres.HealthcareDb;
import io.hipaaaudit.collect.postgres.PgCollection;
import io.hipaaaudit.collect.postgres.PgTarget;
import io.hipaaaudit.collect.postgres.PostgresCollector;
import io.hipaaaudit.inventory.pg.PgDatabase;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** The privilege report of the seeded healthcare database: right and wrong grants, each with its chain. */
@ParameterizedClass(name = "PostgreSQL {0}")
@MethodSource("io.hipaaaudit.collect.postgres.PgServers#majors")
class PrivilegeReportTest {
    @Parameter
    int major;

    private PgDatabase db;
    private List<PrivilegeRow> rows;

    @BeforeEach
    void collect() throws Exception {
        PgCollection collection = new PostgresCollector()
                .collect(PgTarget.of(HealthcareDb.url(major), "hc_audit", () -> null));
        assertThat(collection.errors()).isEmpty();
        db = collection.database();
        rows = PrivilegeReport.rows(db);
    }

    /** The row of what {@code role} holds without SET ROLE. */
    private Optional<PrivilegeRow> row(String role, String schema, String object, String privilege) {
        return rows.stream().filter(r -> r.role().equals(role) && r.schema().equals(schema)
                && r.object().equals(object) && r.privilege().equals(privilege) && r.column().isEmpty()
                && r.setRole().isEmpty()).findFirst();
    }

    @Test
    void aNoInheritMemberCanUseTheGroupsPrivilegesAfterSetRoleAndTheRowSaysHow() {
        assertThat(rows.stream().filter(r -> r.role().equals("hc_intern") && r.object().equals("subscriptions")
                && r.privilege().equals("SELECT")).toList()).singleElement().satisfies(r -> {
                    assertThat(r.setRole()).contains("hc_readers");
                    assertThat(r.via()).containsExactly("member of hc_readers", "SET ROLE hc_readers",
                            "grant SELECT to hc_readers by hc_owner");
                    assertThat(r.grantable()).isFalse();
                    assertThat(r.schemaUsage()).as("hc_readers has USAGE on app").isTrue();
                });
        // the column grants to the group too, as column rows of the switched session
        assertThat(rows).filteredOn(r -> r.role().equals("hc_intern") && r.objectType().equals("column"))
                .extracting(r -> r.object() + "." + r.column().orElseThrow() + " " + r.privilege() + " "
                        + r.setRole().orElse("-"))
                .containsExactly("users.created_at SELECT hc_readers", "users.id SELECT hc_readers");
        // what a role holds itself never gets a second row through a switch, and inherited targets add none
        assertThat(rows).filteredOn(r -> r.role().equals("hc_analyst") || r.role().equals("hc_ops")
                || r.role().equals("hc_admin")).allMatch(r -> r.setRole().isEmpty());
        assertThat(rows).filteredOn(r -> r.setRole().isPresent())
                .allSatisfy(r -> assertThat(r.via()).contains("SET ROLE " + r.setRole().get()));
    }

    @Test
    void aGroupGrantReachesItsInheritingMembersOnly() {
        assertThat(row("hc_analyst", "app", "subscriptions", "SELECT")).hasValueSatisfying(r -> {
            assertThat(r.via()).containsExactly("member of hc_readers", "grant SELECT to hc_readers by hc_owner");
            assertThat(r.grantable()).isFalse();
            assertThat(r.effective()).isTrue();
        });
        assertThat(row("hc_intern", "app", "subscriptions", "SELECT")).isEmpty();
    }

    @Test
    void membershipInTheOwnerGivesEverythingWithGrantOption() {
        assertThat(row("hc_ops", "app", "consent_records", "DELETE")).hasValueSatisfying(r -> {
            assertThat(r.via()).containsExactly("member of hc_owner", "owner hc_owner");
            assertThat(r.grantable()).isTrue();
        });
        assertThat(row("hc_app", "app", "consent_records", "DELETE")).hasValueSatisfying(r ->
                assertThat(r.via()).containsExactly("grant DELETE to hc_app by hc_owner"));
        assertThat(row("hc_admin", "app", "consent_records", "TRUNCATE")).hasValueSatisfying(r ->
                assertThat(r.via()).containsExactly("superuser"));
    }

    @Test
    void aPublicGrantIsHeldByEveryRoleButUsableOnlyWithSchemaUsage() {
        assertThat(row("hc_audit", "app", "payments", "SELECT")).hasValueSatisfying(r -> {
            assertThat(r.via()).containsExactly("grant SELECT to PUBLIC by hc_owner");
            assertThat(r.schemaUsage()).isFalse();
        });
        assertThat(row("hc_analyst", "app", "payments", "SELECT")).hasValueSatisfying(r ->
                assertThat(r.schemaUsage()).isTrue());
        assertThat(row("hc_analyst", "reporting", "monthly", "SELECT")).hasValueSatisfying(r ->
                assertThat(r.effective()).isFalse());
    }

    @Test
    void columnGrantsAppearWhereTheyAddToTableLevelPrivileges() {
        List<PrivilegeRow> columns = rows.stream().filter(r -> r.objectType().equals("column")).toList();
        assertThat(columns).filteredOn(r -> r.role().equals("hc_analyst"))
                .extracting(r -> r.object() + "." + r.column().orElseThrow() + " " + r.privilege())
                .containsExactly("users.created_at SELECT", "users.id SELECT");
        assertThat(columns).noneMatch(r -> r.role().equals("hc_app")
                || r.role().equals("hc_intern") && r.setRole().isEmpty());
    }

    @Test
    void functionsAndSchemasAreReported() {
        assertThat(row("hc_app", "app", "purge_user(uid bigint)", "EXECUTE")).isPresent();
        assertThat(row("hc_analyst", "app", "purge_user(uid bigint)", "EXECUTE")).isEmpty();
        assertThat(row("hc_analyst", "app", "user_count()", "EXECUTE")).hasValueSatisfying(r ->
                assertThat(r.via()).containsExactly("grant EXECUTE to PUBLIC by hc_owner"));
        assertThat(row("hc_analyst", "app", "app", "USAGE")).hasValueSatisfying(r -> {
            assertThat(r.objectType()).isEqualTo("schema");
            assertThat(r.via()).containsExactly("member of hc_readers", "grant USAGE to hc_readers by hc_owner");
        });
    }

    @Test
    void defaultPrivilegesBecomeFutureGrants() {
        List<FutureGrant> future = PrivilegeReport.futureGrants(db);
        assertThat(future).contains(new FutureGrant("hc_owner", Optional.of("app"), "table", "hc_readers", "SELECT",
                false, "ALTER DEFAULT PRIVILEGES FOR ROLE hc_owner IN SCHEMA app"));
        assertThat(future).filteredOn(g -> g.schema().isEmpty() && g.grantee().equals("PUBLIC")
                        && g.creator().equals("hc_owner") && g.objectType().equals("table"))
                .extracting(FutureGrant::privilege)
                .hasSize(major >= 17 ? 8 : 7)
                .contains("SELECT", "DELETE", "TRUNCATE");
    }

    @Test
    void rendersJsonInTheDocumentedShapeAndAPlainTable() {
        List<PrivilegeRow> audit = rows.stream().filter(r -> r.role().equals("hc_audit")
                && r.object().equals("payments")).toList();
        String json = PrivilegeJson.rows(audit);
        assertThat(json).contains("\"role\" : \"hc_audit\"", "\"objectType\" : \"table\"", "\"schema\" : \"app\"",
                "\"object\" : \"payments\"", "\"privilege\" : \"SELECT\"", "\"grantable\" : false",
                "\"via\" : [ \"grant SELECT to PUBLIC by hc_owner\" ]", "\"schemaUsage\" : false")
                .doesNotContain("\"column\"", "effective", "setRole");
        assertThat(PrivilegeJson.rows(rows.stream().filter(r -> r.role().equals("hc_intern")
                && r.object().equals("subscriptions")).toList()))
                .contains("\"schemaUsage\" : true,\n  \"setRole\" : \"hc_readers\"");
        String table = PrivilegeTable.render(audit);
        assertThat(table.lines().findFirst().orElseThrow()).startsWith("ROLE").contains("PRIVILEGE", "VIA");
        assertThat(table).contains("hc_audit", "payments", "no (no USAGE on schema)",
                "grant SELECT to PUBLIC by hc_owner");
    }

    @Test
    void rowsAreSortedAndUnique() {
        assertThat(rows).isSortedAccordingTo(java.util.Comparator.comparing(PrivilegeRow::role)
                .thenComparing(PrivilegeRow::schema).thenComparing(PrivilegeRow::object));
        assertThat(rows.stream().map(r -> List.of(r.role(), r.objectType(), r.schema(), r.object(),
                r.column().orElse(""), r.privilege())).distinct().count()).isEqualTo(rows.size());
    }
}
