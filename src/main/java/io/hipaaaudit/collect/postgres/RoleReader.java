package io.hipaaaudit.collect.postgres;

import io.hipaaaudit.inventory.ResourceTypes;
import io.hipaaaudit.inventory.pg.PgMembership;
import io.hipaaaudit.inventory.pg.PgRole;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Roles from {@code pg_roles} and memberships from {@code pg_auth_members}. */
final class RoleReader {
    private static final String ROLES = "select rolname, rolsuper, rolinherit, rolcreaterole, rolcreatedb, rolcanlogin,"
            + " rolreplication, rolbypassrls, rolconnlimit, rolvaliduntil, rolconfig from pg_roles order by rolname";
    // pg_authid is the only place that tells whether a password is set; only superusers may read it (not on RDS)
    private static final String PASSWORDS = "select rolname from pg_authid where rolpassword is not null";
    private static final String CAN_READ_AUTHID = "select has_table_privilege('pg_catalog.pg_authid', 'SELECT')";
    private static final String MEMBERS = "select r.rolname as role, m.rolname as member,"
            + " coalesce(g.rolname, '') as grantor, am.admin_option, %s"
            + " from pg_auth_members am join pg_roles r on r.oid = am.roleid join pg_roles m on m.oid = am.member"
            + " left join pg_roles g on g.oid = am.grantor order by 1, 2, 3";
    private static final String OPTIONS_16 = "am.inherit_option, am.set_option";
    private static final String OPTIONS_OLD = "null::boolean as inherit_option, null::boolean as set_option";
    // the database owner is an implicit member of pg_database_owner (PostgreSQL 14+), recorded nowhere
    private static final String DATABASE_OWNER = "select pg_get_userbyid(datdba) from pg_database"
            + " where datname = current_database() and to_regrole('pg_database_owner') is not null";

    private static final List<String> TYPES = List.of(ResourceTypes.PG_ROLE);

    private final CatalogSession session;
    private final int versionNum;
    private boolean rolesListed;

    RoleReader(CatalogSession session, int versionNum) {
        this.session = session;
        this.versionNum = versionNum;
    }

    List<PgRole> roles() {
        Set<String> withPassword = new HashSet<>();
        boolean[] readable = {false};
        // a role that may not read pg_authid (every role but a superuser, and everyone on RDS) simply does not know
        // which roles have a password: passwordSet stays absent, as it does when the query is refused
        session.attempt("pg_catalog.pg_authid", CAN_READ_AUTHID, row -> readable[0] = row.getBoolean(1));
        if (readable[0] && session.attempt("pg_catalog.pg_authid", PASSWORDS, row -> withPassword.add(row.getString(1)))
                .isPresent()) {
            readable[0] = false;
        }
        List<PgRole> roles = new ArrayList<>();
        rolesListed = session.query("pg_catalog.pg_roles", TYPES, ROLES,
                row -> roles.add(role(row, readable[0], withPassword)));
        return rolesListed ? roles : List.of();
    }

    List<PgMembership> memberships() {
        boolean pg16 = versionNum >= 160000;
        List<PgMembership> memberships = new ArrayList<>();
        if (!rolesListed) {
            // the roles are unknown already, and the query names its roles through pg_roles too
            return memberships;
        }
        // memberships decide what every role can reach: without them no role's derived facts are known
        session.query("pg_catalog.pg_auth_members", TYPES, MEMBERS.formatted(pg16 ? OPTIONS_16 : OPTIONS_OLD),
                row -> memberships.add(new PgMembership(row.getString("role"), row.getString("member"),
                        row.getString("grantor"), row.getBoolean("admin_option"), optionalBoolean(row, "inherit_option"),
                        optionalBoolean(row, "set_option"))));
        session.query("pg_catalog.pg_database", TYPES, DATABASE_OWNER, row -> memberships.add(
                new PgMembership("pg_database_owner", row.getString(1), "", false,
                        pg16 ? Optional.of(true) : Optional.empty(), pg16 ? Optional.of(true) : Optional.empty())));
        return memberships;
    }

    private static PgRole role(ResultSet row, boolean passwordsKnown, Set<String> withPassword) throws SQLException {
        String name = row.getString("rolname");
        // 'infinity' means the same as no limit; keep it out of the inventory as a year-292278994 instant
        Timestamp validUntil = "infinity".equals(row.getString("rolvaliduntil")) ? null : row.getTimestamp("rolvaliduntil");
        return new PgRole(name, row.getBoolean("rolsuper"), row.getBoolean("rolinherit"),
                row.getBoolean("rolcreaterole"), row.getBoolean("rolcreatedb"), row.getBoolean("rolcanlogin"),
                row.getBoolean("rolreplication"), row.getBoolean("rolbypassrls"), row.getInt("rolconnlimit"),
                Optional.ofNullable(validUntil).map(Timestamp::toInstant),
                passwordsKnown ? Optional.of(withPassword.contains(name)) : Optional.empty(),
                strings(row.getArray("rolconfig")));
    }

    private static Optional<Boolean> optionalBoolean(ResultSet row, String column) throws SQLException {
        boolean value = row.getBoolean(column);
        return row.wasNull() ? Optional.empty() : Optional.of(value);
    }

    static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return List.of((String[]) array.getArray());
    }
}
