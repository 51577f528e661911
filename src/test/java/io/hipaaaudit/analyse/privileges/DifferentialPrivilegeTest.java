package io.hipaaaudit.analyse.privileges;

import static org.assertj.core.api.Assertions.assertThat;

import io.hipaaaudit.analyse.privileges.PostgresTruth.Verdict;
import io.hipaaaudit.collect.postgres.PgCollection;
import io.hipaaaudit.collect.postgres.PgServers;
import io.hipaaaudit.collect.postgres.PgTarget;
import io.hipaaaudit.collect.postgres.PostgresCollector;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our effective privileges against PostgreSQL's own has_*_privilege functions, for every role, object and
 * privilege of randomly generated catalogs, with and without grant option. Like the has_* functions, the
 * comparison ignores schema USAGE gating (reported separately as {@code schemaUsage}). What each role can use after
 * any SET ROLE it is allowed is compared too, against the union of those functions over the roles it may switch to.
 *
 * <p>Seeds are fixed so a failure reproduces: {@code -Ddiff.seed=N} runs one seed, {@code -Ddiff.seeds=N} runs
 * seeds 1..N (default 12 per server version).
 */
@ParameterizedClass(name = "PostgreSQL {0}")
@MethodSource("io.hipaaaudit.collect.postgres.PgServers#majors")
class DifferentialPrivilegeTest {
    /** Verdicts compared across the run, reported by the build log for the record. */
    static long compared;
    /** (role, object, privilege) usable only after a SET ROLE, by PostgreSQL's answer, in the current test. */
    private long setRoleOnly;

    @Parameter
    int major;

    @Test
    void effectivePrivilegesMatchPostgresForRandomCatalogs() throws Exception {
        List<Long> seeds = seeds();
        long start = System.nanoTime();
        long before = compared;
        setRoleOnly = 0;
        for (long seed : seeds) {
            List<String> mismatches = compare(new RandomCatalog(seed, major));
            assertThat(mismatches).as("PostgreSQL %d, seed %d (rerun with -Ddiff.seed=%d)", major, seed, seed)
                    .isEmpty();
        }
        System.out.printf("differential PostgreSQL %d: %d seeds, %d verdicts compared (%d usable only after SET ROLE)"
                + " in %d ms%n", major, seeds.size(), compared - before, setRoleOnly,
                (System.nanoTime() - start) / 1_000_000);
        if (seeds.size() > 1) {
            assertThat(setRoleOnly).as("the random catalogs exercise SET ROLE reach").isPositive();
        }
    }

    private List<String> compare(RandomCatalog catalog) throws Exception {
        String database = "diff_" + catalog.seed;
        PgServers.createDatabase(major, database);
        List<String> roles = new ArrayList<>(catalog.roles);
        roles.add("postgres");
        // the predefined roles the catalog grants: SET ROLE to one gives what it holds implicitly
        roles.addAll(List.of("pg_read_all_data", "pg_write_all_data", "pg_maintain"));
        try {
            List<Verdict> truth;
            try (Connection c = PgServers.superuser(major, database)) {
                for (String statement : catalog.sql) {
                    PgServers.run(c, statement);
                }
                truth = PostgresTruth.ask(c, roles, Privileges.relation("table", major * 10000));
            }
            PgCollection collection = new PostgresCollector()
                    .collect(PgTarget.of(PgServers.url(major, database), "postgres", () -> null));
            assertThat(collection.errors()).isEmpty();
            EffectivePrivileges facts = new EffectivePrivileges(collection.database());
            List<String> mismatches = new ArrayList<>();
            try (Connection c = PgServers.superuser(major, database)) {
                mismatches.addAll(compareRoleReach(c, new RoleFacts(collection.database()), catalog.roles));
                mismatches.addAll(compareAfterSetRole(facts, truth, settable(c, roles)));
            }
            // the streamed rows of db privileges, SET ROLE rows included, are the fact base's
            List<PrivilegeRow> streamed = new ArrayList<>();
            PrivilegeReport.forEach(collection.database(), PrivilegeFilter.ALL, streamed::add);
            List<PrivilegeRow> reference = ReferenceRows.rows(facts);
            for (int i = 0; i < Math.max(streamed.size(), reference.size()); i++) {
                PrivilegeRow ours = i < streamed.size() ? streamed.get(i) : null;
                PrivilegeRow theirs = i < reference.size() ? reference.get(i) : null;
                if (ours == null || !ours.equals(theirs)) {
                    mismatches.add("streamed row " + i + " " + ours + " where the fact base has " + theirs);
                    break;
                }
            }
            for (Verdict v : truth) {
                compared++;
                Optional<Holding> ours = held(facts, v);
                boolean grant = grantOption(facts, v);
                if (ours.isPresent() != v.held() || grant != v.grantOption()) {
                    mismatches.add(String.format("%s %s %s.%s%s %s: postgres held=%s grant=%s, ours held=%s grant=%s via %s",
                            v.role(), v.kind(), v.schema(), v.object(), v.column().isEmpty() ? "" : "." + v.column(),
                            v.privilege(), v.held(), v.grantOption(), ours.isPresent(), grant,
                            ours.map(Holding::via).orElse(List.of())));
                }
            }
            if (!mismatches.isEmpty()) {
                mismatches.add("-- catalog:\n" + String.join(";\n", catalog.sql));
            }
            return mismatches;
        } finally {
            try (Connection c = PgServers.superuser(major, "postgres")) {
                PgServers.run(c, "DROP DATABASE " + PgServers.quote(database));
                for (String role : catalog.roles) {
                    PgServers.run(c, "DROP ROLE " + PgServers.quote(role));
                }
            }
        }
    }

    /**
     * Role reach against {@code pg_has_role}: SET ROLE reach ('SET' from 16, 'MEMBER' before, when every membership
     * allows SET ROLE), inherited privileges ('USAGE'), and acting as a role, which is SET ROLE to some role and
     * then that role's inherited privileges. Superusers pass every test and are left out as members.
     */
    private List<String> compareRoleReach(Connection c, RoleFacts facts, List<String> roles) throws Exception {
        String set = major >= 16 ? "SET" : "MEMBER";
        Map<String, Set<String>> settable = new HashMap<>();
        Map<String, Set<String>> usable = new HashMap<>();
        try (var st = c.prepareStatement("select a.rolname, b.rolname, pg_has_role(a.oid, b.oid, '" + set
                + "'), pg_has_role(a.oid, b.oid, 'USAGE') from pg_roles a, pg_roles b"
                + " where not a.rolsuper and a.rolname = any(?) and b.rolname = any(?)")) {
            var names = c.createArrayOf("text", roles.toArray());
            st.setArray(1, names);
            st.setArray(2, names);
            try (var rs = st.executeQuery()) {
                while (rs.next()) {
                    settable.computeIfAbsent(rs.getString(1), k -> new HashSet<>());
                    usable.computeIfAbsent(rs.getString(1), k -> new HashSet<>());
                    if (rs.getBoolean(3)) {
                        settable.get(rs.getString(1)).add(rs.getString(2));
                    }
                    if (rs.getBoolean(4)) {
                        usable.get(rs.getString(1)).add(rs.getString(2));
                    }
                }
            }
        }
        List<String> mismatches = new ArrayList<>();
        for (String a : settable.keySet()) {
            Set<String> actsAs = new HashSet<>();
            settable.get(a).forEach(y -> actsAs.addAll(usable.getOrDefault(y, Set.of(y))));
            for (String b : roles) {
                compared += 3;
                if (settable.get(a).contains(b) != facts.settable(a).containsKey(b)) {
                    mismatches.add(a + " SET ROLE " + b + ": postgres " + settable.get(a).contains(b));
                }
                if (usable.get(a).contains(b) != facts.usable(a).containsKey(b)) {
                    mismatches.add(a + " USAGE of " + b + ": postgres " + usable.get(a).contains(b));
                }
                if (actsAs.contains(b) != facts.reachable(a).containsKey(b)) {
                    mismatches.add(a + " acts as " + b + ": postgres " + actsAs.contains(b) + ", ours via "
                            + facts.reachable(a).get(b));
                }
            }
        }
        return mismatches;
    }

    /**
     * What a role can use after any SET ROLE it is allowed: for each role r and (object, privilege), the analyser's
     * rows (held, or {@link EffectivePrivileges#afterSetRole}) against the union over r and every t with
     * {@code pg_has_role(r, t, 'SET')} of {@code has_*_privilege(t, object, privilege)}. Where only a switch gives
     * the privilege, the switched row's grant option against the same union of {@code ... WITH GRANT OPTION} over
     * the targets that hold it (not for columns: a column row yields to the table row of a switch, whichever
     * grants).
     */
    private List<String> compareAfterSetRole(EffectivePrivileges facts, List<Verdict> truth,
                                             Map<String, Set<String>> settable) {
        Map<List<String>, Map<String, Verdict>> byObject = new HashMap<>();
        for (Verdict v : truth) {
            byObject.computeIfAbsent(List.of(v.kind(), v.schema(), v.object(), v.column(), v.privilege()),
                    k -> new HashMap<>()).put(v.role(), v);
        }
        List<String> mismatches = new ArrayList<>();
        for (Map<String, Verdict> verdicts : byObject.values()) {
            for (Verdict v : verdicts.values()) {
                boolean viaSet = false;
                boolean grantViaSet = false;
                for (String target : settable.getOrDefault(v.role(), Set.of())) {
                    Verdict theirs = verdicts.get(target);
                    viaSet |= theirs.held();
                    grantViaSet |= theirs.held() && theirs.grantOption();
                }
                compared++;
                Optional<Holding> held = held(facts, v);
                Optional<SetRoleHolding> after = held.isPresent() ? Optional.empty() : afterSetRole(facts, v);
                if (!v.held() && viaSet) {
                    setRoleOnly++;
                }
                if ((v.held() || viaSet) != (held.isPresent() || after.isPresent())) {
                    mismatches.add(String.format("%s %s %s.%s%s %s after SET ROLE: postgres %s, ours %s", v.role(),
                            v.kind(), v.schema(), v.object(), v.column().isEmpty() ? "" : "." + v.column(),
                            v.privilege(), v.held() || viaSet, after.map(a -> a.holding().via())
                                    .orElse(held.map(Holding::via).orElse(List.of()))));
                } else if (after.isPresent() && !v.kind().equals("column")
                        && after.get().holding().grantable() != grantViaSet) {
                    compared++;
                    mismatches.add(String.format("%s %s %s.%s %s after SET ROLE: postgres grant option %s, ours %s"
                            + " via %s", v.role(), v.kind(), v.schema(), v.object(), v.privilege(), grantViaSet,
                            after.get().holding().grantable(), after.get().holding().via()));
                }
            }
        }
        return mismatches;
    }

    /** {@code pg_has_role(a, b, 'SET')} ('MEMBER' before 16, when every membership allows SET ROLE), b other than a. */
    private Map<String, Set<String>> settable(Connection c, List<String> roles) throws Exception {
        Map<String, Set<String>> settable = new HashMap<>();
        try (var st = c.prepareStatement("select a.rolname, b.rolname from pg_roles a, pg_roles b"
                + " where a.rolname = any(?) and b.rolname = any(?) and a.oid <> b.oid"
                + " and pg_has_role(a.oid, b.oid, '" + (major >= 16 ? "SET" : "MEMBER") + "')")) {
            var names = c.createArrayOf("text", roles.toArray());
            st.setArray(1, names);
            st.setArray(2, names);
            try (var rs = st.executeQuery()) {
                while (rs.next()) {
                    settable.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getString(2));
                }
            }
        }
        return settable;
    }

    private static Optional<SetRoleHolding> afterSetRole(EffectivePrivileges facts, Verdict v) {
        return switch (v.kind()) {
            case "schema" -> facts.schema(v.schema()).map(o -> facts.afterSetRole(v.role(), o).get(v.privilege()));
            case "relation" -> facts.relation(v.schema(), v.object())
                    .map(o -> facts.afterSetRole(v.role(), o).get(v.privilege()));
            case "column" -> facts.relation(v.schema(), v.object())
                    .map(o -> facts.afterSetRole(v.role(), o).get(v.privilege()))
                    .or(() -> facts.columnGrants(v.schema(), v.object(), v.column())
                            .map(o -> facts.afterSetRole(v.role(), o).get(v.privilege())));
            default -> facts.function(v.schema(), v.object())
                    .map(o -> facts.afterSetRole(v.role(), o).get(v.privilege()));
        };
    }

    private static Optional<Holding> held(EffectivePrivileges facts, Verdict v) {
        return switch (v.kind()) {
            case "schema" -> facts.schema(v.schema()).flatMap(o -> o.holding(v.role(), v.privilege()));
            case "relation" -> facts.relation(v.schema(), v.object()).flatMap(o -> o.holding(v.role(), v.privilege()));
            case "column" -> facts.column(v.role(), v.schema(), v.object(), v.column(), v.privilege());
            default -> facts.function(v.schema(), v.object()).flatMap(o -> o.holding(v.role(), v.privilege()));
        };
    }

    private static boolean grantOption(EffectivePrivileges facts, Verdict v) {
        return switch (v.kind()) {
            case "schema" -> facts.grantOption(facts.schema(v.schema()).orElseThrow(), v.role(), v.privilege());
            case "relation" -> facts.grantOption(facts.relation(v.schema(), v.object()).orElseThrow(), v.role(),
                    v.privilege());
            case "column" -> facts.grantOption(facts.relation(v.schema(), v.object()).orElseThrow(), v.role(),
                    v.privilege()) || facts.columnGrants(v.schema(), v.object(), v.column())
                    .map(c -> facts.grantOption(c, v.role(), v.privilege())).orElse(false);
            default -> facts.grantOption(facts.function(v.schema(), v.object()).orElseThrow(), v.role(), v.privilege());
        };
    }

    private static List<Long> seeds() {
        String one = System.getProperty("diff.seed");
        if (one != null) {
            return List.of(Long.parseLong(one));
        }
        int count = Integer.getInteger("diff.seeds", 12);
        List<Long> seeds = new ArrayList<>();
        for (long s = 1; s <= count; s++) {
            seeds.add(s);
        }
        return seeds;
    }
}
