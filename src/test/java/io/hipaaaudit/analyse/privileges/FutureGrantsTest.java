package io.hipaaaudit.analyse.privileges;

import static org.assertj.core.api.Assertions.assertThat;

import io.hipaaaudit.analyse.privileges.FutureGrants.Entry;
import io.hipaaaudit.inventory.pg.AclItem;
import io.hipaaaudit.inventory.pg.PgDatabase;
import io.hipaaaudit.inventory.pg.PgDefaultAcl;
import io.hipaaaudit.inventory.pg.PgRole;
import io.hipaaaudit.inventory.pg.PgSchema;
import io.hipaaaudit.json.Json;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Future grants as get_user_default_acl() computes them, on hand-made catalogs (see the differential test). */
class FutureGrantsTest {
    private static PgRole role(String name) {
        return new PgRole(name, false, true, false, false, true, false, false, -1, Optional.empty(),
                Optional.empty(), List.of());
    }

    private static AclItem item(String grantor, String grantee, String privilege, boolean grantable) {
        return new AclItem(grantor, grantee, privilege, grantable);
    }

    private static PgDatabase db(int versionNum, List<PgDefaultAcl> defaults) {
        return new PgDatabase("db", "h", 5432, "d", "x", versionNum, false, Optional.empty(), Optional.empty(),
                Map.of(), List.of(role("owner"), role("app"), role("reader"), role("pg_monitor")), List.of(),
                List.of(new PgSchema("app", "owner", List.of(item("owner", "owner", "USAGE", false),
                        item("owner", "owner", "CREATE", false), item("owner", "app", "CREATE", false)),
                        Optional.empty())),
                List.of(), defaults, List.of(), List.of());
    }

    @Test
    void aCreatorWithoutEntriesGetsTheBuiltInDefault() {
        List<FutureGrant> grants = FutureGrants.of(db(160004, List.of()));
        assertThat(grants).extracting(FutureGrant::creator).containsOnly("app", "owner");
        assertThat(FutureGrants.acl(grants, "app", Optional.of("app"), "function")).containsExactlyInAnyOrder(
                new Entry("app", "EXECUTE", false), new Entry("PUBLIC", "EXECUTE", false));
        assertThat(FutureGrants.acl(grants, "app", Optional.of("app"), "type")).containsExactlyInAnyOrder(
                new Entry("app", "USAGE", false), new Entry("PUBLIC", "USAGE", false));
        assertThat(FutureGrants.acl(grants, "app", Optional.of("app"), "table")).hasSize(7)
                .allMatch(e -> e.grantee().equals("app") && !e.grantable());
        assertThat(FutureGrants.acl(grants, "app", Optional.empty(), "schema")).containsExactlyInAnyOrder(
                new Entry("app", "USAGE", false), new Entry("app", "CREATE", false));
        assertThat(grants).filteredOn(g -> g.creator().equals("app")).allMatch(g -> g.source().equals(
                "built-in default"));
        assertThat(grants).noneMatch(g -> g.objectType().equals("large_object"));
        assertThat(FutureGrants.of(db(180000, List.of()))).anyMatch(g -> g.objectType().equals("large_object")
                && g.grantee().equals("owner") && g.privilege().equals("UPDATE"));
        assertThat(FutureGrants.acl(FutureGrants.of(db(170000, List.of())), "owner", Optional.of("app"), "table"))
                .contains(new Entry("owner", "MAINTAIN", false));
    }

    @Test
    void aSchemaLessEntryReplacesTheBuiltInDefaultAndASchemaEntryAdds() {
        // REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC; GRANT EXECUTE ... IN SCHEMA app TO reader
        List<FutureGrant> grants = FutureGrants.of(db(160004, List.of(
                new PgDefaultAcl("owner", Optional.empty(), "function", List.of(item("owner", "owner", "EXECUTE",
                        false))),
                new PgDefaultAcl("owner", Optional.of("app"), "function", List.of(item("owner", "reader", "EXECUTE",
                        true))))));
        assertThat(FutureGrants.acl(grants, "owner", Optional.of("public"), "function"))
                .containsExactly(new Entry("owner", "EXECUTE", false));
        assertThat(FutureGrants.acl(grants, "owner", Optional.of("app"), "function")).containsExactlyInAnyOrder(
                new Entry("owner", "EXECUTE", false), new Entry("reader", "EXECUTE", true));
        assertThat(grants).filteredOn(g -> g.creator().equals("owner") && g.objectType().equals("function"))
                .extracting(FutureGrant::source).containsExactly("ALTER DEFAULT PRIVILEGES FOR ROLE owner",
                        "ALTER DEFAULT PRIVILEGES FOR ROLE owner IN SCHEMA app");
        assertThat(FutureGrants.acl(grants, "owner", Optional.of("app"), "type")).contains(
                new Entry("PUBLIC", "USAGE", false));
    }

    @Test
    void aCreatorThatRevokedItsOwnPrivilegesDoesNotHoldThemOnNewObjects() {
        // REVOKE ALL ON TABLES FROM owner; GRANT SELECT ON TABLES TO reader
        List<FutureGrant> grants = FutureGrants.of(db(160004, List.of(new PgDefaultAcl("owner", Optional.empty(),
                "table", List.of(item("owner", "reader", "SELECT", false))))));
        assertThat(FutureGrants.acl(grants, "owner", Optional.of("app"), "table"))
                .isEqualTo(Set.of(new Entry("reader", "SELECT", false)));
    }

    @Test
    void anEmptySchemaLessEntryIsNoAclAtAll() {
        // REVOKE ALL ON TABLES FROM owner leaves '{}': aclmerge() makes that NULL, i.e. the built-in default,
        // unless an IN SCHEMA entry gives the new table its grants alone
        List<FutureGrant> grants = FutureGrants.of(db(160004, List.of(
                new PgDefaultAcl("owner", Optional.empty(), "table", List.of()),
                new PgDefaultAcl("owner", Optional.of("app"), "table", List.of(item("owner", "owner", "SELECT",
                        false))))));
        assertThat(FutureGrants.acl(grants, "owner", Optional.of("public"), "table")).hasSize(7)
                .allMatch(e -> e.grantee().equals("owner"));
        assertThat(FutureGrants.acl(grants, "owner", Optional.of("app"), "table"))
                .isEqualTo(Set.of(new Entry("owner", "SELECT", false)));
        assertThat(grants).filteredOn(g -> g.creator().equals("owner") && g.objectType().equals("table")
                && g.schema().isEmpty()).extracting(FutureGrant::source).containsOnly("built-in default (where no"
                + " IN SCHEMA entry applies: empty ALTER DEFAULT PRIVILEGES FOR ROLE owner)");
    }

    @Test
    void theReportPrintsJsonRowsAndATable() throws Exception {
        List<FutureGrant> grants = FutureGrantReport.grants(db(160004, List.of(new PgDefaultAcl("owner",
                Optional.of("app"), "table", List.of(item("owner", "read only", "SELECT", false))))),
                List.of("owner"), List.of("app"));
        var rows = Json.json().readTree(FutureGrantReport.json(grants));
        assertThat(rows).anySatisfy(row -> {
            assertThat(row.get("creator").asText()).isEqualTo("owner");
            assertThat(row.get("scope").asText()).isEqualTo("schema");
            assertThat(row.get("schema").asText()).isEqualTo("app");
            assertThat(row.get("grantee").asText()).isEqualTo("read only");
            assertThat(row.get("grantable").asBoolean()).isFalse();
            assertThat(row.get("source").asText()).isEqualTo("ALTER DEFAULT PRIVILEGES FOR ROLE owner IN SCHEMA app");
        });
        assertThat(rows).anySatisfy(row -> {
            assertThat(row.get("scope").asText()).isEqualTo("global");
            assertThat(row.has("schema")).isFalse();
            assertThat(row.get("source").asText()).isEqualTo("built-in default");
        });
        String table = FutureGrantReport.table(grants);
        assertThat(table.lines().findFirst().orElseThrow()).startsWith("CREATOR").contains("GRANTEE", "SOURCE");
        assertThat(table).contains("\"read only\"").containsPattern("owner +\\* +function +PUBLIC +EXECUTE +no");
    }
}
