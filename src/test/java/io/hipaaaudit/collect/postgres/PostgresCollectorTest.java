package io.hipaaaudit.collect.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.hipaaaudit.inventory.pg.AclItem;
import io.hipaaaudit.inventory.pg.PgDatabase;
import io.hipaaaudit.inventory.pg.PgFunction;
import io.hipaaaudit.inventory.pg.PgMembership;
import io.hipaaaudit.inventory.pg.PgRelation;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

@ParameterizedClass(name = "PostgreSQL {0}")
@MethodSource("io.hipaaaudit.collect.postgres.PgServers#majors")
class PostgresCollectorTest {
    @Parameter
    int major;

    private PgDatabase collect(String user) throws Exception {
        PgCollection collection = new PostgresCollector().collect(PgTarget.of(HealthcareDb.url(major), user, () -> "unused"));
        assertThat(collection.errors()).isEmpty();
        return collection.database();
    }

    private static PgRelation relation(PgDatabase db, String schema, String name) {
        return db.relations().stream().filter(r -> r.schema().equals(schema) && r.name().equals(name)).findFirst()
                .orElseThrow();
    }

    @Test
    void readsRolesMembershipsAndServerFacts() throws Exception {
        PgDatabase db = collect("postgres");
        assertThat(db.serverVersionNum() / 10000).isEqualTo(major);
        assertThat(db.database()).isEqualTo("healthcare");
        assertThat(db.rds()).isFalse();
        assertThat(db.settings()).containsKeys("ssl", "password_encryption", "log_connections", "log_disconnections",
                "shared_preload_libraries", "log_statement", "log_min_duration_statement", "log_min_duration_sample",
                "log_statement_sample_rate", "log_transaction_sample_rate", "log_parameter_max_length",
                "log_parameter_max_length_on_error", "log_min_error_statement", "session_preload_libraries");
        // libraries that are not loaded have no settings: their absence says "not loaded", not "unknown"
        assertThat(db.settings()).doesNotContainKeys("pgaudit.log_statement", "auto_explain.log_min_duration");
        assertThat(db.roles()).anySatisfy(r -> {
            assertThat(r.name()).isEqualTo("hc_intern");
            assertThat(r.inherit()).isFalse();
            assertThat(r.canLogin()).isTrue();
            assertThat(r.passwordSet()).contains(false);
        });
        PgMembership analyst = db.memberships().stream().filter(m -> m.member().equals("hc_analyst")).findFirst()
                .orElseThrow();
        assertThat(analyst.role()).isEqualTo("hc_readers");
        // per-grant options exist from 16 on; before that inheritance is the member's rolinherit
        assertThat(analyst.inheritOption()).isEqualTo(major >= 16 ? Optional.of(true) : Optional.empty());
        assertThat(analyst.setOption()).isEqualTo(major >= 16 ? Optional.of(true) : Optional.empty());
    }

    @Test
    void readsEffectiveAclsOfRelationsAndColumns() throws Exception {
        PgDatabase db = collect("postgres");
        PgRelation users = relation(db, "app", "users");
        assertThat(users.kind()).isEqualTo("table");
        assertThat(users.owner()).isEqualTo("hc_owner");
        assertThat(users.comment()).contains("phi");
        assertThat(users.acl()).contains(new AclItem("hc_owner", "hc_app", "SELECT", false));
        assertThat(users.columns()).extracting(PgRelation.PgColumn::name)
                .containsExactly("id", "email", "ssn", "created_at");
        assertThat(users.columns().get(0).acl()).containsExactly(new AclItem("hc_owner", "hc_readers", "SELECT", false));
        assertThat(users.columns().get(1).acl()).isEmpty();
        assertThat(relation(db, "app", "payments").acl()).contains(new AclItem("hc_owner", "PUBLIC", "SELECT", false));
        assertThat(relation(db, "app", "consent_records").rlsEnabled()).isTrue();
        assertThat(relation(db, "app", "active_users").kind()).isEqualTo("view");
        assertThat(relation(db, "app", "users_id_seq").kind()).isEqualTo("sequence");
        // reporting.monthly was never granted explicitly to its owner: the NULL acl is expanded to the default
        List<String> ownerPrivileges = relation(db, "reporting", "monthly").acl().stream()
                .filter(a -> a.grantee().equals("hc_owner")).map(AclItem::privilege).toList();
        assertThat(ownerPrivileges).contains("SELECT", "DELETE", "TRUNCATE");
        assertThat(ownerPrivileges.contains("MAINTAIN")).isEqualTo(major >= 17);
    }

    @Test
    void readsFunctionsDefaultAclsAndSchemas() throws Exception {
        PgDatabase db = collect("postgres");
        PgFunction purge = db.functions().stream().filter(f -> f.name().equals("purge_user")).findFirst().orElseThrow();
        assertThat(purge.securityDefiner()).isTrue();
        assertThat(purge.config()).isEmpty();
        assertThat(purge.identityArguments()).isEqualTo("uid bigint");
        assertThat(purge.acl()).extracting(AclItem::grantee).containsExactlyInAnyOrder("hc_owner", "hc_app");
        PgFunction count = db.functions().stream().filter(f -> f.name().equals("user_count")).findFirst().orElseThrow();
        assertThat(count.config()).containsExactly("search_path=pg_catalog, app");
        assertThat(count.acl()).extracting(AclItem::grantee).contains("PUBLIC");
        assertThat(db.defaultAcls()).hasSize(2);
        assertThat(db.defaultAcls()).anySatisfy(d -> {
            assertThat(d.schema()).contains("app");
            assertThat(d.acl()).containsExactly(new AclItem("hc_owner", "hc_readers", "SELECT", false));
        });
        assertThat(db.schemas()).extracting(s -> s.name()).contains("app", "public", "reporting")
                .doesNotContain("pg_catalog", "information_schema");
    }

    @Test
    void anAuditRoleWithoutAnyTablePrivilegeSeesTheSameCatalog() throws Exception {
        PgDatabase asSuperuser = collect("postgres");
        PgDatabase asAudit = collect("hc_audit");
        assertThat(asAudit.relations()).isEqualTo(asSuperuser.relations());
        assertThat(asAudit.schemas()).isEqualTo(asSuperuser.schemas());
        assertThat(asAudit.memberships()).isEqualTo(asSuperuser.memberships());
        assertThat(asAudit.functions()).isEqualTo(asSuperuser.functions());
        assertThat(asAudit.defaultAcls()).isEqualTo(asSuperuser.defaultAcls());
        // only pg_authid tells whether a password is set, and only a superuser may read it
        assertThat(asAudit.roles()).allSatisfy(r -> assertThat(r.passwordSet()).isEmpty());
        assertThat(asAudit.relations().stream().flatMap(r -> r.acl().stream()))
                .noneMatch(a -> a.grantee().equals("hc_audit"));
    }
}
