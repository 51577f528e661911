package io.hipaaaudit.collect.postgres;

import io.hipaaaudit.inventory.ResourceTypes;
import io.hipaaaudit.inventory.pg.PgRelation;
import io.hipaaaudit.inventory.pg.PgRelation.PgColumn;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tables, views, materialized views, foreign tables and sequences with their effective ACLs, then every column
 * with its column-level ACL: two set-based queries whatever the number of relations. Column ACLs have no
 * built-in default (table-level privileges cover columns), so a NULL {@code attacl} is simply "none".
 */
final class RelationReader {
    private static final String RELATIONS = "select c.oid, n.nspname, c.relname, c.relkind,"
            + " pg_get_userbyid(c.relowner) as owner, c.relrowsecurity, c.relforcerowsecurity,"
            + " obj_description(c.oid, 'pg_class') as comment, " + CatalogSql.ACL_COLUMNS
            + " from pg_class c join pg_namespace n on n.oid = c.relnamespace"
            + " left join lateral aclexplode(coalesce(c.relacl,"
            + " acldefault(case when c.relkind = 'S' then 's' else 'r' end::\"char\", c.relowner))) x on true"
            + " where c.relkind in ('r', 'p', 'v', 'm', 'f', 'S') and " + CatalogSql.userSchema("n.nspname")
            + " order by n.nspname, c.relname";
    private static final String COLUMNS = "select a.attrelid, a.attname,"
            + " col_description(a.attrelid, a.attnum) as comment, " + CatalogSql.ACL_COLUMNS
            + " from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace"
            + " left join lateral aclexplode(a.attacl) x on true"
            + " where a.attnum > 0 and not a.attisdropped and c.relkind in ('r', 'p', 'v', 'm', 'f')"
            + " and " + CatalogSql.userSchema("n.nspname") + " order by a.attrelid, a.attnum";
    private static final List<String> TYPES = List.of(ResourceTypes.PG_RELATION);

    private record Head(long oid, String schema, String name, String kind, String owner, boolean rls,
                        boolean rlsForced, Optional<String> comment) {}

    private final CatalogSession session;

    RelationReader(CatalogSession session) {
        this.session = session;
    }

    List<PgRelation> relations() {
        AclGroups<Long, Head> relations = new AclGroups<>();
        boolean complete = session.query("pg_class", TYPES, RELATIONS, row -> relations.add(row, row.getLong("oid"),
                r -> new Head(r.getLong("oid"), r.getString("nspname"), r.getString("relname"),
                        kind(r.getString("relkind")), r.getString("owner"), r.getBoolean("relrowsecurity"),
                        r.getBoolean("relforcerowsecurity"), Optional.ofNullable(r.getString("comment")))));
        if (!complete) {
            return List.of();
        }
        Map<Long, AclGroups<String, PgColumn>> columns = new HashMap<>();
        session.query("pg_attribute", TYPES, COLUMNS, row -> columns
                .computeIfAbsent(row.getLong("attrelid"), oid -> new AclGroups<>())
                .add(row, row.getString("attname"), r -> new PgColumn(r.getString("attname"), List.of(),
                        Optional.ofNullable(r.getString("comment")))));
        return relations.build((head, acl) -> new PgRelation(head.schema(), head.name(), head.kind(), head.owner(),
                acl, head.rls(), head.rlsForced(), head.comment(), columnsOf(columns.get(head.oid()))));
    }

    private static List<PgColumn> columnsOf(AclGroups<String, PgColumn> groups) {
        if (groups == null) {
            return List.of();
        }
        return groups.build((column, acl) -> new PgColumn(column.name(), acl, column.comment()));
    }

    static String kind(String relkind) {
        return switch (relkind) {
            case "r" -> "table";
            case "p" -> "partitioned_table";
            case "v" -> "view";
            case "m" -> "materialized_view";
            case "f" -> "foreign_table";
            case "S" -> "sequence";
            default -> relkind;
        };
    }
}
