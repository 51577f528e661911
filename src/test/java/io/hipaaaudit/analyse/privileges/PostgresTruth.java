package io.hipaaaudit.analyse.privileges;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL's own answer for every (role, object, privilege): {@code has_schema_privilege},
 * {@code has_table_privilege}, {@code has_sequence_privilege}, {@code has_column_privilege} and
 * {@code has_function_privilege}, each asked with and without {@code WITH GRANT OPTION}, in one set-based query
 * per object kind. These functions check the object's own ACL only; schema USAGE is not part of their answer.
 */
final class PostgresTruth {
    /** One verdict; {@code object} is schema, relation, relation.column or function signature. */
    record Verdict(String role, String kind, String schema, String object, String column, String privilege,
                   boolean held, boolean grantOption) {}

    private static final String USER_SCHEMAS = " n.nspname not in ('pg_catalog', 'information_schema')"
            + " and n.nspname not like 'pg\\_%'";
    private static final String ROLES = "(select oid, rolname from pg_roles where rolname = any(?)) r";
    private static final String SCHEMAS = "select r.rolname, 'schema', n.nspname, n.nspname, '', p,"
            + " has_schema_privilege(r.oid, n.oid, p), has_schema_privilege(r.oid, n.oid, p || ' WITH GRANT OPTION')"
            + " from " + ROLES + " cross join pg_namespace n cross join unnest(array['USAGE', 'CREATE']) p"
            + " where" + USER_SCHEMAS;
    private static final String TABLES = "select r.rolname, 'relation', n.nspname, c.relname, '', p,"
            + " has_table_privilege(r.oid, c.oid, p), has_table_privilege(r.oid, c.oid, p || ' WITH GRANT OPTION')"
            + " from " + ROLES + " cross join pg_class c join pg_namespace n on n.oid = c.relnamespace"
            + " cross join unnest(?::text[]) p where c.relkind in ('r', 'v') and" + USER_SCHEMAS;
    private static final String SEQUENCES = "select r.rolname, 'relation', n.nspname, c.relname, '', p,"
            + " has_sequence_privilege(r.oid, c.oid, p), has_sequence_privilege(r.oid, c.oid, p || ' WITH GRANT OPTION')"
            + " from " + ROLES + " cross join pg_class c join pg_namespace n on n.oid = c.relnamespace"
            + " cross join unnest(array['USAGE', 'SELECT', 'UPDATE']) p where c.relkind = 'S' and" + USER_SCHEMAS;
    private static final String COLUMNS = "select r.rolname, 'column', n.nspname, c.relname, a.attname, p,"
            + " has_column_privilege(r.oid, c.oid, a.attnum, p),"
            + " has_column_privilege(r.oid, c.oid, a.attnum, p || ' WITH GRANT OPTION')"
            + " from " + ROLES + " cross join pg_class c join pg_namespace n on n.oid = c.relnamespace"
            + " join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped"
            + " cross join unnest(array['SELECT', 'INSERT', 'UPDATE', 'REFERENCES']) p"
            + " where c.relkind in ('r', 'v') and" + USER_SCHEMAS;
    private static final String FUNCTIONS = "select r.rolname, 'function', n.nspname,"
            + " f.proname || '(' || pg_get_function_identity_arguments(f.oid) || ')', '', 'EXECUTE',"
            + " has_function_privilege(r.oid, f.oid, 'EXECUTE'),"
            + " has_function_privilege(r.oid, f.oid, 'EXECUTE WITH GRANT OPTION')"
            + " from " + ROLES + " cross join pg_proc f join pg_namespace n on n.oid = f.pronamespace where" + USER_SCHEMAS;

    private PostgresTruth() {}

    static List<Verdict> ask(Connection c, List<String> roles, List<String> tablePrivileges) throws SQLException {
        List<Verdict> verdicts = new ArrayList<>();
        for (String sql : List.of(SCHEMAS, TABLES, SEQUENCES, COLUMNS, FUNCTIONS)) {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setArray(1, c.createArrayOf("text", roles.toArray()));
                if (sql == TABLES) {
                    s.setArray(2, c.createArrayOf("text", tablePrivileges.toArray()));
                }
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        verdicts.add(new Verdict(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), rs.getBoolean(7), rs.getBoolean(8)));
                    }
                }
            }
        }
        return verdicts;
    }
}
