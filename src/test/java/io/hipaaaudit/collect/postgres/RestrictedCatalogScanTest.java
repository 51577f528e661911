package io.hipaaaudit.collect.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.hipaaaudit.collect.DatabaseTargets;
import io.hipaaaudit.engine.Environments;
import io.hipaaaudit.engine.Evaluator;
import io.hipaaaudit.findings.Finding;
import io.hipaaaudit.findings.Status;
import io.hipaaaudit.inventory.CollectionError;
import io.hipaaaudit.inventory.Inventory;
import io.hipaaaudit.policy.DbPolicy;
import io.hipaaaudit.policy.PolicyLoader;
import io.hipaaaudit.rules.RuleLoader;
import io.hipaaaudit.rules.RulePack;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A scan by an audit role that may not read one catalog (REVOKE ... FROM PUBLIC, as a hardened or managed server
 * does) costs exactly the findings of the rules that read that catalog's data: those are NOT_ASSESSED and name
 * the catalog and the SQLSTATE; every other finding is what a scan with full catalog access gives. Each
 * restriction gets its own database on a server of this class's own, seeded with the policy-drift schema.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(300)
class RestrictedCatalogScanTest {
    private static final int MAJOR = 17;
    /** Every scan names its target alike, so findings of different databases compare by resource id. */
    private static final String ID = "restricted";
    private static final RulePack PACK = RuleLoader.load(List.of());

    private static final String OWNS_NOTHING = "pg-app-role-owns-nothing";
    private static final String NOT_SUPERUSER = "pg-app-role-not-superuser";
    private static final String NO_ADMIN = "pg-app-role-no-admin-attributes";
    private static final String LOGIN = "pg-login-password-expiry-or-iam";
    private static final String DEFINER = "pg-security-definer-search-path";
    private static final String ESCALATION = "pg-security-definer-no-phi-escalation";
    private static final String SCHEMA_CREATE = "pg-schema-no-public-create";
    private static final String WITHIN_POLICY = "pg-table-privileges-within-policy";
    private static final String PHI_PUBLIC = "pg-phi-table-not-public";
    private static final String PHI_RLS = "pg-phi-table-rls-enabled";
    private static final String DEFAULTS = "pg-default-privileges-not-public";
    private static final String PGAUDIT = "pg-pgaudit-logging";
    private static final String SSL = "pg-ssl-enabled";
    private static final String CONNECTIONS = "pg-connection-logging";
    private static final String SCRAM = "pg-password-encryption-scram";
    private static final String NO_PHI_IN_LOGS = "pg-no-phi-in-logs";

    /**
     * One catalog the audit role is refused, and the rules whose findings read its data (directly, through a
     * derived fact, or through a type the rule {@code requires}).
     */
    record Restriction(String catalog, String revoke, Set<String> readers) {
        @Override
        public String toString() {
            return catalog;
        }
    }

    static Stream<Restriction> restrictions() {
        return Stream.of(
                select("pg_proc", DEFINER, OWNS_NOTHING, ESCALATION),
                select("pg_namespace", SCHEMA_CREATE, OWNS_NOTHING, WITHIN_POLICY, DEFINER, ESCALATION),
                select("pg_class", PHI_PUBLIC, PHI_RLS, WITHIN_POLICY, OWNS_NOTHING, ESCALATION),
                // language names come from the catalog cache: nothing depends on pg_language
                select("pg_language"),
                new Restriction("aclexplode", "REVOKE EXECUTE ON FUNCTION pg_catalog.aclexplode(aclitem[]) FROM PUBLIC",
                        Set.of(SCHEMA_CREATE, PHI_PUBLIC, PHI_RLS, WITHIN_POLICY, DEFINER, DEFAULTS, OWNS_NOTHING,
                                ESCALATION)),
                // a pinned search_path is judged by who may CREATE in its schemas: roles, memberships and schema ACLs
                select("pg_roles", NOT_SUPERUSER, NO_ADMIN, OWNS_NOTHING, LOGIN, WITHIN_POLICY, DEFINER, ESCALATION),
                // without the memberships the role listing is incomplete (reach, ownership, IAM auth, grants)
                select("pg_auth_members", NOT_SUPERUSER, NO_ADMIN, OWNS_NOTHING, LOGIN, WITHIN_POLICY, DEFINER, ESCALATION),
                select("pg_database", NOT_SUPERUSER, NO_ADMIN, OWNS_NOTHING, LOGIN, WITHIN_POLICY, DEFINER, ESCALATION),
                select("pg_default_acl", DEFAULTS),
                select("pg_extension", PGAUDIT),
                select("pg_settings", PGAUDIT, SSL, CONNECTIONS, SCRAM, NO_PHI_IN_LOGS),
                select("pg_attribute", PHI_PUBLIC, PHI_RLS, WITHIN_POLICY),
                select("pg_description", PHI_PUBLIC, PHI_RLS));
    }

    private static Restriction select(String catalog, String... readers) {
        return new Restriction(catalog, "REVOKE SELECT ON pg_catalog." + catalog + " FROM PUBLIC", Set.of(readers));
    }

    private EmbeddedPostgres server;
    private DbPolicy policy;
    private String objects;
    private Map<String, Finding> baseline;

    @BeforeAll
    void seed() throws Exception {
        server = PgServers.startOwn(MAJOR);
        String sql = resource("/pg/policy-drift.sql");
        // roles belong to the server, the rest to each database
        String roles = sql.lines().filter(l -> l.startsWith("CREATE ROLE")).collect(Collectors.joining("\n"));
        objects = sql.lines().filter(l -> !l.startsWith("CREATE ROLE")).collect(Collectors.joining("\n"));
        try (Connection c = server.getDatabase("postgres", "postgres").getConnection()) {
            PgServers.run(c, roles);
        }
        policy = PolicyLoader.load(Path.of("src/test/resources/pg/policy-drift.yaml"));
        Scanned full = scan("full_access", Optional.empty());
        assertThat(full.inventory().collectionErrors()).isEmpty();
        baseline = byKey(full.findings());
    }

    @AfterAll
    void stop() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void withFullAccessTheDriftsFailAndTheRestIsJudged() {
        assertThat(baseline.get(DEFINER + " " + ID + "/app.purge_user(uid bigint)").status()).isEqualTo(Status.FAIL);
        assertThat(baseline.get(WITHIN_POLICY + " " + ID + "/app.consent_records").status()).isEqualTo(Status.FAIL);
        assertThat(baseline.get(PHI_RLS + " " + ID + "/app.users").status()).isEqualTo(Status.PASS);
        assertThat(baseline.get(OWNS_NOTHING + " " + ID + "/pd_app").status()).isEqualTo(Status.PASS);
        assertThat(baseline.values()).extracting(Finding::status).doesNotContain(Status.NOT_ASSESSED);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("restrictions")
    void aRefusedCatalogCostsOnlyTheFindingsThatReadIt(Restriction restriction) throws Exception {
        Scanned scanned = scan("no_" + restriction.catalog(), Optional.of(restriction.revoke()));
        List<CollectionError> errors = scanned.inventory().collectionErrors();

        if (restriction.readers().isEmpty()) {
            assertThat(errors).isEmpty();
        }
        assertThat(errors).allSatisfy(e -> {
            assertThat(e.database()).contains(ID);
            assertThat(e.operation()).startsWith("pg_catalog.");
            assertThat(e.code()).isEqualTo("42501");
            assertThat(e.operation() + " " + e.message()).contains(restriction.catalog());
            assertThat(e.perResource() ? e.fields() : List.of("listing")).isNotEmpty();
        });

        List<String> wrong = new ArrayList<>();
        Map<String, Finding> restricted = byKey(scanned.findings());
        boolean listing = errors.stream().anyMatch(e -> !e.perResource());
        for (String reader : restriction.readers()) {
            List<Finding> of = scanned.findings().stream().filter(f -> f.ruleId().equals(reader)).toList();
            if (of.stream().noneMatch(f -> notAssessedNaming(f, restriction))) {
                wrong.add(reader + ": no finding names the refused catalog");
            }
            for (Finding f : of) {
                // only field errors: a resource none of them concerns (a sequence has no columns) is judged as before
                boolean untouched = !listing && !concerned(f, errors);
                Finding before = baseline.get(f.ruleId() + " " + f.resource().id());
                // a finding its rule decides without the refused data (an unpinned SECURITY DEFINER function fails
                // whoever may CREATE where) keeps its verdict; every other one names the refused catalog
                boolean same = before != null && sameVerdict(f, before);
                boolean ok = untouched ? same : notAssessedNaming(f, restriction) || (same && before.status() == Status.FAIL);
                if (!ok) {
                    wrong.add(describe(f));
                }
            }
        }
        baseline.forEach((key, expected) -> {
            if (restriction.readers().contains(expected.ruleId())) {
                return;
            }
            Finding actual = restricted.get(key);
            if (actual == null) {
                wrong.add(key + ": missing (was " + expected.status() + ")");
            } else if (!sameVerdict(actual, expected) && !interimWholeResource(actual, restriction, errors)) {
                wrong.add(describe(actual) + " (was " + expected.status() + ")");
            }
        });
        restricted.keySet().stream().filter(k -> !baseline.containsKey(k))
                .filter(k -> !restriction.readers().contains(restricted.get(k).ruleId()))
                .forEach(k -> wrong.add(describe(restricted.get(k)) + " (not in the full-access scan)"));
        assertThat(wrong).as("findings other than expected with %s refused", restriction.catalog()).isEmpty();
    }

    @Test
    void aRefusedFieldIsRecordedAgainstEachResourceItLeavesIncomplete() throws Exception {
        Scanned scanned = scan("no_pg_attribute_fields", Optional.of("REVOKE SELECT ON pg_catalog.pg_attribute FROM PUBLIC"));
        assertThat(scanned.inventory().collectionErrors()).isNotEmpty().allSatisfy(e -> {
            assertThat(e.perResource()).isTrue();
            assertThat(e.fields()).containsExactly("columns");
        });
        assertThat(scanned.inventory().collectionErrors()).extracting(e -> e.resource().orElseThrow())
                .contains(ID + "/app.users", ID + "/app.consent_records")
                .doesNotContain(ID + "/app.users_id_seq");
        // the relations themselves were listed: their owners still decide ownership
        assertThat(byKey(scanned.findings()).get(OWNS_NOTHING + " " + ID + "/pd_app").status()).isEqualTo(Status.PASS);

        Scanned noExtensions = scan("no_pg_extension_fields", Optional.of("REVOKE SELECT ON pg_catalog.pg_extension FROM PUBLIC"));
        assertThat(noExtensions.inventory().collectionErrors()).singleElement().satisfies(e -> {
            assertThat(e.resource()).contains(ID);
            assertThat(e.fields()).containsExactly("extensions");
            assertThat(e.message()).contains("pg_extension");
        });
    }

    private record Scanned(Inventory inventory, List<Finding> findings) {}

    private Scanned scan(String database, Optional<String> revoke) throws Exception {
        try (Connection c = server.getDatabase("postgres", "postgres").getConnection()) {
            PgServers.run(c, "DROP DATABASE IF EXISTS " + database, "CREATE DATABASE " + database);
        }
        try (Connection c = server.getDatabase("postgres", database).getConnection()) {
            PgServers.run(c, objects);
            if (revoke.isPresent()) {
                PgServers.run(c, revoke.get());
            }
        }
        String url = "jdbc:postgresql://localhost:" + server.getPort() + "/" + database;
        Inventory inventory = DatabaseTargets.collectInto(Inventory.empty(),
                List.of(PgTarget.of(url, "pd_audit", () -> null).withId(ID)));
        List<Finding> findings = new Evaluator(inventory, new Environments("prod", null), Optional.of(policy))
                .evaluate(PACK).stream().filter(f -> f.resource().type().startsWith("pg.")).toList();
        return new Scanned(inventory, findings);
    }

    private static boolean notAssessedNaming(Finding f, Restriction r) {
        String operation = r.catalog().startsWith("pg_") ? "pg_catalog." + r.catalog() : "";
        return f.status() == Status.NOT_ASSESSED && f.message().contains("42501") && f.message().contains(operation);
    }

    private static boolean sameVerdict(Finding actual, Finding expected) {
        return actual.status() == expected.status() && actual.message().equals(expected.message());
    }

    /**
     * Until the engine judges field by field, a per-resource collection error makes every rule on that resource
     * NOT_ASSESSED; that is still fail closed, and it must name the refused catalog.
     */
    private static boolean interimWholeResource(Finding f, Restriction r, List<CollectionError> errors) {
        return concerned(f, errors) && notAssessedNaming(f, r);
    }

    private static boolean concerned(Finding f, List<CollectionError> errors) {
        return errors.stream().anyMatch(e -> e.resource().map(f.resource().id()::equals).orElse(false));
    }

    private static Map<String, Finding> byKey(List<Finding> findings) {
        Map<String, Finding> out = new LinkedHashMap<>();
        findings.forEach(f -> out.put(f.ruleId() + " " + f.resource().id(), f));
        return out;
    }

    private static String describe(Finding f) {
        return f.ruleId() + " " + f.resource().id() + ": " + f.status() + " " + f.message();
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = RestrictedCatalogScanTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
