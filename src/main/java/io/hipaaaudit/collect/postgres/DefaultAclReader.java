package io.hipaaaudit.collect.postgres;

import io.hipaaaudit.inventory.ResourceTypes;
import io.hipaaaudit.inventory.pg.PgDefaultAcl;
import java.util.List;
import java.util.Optional;

/**
 * {@code ALTER DEFAULT PRIVILEGES} entries as stored: a schema-less entry replaces the built-in default for
 * that role and object type, a schema entry adds to it (the analyser combines them).
 */
final class DefaultAclReader {
    private static final String SQL = "select d.oid, pg_get_userbyid(d.defaclrole) as role,"
            + " case when d.defaclnamespace = 0 then null else " + CatalogSql.schemaName("d.defaclnamespace")
            + " end as nspname, d.defaclobjtype::text as objtype, " + CatalogSql.ACL_COLUMNS
            + " from pg_default_acl d left join lateral aclexplode(d.defaclacl) x on true order by 2, 3 nulls first, 4";

    private record Head(String role, Optional<String> schema, String objectType) {}

    private final CatalogSession session;

    DefaultAclReader(CatalogSession session) {
        this.session = session;
    }

    List<PgDefaultAcl> defaultAcls() {
        AclGroups<Long, Head> groups = new AclGroups<>();
        boolean complete = session.query("pg_catalog.pg_default_acl", List.of(ResourceTypes.PG_DEFAULT_ACL), SQL,
                row -> groups.add(row,
                row.getLong("oid"), r -> new Head(r.getString("role"), Optional.ofNullable(r.getString("nspname")),
                        objectType(r.getString("objtype")))));
        if (!complete) {
            return List.of();
        }
        return groups.build((head, acl) -> new PgDefaultAcl(head.role(), head.schema(), head.objectType(), acl));
    }

    static String objectType(String defaclobjtype) {
        return switch (defaclobjtype) {
            case "r" -> "table";
            case "S" -> "sequence";
            case "f" -> "function";
            case "T" -> "type";
            case "n" -> "schema";
            case "L" -> "large_object";
            default -> defaclobjtype;
        };
    }
}
