package io.hipaaaudit.analyse.privileges;

import static io.hipaaaudit.collect.postgres.PgServers.quote;
import static org.assertj.core.api.Assertions.assertThat;

import io.hipaaaudit.analyse.privileges.FutureGrants.Entry;
import io.hipaaaudit.collect.postgres.PgCollection;
import io.hipaaaudit.collect.postgres.PgServers;
import io.hipaaaudit.collect.postgres.PgTarget;
import io.hipaaaudit.collect.postgres.PostgresCollector;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Future grants against what PostgreSQL really gives new objects: random ALTER DEFAULT PRIVILEGES (schema-less
 * and per schema, GRANT and REVOKE, to PUBLIC, other roles and the creator itself, with grant option), then each
 * creator creates a table, sequence, function and type in every schema, a schema (and from PostgreSQL 18 a large
 * object), and each object's real ACL (aclexplode of its ACL, or of acldefault() when NULL) must equal the
 * predicted one.
 *
 * <p>Seeds are fixed so a failure reproduces: {@code -Ddiff.seed=N} runs one seed, {@code -Dfuture.seeds=N}
 * runs seeds 1..N (default 4 per server version).
 */
@ParameterizedClass(name = "PostgreSQL {0}")
@MethodSource("io.hipaaaudit.collect.postgres.PgServers#majors")
class FutureGrantDifferentialTest {
    private static final List<String> SCHEMAS = List.of("Sch ü", "plain_s", "public");
    private static final List<String> IN_SCHEMA_TYPES = List.of("table", "sequence", "function", "type");

    @Parameter
    int major;

    /** Functions PostgreSQL refused to create because their creator would lack EXECUTE on them, as predicted. */
    private int refused;

    @Test
    void futureGrantsMatchTheAclsOfObjectsCreatedAfterwards() throws Exception {
        long start = System.nanoTime();
        int compared = 0;
        for (long seed : seeds()) {
            List<String> mismatches = new ArrayList<>();
            compared += compare(seed, mismatches);
            assertThat(mismatches).as("PostgreSQL %d, seed %d (rerun with -Ddiff.seed=%d)", major, seed, seed)
                    .isEmpty();
        }
        System.out.printf("future grants PostgreSQL %d: %d objects compared, %d functions refused as predicted,"
                + " in %d ms%n", major, compared, refused, (System.nanoTime() - start) / 1_000_000);
    }

    private int compare(long seed, List<String> mismatches) throws Exception {
        String database = "future_" + seed;
        Random random = new Random(seed);
        List<String> roles = List.of("c0 Big", "c1\"q", "c2 Ünï", "other");
        List<String> creators = roles.subList(0, 3);
        List<String> setup = new ArrayList<>();
        PgServers.createDatabase(major, database);
        try {
            try (Connection c = PgServers.superuser(major, "postgres")) {
                for (String role : roles) {
                    PgServers.run(c, "CREATE ROLE " + quote(role) + (role.startsWith("c2") && random.nextBoolean()
                            ? " SUPERUSER" : ""));
                }
                PgServers.run(c, "GRANT CREATE ON DATABASE " + quote(database) + " TO PUBLIC");
            }
            setup.addAll(defaultPrivileges(random, creators, roles));
            try (Connection c = PgServers.superuser(major, database)) {
                for (String schema : SCHEMAS.subList(0, 2)) {
                    PgServers.run(c, "CREATE SCHEMA " + quote(schema));
                }
                for (String schema : SCHEMAS) {
                    PgServers.run(c, "GRANT CREATE, USAGE ON SCHEMA " + quote(schema) + " TO PUBLIC");
                }
                for (String statement : setup) {
                    PgServers.run(c, statement);
                }
            }
            PgCollection collection = new PostgresCollector()
                    .collect(PgTarget.of(PgServers.url(major, database), "postgres", () -> null));
            assertThat(collection.errors()).isEmpty();
            List<FutureGrant> future = FutureGrants.of(collection.database());
            int compared = 0;
            try (Connection c = PgServers.superuser(major, database)) {
                for (int i = 0; i < creators.size(); i++) {
                    String creator = creators.get(i);
                    PgServers.run(c, "SET ROLE " + quote(creator));
                    for (String schema : SCHEMAS) {
                        for (String type : IN_SCHEMA_TYPES) {
                            String name = quote(schema) + "." + quote(type + i);
                            try {
                                PgServers.run(c, create(type, name));
                            } catch (java.sql.SQLException e) {
                                // a language validator needs EXECUTE on the new function: a creator whose new
                                // functions would not grant it EXECUTE cannot create one (superusers aside)
                                if (type.equals("function") && "42501".equals(e.getSQLState())
                                        && FutureGrants.acl(future, creator, Optional.of(schema), type).stream()
                                        .noneMatch(g -> g.grantee().equals(creator))) {
                                    refused++;
                                    continue;
                                }
                                throw new AssertionError(create(type, name) + " as " + creator + ": " + e.getMessage()
                                        + "\n-- default privileges:\n" + String.join(";\n", setup), e);
                            }
                            compared++;
                            check(mismatches, future, creator, Optional.of(schema), type, actual(c, type, name));
                        }
                    }
                    String schema = "new schema " + i;
                    PgServers.run(c, "CREATE SCHEMA " + quote(schema));
                    compared++;
                    check(mismatches, future, creator, Optional.empty(), "schema", actual(c, "schema", schema));
                    if (major >= 18) {
                        long oid;
                        try (ResultSet rs = c.createStatement().executeQuery("select lo_create(0)")) {
                            rs.next();
                            oid = rs.getLong(1);
                        }
                        compared++;
                        check(mismatches, future, creator, Optional.empty(), "large_object",
                                actual(c, "large_object", Long.toString(oid)));
                    }
                    PgServers.run(c, "RESET ROLE");
                }
            }
            if (!mismatches.isEmpty()) {
                mismatches.add("-- default privileges:\n" + String.join(";\n", setup));
            }
            return compared;
        } finally {
            try (Connection c = PgServers.superuser(major, "postgres")) {
                PgServers.run(c, "DROP DATABASE " + quote(database));
                for (String role : roles) {
                    PgServers.run(c, "DROP ROLE " + quote(role));
                }
            }
        }
    }

    /** ALTER DEFAULT PRIVILEGES for every creator but the last, which keeps the built-in default. */
    private static List<String> defaultPrivileges(Random random, List<String> creators, List<String> roles) {
        List<String> sql = new ArrayList<>();
        // the cases the built-in default makes interesting, then random ones on top
        sql.add("ALTER DEFAULT PRIVILEGES FOR ROLE " + quote(creators.get(0)) + " REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC");
        sql.add("ALTER DEFAULT PRIVILEGES FOR ROLE " + quote(creators.get(1)) + " REVOKE ALL ON TABLES FROM "
                + quote(creators.get(1)));
        sql.add("ALTER DEFAULT PRIVILEGES FOR ROLE " + quote(creators.get(1)) + " REVOKE ALL ON SEQUENCES FROM "
                + quote(creators.get(1)));
        sql.add("ALTER DEFAULT PRIVILEGES FOR ROLE " + quote(creators.get(1)) + " GRANT USAGE ON SEQUENCES TO "
                + quote(roles.get(3)));
        String[][] kinds = {{"TABLES", "SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER"},
                {"SEQUENCES", "USAGE", "SELECT", "UPDATE"}, {"FUNCTIONS", "EXECUTE"}, {"TYPES", "USAGE"},
                {"SCHEMAS", "USAGE", "CREATE"}};
        int count = 10 + random.nextInt(12);
        for (int n = 0; n < count; n++) {
            String creator = creators.get(random.nextInt(creators.size() - 1));
            String[] kind = kinds[random.nextInt(kinds.length)];
            boolean inSchema = !kind[0].equals("SCHEMAS") && random.nextDouble() < 0.45;
            String privilege = random.nextDouble() < 0.3 ? "ALL" : kind[1 + random.nextInt(kind.length - 1)];
            double who = random.nextDouble();
            String grantee = who < 0.3 ? "PUBLIC" : who < 0.6 ? quote(creator) : quote(pick(random, roles));
            boolean grant = random.nextDouble() < 0.55;
            StringBuilder s = new StringBuilder("ALTER DEFAULT PRIVILEGES FOR ROLE ").append(quote(creator));
            if (inSchema) {
                s.append(" IN SCHEMA ").append(quote(pick(random, SCHEMAS)));
            }
            boolean grantOption = !grantee.equals("PUBLIC") && random.nextDouble() < 0.3;
            if (grant) {
                s.append(" GRANT ").append(privilege).append(" ON ").append(kind[0]).append(" TO ").append(grantee)
                        .append(grantOption ? " WITH GRANT OPTION" : "");
            } else {
                s.append(" REVOKE ").append(grantOption ? "GRANT OPTION FOR " : "").append(privilege).append(" ON ")
                        .append(kind[0]).append(" FROM ").append(grantee);
            }
            sql.add(s.toString());
        }
        return sql;
    }

    private static String create(String type, String name) {
        return switch (type) {
            case "table" -> "CREATE TABLE " + name + " (id int)";
            case "sequence" -> "CREATE SEQUENCE " + name;
            case "function" -> "CREATE FUNCTION " + name + "() RETURNS int LANGUAGE sql AS 'SELECT 1'";
            default -> "CREATE TYPE " + name + " AS ENUM ('a')";
        };
    }

    /** The object's ACL as PostgreSQL has it, NULL read as acldefault(). */
    private static Set<Entry> actual(Connection c, String type, String name) throws Exception {
        String acl = switch (type) {
            case "table", "sequence" -> "select coalesce(relacl, acldefault((case when relkind = 'S' then 's' else 'r'"
                    + " end)::\"char\", relowner)) from pg_class where oid = ?::text::regclass";
            case "function" -> "select coalesce(proacl, acldefault('f'::\"char\", proowner)) from pg_proc"
                    + " where oid = (?::text || '()')::regprocedure";
            case "type" -> "select coalesce(typacl, acldefault('T'::\"char\", typowner)) from pg_type where oid = ?::text::regtype";
            case "schema" -> "select coalesce(nspacl, acldefault('n'::\"char\", nspowner)) from pg_namespace where nspname = ?";
            default -> "select coalesce(lomacl, acldefault('L'::\"char\", lomowner)) from pg_largeobject_metadata"
                    + " where oid = ?::text::oid";
        };
        Set<Entry> entries = new HashSet<>();
        try (PreparedStatement st = c.prepareStatement("select case when x.grantee = 0 then 'PUBLIC'"
                + " else pg_get_userbyid(x.grantee) end, x.privilege_type, x.is_grantable from aclexplode((" + acl
                + ")) x")) {
            st.setString(1, name);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    entries.add(new Entry(rs.getString(1), rs.getString(2), rs.getBoolean(3)));
                }
            }
        }
        return entries;
    }

    private static void check(List<String> mismatches, List<FutureGrant> future, String creator,
                              Optional<String> schema, String type, Set<Entry> actual) {
        Set<Entry> predicted = FutureGrants.acl(future, creator, schema, type);
        if (!predicted.equals(actual)) {
            mismatches.add(String.format("%s %s in %s: postgres %s, predicted %s", creator, type,
                    schema.orElse("*"), actual, predicted));
        }
    }

    private static <T> T pick(Random random, List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    private static List<Long> seeds() {
        String one = System.getProperty("diff.seed");
        if (one != null) {
            return List.of(Long.parseLong(one));
        }
        int count = Integer.getInteger("future.seeds", 4);
        List<Long> seeds = new ArrayList<>();
        for (long s = 1; s <= count; s++) {
            seeds.add(s);
        }
        return seeds;
    }
}
