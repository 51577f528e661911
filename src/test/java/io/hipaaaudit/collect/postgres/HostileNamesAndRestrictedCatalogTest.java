package io.hipaaaudit.collect.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.hipaaaudit.analyse.privileges.PrivilegeReport;
import io.hipaaaudit.analyse.privileges.PrivilegeRow;
import io.hipaaaudit.inventory.CollectionError;
import io.hipaaaudit.inventory.ResourceTypes;
import io.hipaaaudit.inventory.pg.AclItem;
import io.hipaaaudit.inventory.pg.PgDatabase;
import io.hipaaaudit.inventory.pg.PgRelation;
import java.sql.Connection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Names with quotes, spaces, capitals and non-ASCII letters survive collection and analysis byte for byte,
 * and a catalog the audit role may not read costs only what depends on it.
 */
@ParameterizedClass(name = "PostgreSQL {0}")
@MethodSource("io.hipaaaudit.collect.postgres.PgServers#majors")
class HostileNamesAndRestrictedCatalogTest {
    static final String ROLE = "Dr. \"House\" Ünïcode";
    static final String SCHEMA = "Patient Data ✓";
    static final String TABLE = "Consent \"Records\"";
    static final String COLUMN = "SSN Nr.";
    static final String AUDITOR = "names auditor";

    @Parameter
    int major;

    private static final Set<Integer> SEEDED = new HashSet<>();

    @BeforeEach
    void seed() throws Exception {
        synchronized (HostileNamesAndRestrictedCatalogTest.class) {
            if (!SEEDED.add(major)) {
                return;
            }
            PgServers.createDatabase(major, "names");
            try (Connection c = PgServers.superuser(major, "names")) {
                PgServers.run(c,
                        "CREATE ROLE " + PgServers.quote(ROLE),
                        "CREATE ROLE " + PgServers.quote(AUDITOR) + " LOGIN",
                        "CREATE SCHEMA " + PgServers.quote(SCHEMA),
                        "CREATE TABLE " + PgServers.quote(SCHEMA) + "." + PgServers.quote(TABLE) + " ("
                                + PgServers.quote(COLUMN) + " text, other text)",
                        "GRANT USAGE ON SCHEMA " + PgServers.quote(SCHEMA) + " TO " + PgServers.quote(ROLE),
                        "GRANT UPDATE (" + PgServers.quote(COLUMN) + ") ON " + PgServers.quote(SCHEMA) + "."
                                + PgServers.quote(TABLE) + " TO " + PgServers.quote(ROLE),
                        // a hardened or managed server may hide a catalog from ordinary roles
                        "REVOKE SELECT ON pg_catalog.pg_default_acl FROM PUBLIC");
            }
        }
    }

    private PgCollection collect(String user) {
        return new PostgresCollector().collect(PgTarget.of(PgServers.url(major, "names"), user, () -> null)
                .withId("names-db"));
    }

    @Test
    void hostileNamesRoundTripThroughCollectionAndAnalysis() {
        PgDatabase db = collect("postgres").database();
        assertThat(db.roles()).extracting(r -> r.name()).contains(ROLE);
        PgRelation table = db.relations().stream().filter(r -> r.schema().equals(SCHEMA)).findFirst().orElseThrow();
        assertThat(table.name()).isEqualTo(TABLE);
        assertThat(table.columns().get(0).name()).isEqualTo(COLUMN);
        assertThat(table.columns().get(0).acl()).containsExactly(new AclItem("postgres", ROLE, "UPDATE", false));
        List<PrivilegeRow> rows = PrivilegeReport.rows(db);
        assertThat(rows).anySatisfy(r -> {
            assertThat(r.role()).isEqualTo(ROLE);
            assertThat(r.objectType()).isEqualTo("column");
            assertThat(r.schema()).isEqualTo(SCHEMA);
            assertThat(r.object()).isEqualTo(TABLE);
            assertThat(r.column()).contains(COLUMN);
            assertThat(r.effective()).isTrue();
            assertThat(r.via()).containsExactly("grant UPDATE to \"Dr. \"\"House\"\" Ünïcode\" by postgres");
        });
    }

    @Test
    void aRestrictedCatalogBecomesACollectionErrorForWhatDependsOnIt() {
        PgCollection collection = collect(AUDITOR);
        assertThat(collection.errors()).singleElement().satisfies(e -> {
            assertThat(e.source()).isEqualTo("postgres");
            assertThat(e.database()).contains("names-db");
            assertThat(e.operation()).isEqualTo("pg_catalog.pg_default_acl");
            assertThat(e.code()).isEqualTo("42501");
            assertThat(e.resourceTypes()).containsExactly(ResourceTypes.PG_DEFAULT_ACL);
            assertThat(e.covers(ResourceTypes.PG_RELATION, null, null, "names-db")).isFalse();
        });
        // everything after the refused query was still read, in the same transaction
        assertThat(collection.database().relations()).isEqualTo(collect("postgres").database().relations());
        assertThat(collection.database().functions()).isEqualTo(collect("postgres").database().functions());
        assertThat(collection.errors()).extracting(CollectionError::message).allMatch(m -> !m.isBlank());
    }
}
