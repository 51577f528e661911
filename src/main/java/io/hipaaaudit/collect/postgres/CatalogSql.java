package io.hipaaaudit.collect.postgres;

import io.hipaaaudit.inventory.pg.AclItem;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * SQL pieces every catalog query shares. ACLs are always read with {@code aclexplode} over the effective ACL
 * ({@code coalesce(acl, acldefault(type, owner))}): a NULL ACL means "the built-in default", not "no grants",
 * and PostgreSQL itself is the only correct parser of its ACL text.
 */
final class CatalogSql {
    private CatalogSql() {}

    /**
     * Schemas that hold the system itself; their objects are the same on every server, readable by PUBLIC by
     * design, and would drown the application's objects in the privilege report.
     */
    static String userSchema(String nspname) {
        return nspname + " <> 'pg_catalog' and " + nspname + " <> 'information_schema' and " + nspname
                + " not like 'pg\\_toast%' and " + nspname + " not like 'pg\\_temp\\_%'";
    }

    /**
     * The name of the schema with OID {@code oid}, without reading pg_namespace: the regnamespace output function
     * looks the name up in the server's catalog cache (no privilege applies) and quotes it like an identifier,
     * and parse_ident undoes exactly that quoting. So a role refused pg_namespace still sees which schema each
     * table, function or extension is in, and only the schema listing itself is unknown.
     */
    static String schemaName(String oid) {
        return "(parse_ident(" + oid + "::regnamespace::text))[1]";
    }

    /** Columns grantor, grantee, privilege, grantable of an exploded ACL aliased {@code x}. */
    static final String ACL_COLUMNS = "pg_get_userbyid(x.grantor) as acl_grantor, "
            + "case when x.grantee = 0 then 'PUBLIC' else pg_get_userbyid(x.grantee) end as acl_grantee, "
            + "x.privilege_type as acl_privilege, x.is_grantable as acl_grantable";

    /** The ACL item of the current row, or null when a left join found none. */
    static AclItem aclItem(ResultSet row) throws SQLException {
        String privilege = row.getString("acl_privilege");
        if (privilege == null) {
            return null;
        }
        return new AclItem(row.getString("acl_grantor"), row.getString("acl_grantee"), privilege,
                row.getBoolean("acl_grantable"));
    }
}
