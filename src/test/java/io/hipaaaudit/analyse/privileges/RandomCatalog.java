package io.hipaaaudit.analyse.privileges;

import static io.hipaaaudit.collect.postgres.PgServers.quote;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A random but reproducible catalog: roles with and without INHERIT (a few superusers), an acyclic membership
 * graph (PostgreSQL 16+: per-grant INHERIT and SET options), predefined-role memberships, schemas, tables,
 * a view, a sequence and a function owned by random roles, and random table, column, schema, sequence, function
 * and PUBLIC grants and revokes. Names carry spaces, quotes, capitals and non-ASCII letters on purpose.
 */
final class RandomCatalog {
    private static final String[] TABLE_PRIVILEGES = {"SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE",
            "REFERENCES", "TRIGGER"};
    private static final String[] COLUMN_PRIVILEGES = {"SELECT", "INSERT", "UPDATE", "REFERENCES"};
    private static final String[] COLUMNS = {"id", "Full Name", "ssn\"x"};

    final long seed;
    final int major;
    final List<String> roles = new ArrayList<>();
    final List<String> schemas = new ArrayList<>();
    final List<String> relations = new ArrayList<>(); // qualified, quoted
    final List<String> sql = new ArrayList<>();
    private final Random random;

    RandomCatalog(long seed, int major) {
        this.seed = seed;
        this.major = major;
        this.random = new Random(seed);
        generate();
    }

    private void generate() {
        int roleCount = 6 + random.nextInt(5);
        for (int i = 0; i < roleCount; i++) {
            String name = "r" + i + (i % 3 == 0 ? " Big" : "") + (i % 4 == 1 ? "\"q" : "") + (i % 5 == 2 ? " Ünï" : "");
            roles.add(name);
            sql.add("CREATE ROLE " + quote(name) + (chance(0.3) ? " NOINHERIT" : "") + (chance(0.06) ? " SUPERUSER" : ""));
        }
        for (int i = 1; i < roleCount; i++) {
            for (int j = 0; j < i; j++) {
                if (chance(0.3)) {
                    sql.add("GRANT " + quote(roles.get(j)) + " TO " + quote(roles.get(i)) + membershipOptions());
                }
            }
        }
        List<String> predefined = new ArrayList<>();
        if (major >= 14) {
            predefined.addAll(List.of("pg_read_all_data", "pg_write_all_data"));
        }
        if (major >= 17) {
            predefined.add("pg_maintain");
        }
        for (String p : predefined) {
            if (chance(0.5)) {
                sql.add("GRANT " + p + " TO " + quote(pick(roles)));
            }
        }
        for (int s = 0; s < 2; s++) {
            String schema = s == 0 ? "Sch ü" : "plain_s";
            schemas.add(schema);
            sql.add("CREATE SCHEMA " + quote(schema) + " AUTHORIZATION " + quote(pick(roles)));
            sql.add("GRANT " + (chance(0.5) ? "USAGE" : "CREATE") + " ON SCHEMA " + quote(schema) + " TO "
                    + grantee(false));
        }
        schemas.add("public");
        for (int t = 0; t < 4; t++) {
            String table = quote(pick(schemas)) + "." + quote("T" + t + (t == 1 ? " Patients" : ""));
            relations.add(table);
            sql.add("CREATE TABLE " + table + " (id int, " + quote(COLUMNS[1]) + " text, " + quote(COLUMNS[2]) + " text)");
            sql.add("ALTER TABLE " + table + " OWNER TO " + quote(pick(roles)));
        }
        String view = quote(pick(schemas)) + ".\"V iew\"";
        sql.add("CREATE VIEW " + view + " AS SELECT id FROM " + relations.get(0));
        sql.add("ALTER VIEW " + view + " OWNER TO " + quote(pick(roles)));
        relations.add(view);
        String sequence = quote(pick(schemas)) + ".\"Seq\"";
        sql.add("CREATE SEQUENCE " + sequence);
        sql.add("ALTER SEQUENCE " + sequence + " OWNER TO " + quote(pick(roles)));
        String function = quote(pick(schemas)) + ".\"F n\"(int)";
        sql.add("CREATE FUNCTION " + function + " RETURNS int LANGUAGE sql AS 'SELECT 1'");
        sql.add("ALTER FUNCTION " + function + " OWNER TO " + quote(pick(roles)));
        if (chance(0.5)) {
            sql.add("REVOKE EXECUTE ON FUNCTION " + function + " FROM PUBLIC");
        }
        sql.add("GRANT EXECUTE ON FUNCTION " + function + " TO " + grantee(true));
        sql.add("GRANT " + pick(List.of("USAGE", "SELECT", "UPDATE")) + " ON SEQUENCE " + sequence + " TO " + grantee(true));
        int grants = 10 + random.nextInt(10);
        for (int g = 0; g < grants; g++) {
            String table = pick(relations.subList(0, 4));
            double kind = random.nextDouble();
            if (kind < 0.55) {
                sql.add("GRANT " + pick(List.of(TABLE_PRIVILEGES)) + " ON " + pick(relations) + " TO " + grantee(true));
            } else if (kind < 0.85) {
                sql.add("GRANT " + pick(List.of(COLUMN_PRIVILEGES)) + " (" + quote(pick(List.of(COLUMNS))) + ") ON "
                        + table + " TO " + grantee(true));
            } else {
                // an owner may take privileges away from itself; grant options stay implicit
                sql.add("REVOKE " + pick(List.of(TABLE_PRIVILEGES)) + " ON " + table + " FROM "
                        + (chance(0.5) ? "PUBLIC" : quote(pick(roles))));
            }
        }
    }

    private String membershipOptions() {
        List<String> options = new ArrayList<>();
        if (chance(0.2)) {
            options.add("ADMIN OPTION");
        }
        if (major >= 16 && chance(0.5)) {
            options.add("INHERIT " + (chance(0.5) ? "TRUE" : "FALSE"));
        }
        if (major >= 16 && chance(0.3)) {
            options.add("SET FALSE");
        }
        return options.isEmpty() ? "" : " WITH " + String.join(", ", options);
    }

    private String grantee(boolean grantOptionAllowed) {
        if (chance(0.15)) {
            return "PUBLIC";
        }
        return quote(pick(roles)) + (grantOptionAllowed && chance(0.25) ? " WITH GRANT OPTION" : "");
    }

    private boolean chance(double p) {
        return random.nextDouble() < p;
    }

    private <T> T pick(List<T> from) {
        return from.get(random.nextInt(from.size()));
    }
}
