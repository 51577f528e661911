package io.hipaaaudit.collect.postgres;

import io.hipaaaudit.inventory.ResourceTypes;
import io.hipaaaudit.inventory.pg.PgRelation;
import io.hipaaaudit.inventory.pg.PgRelation.PgColumn;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tables, views, materialized views, foreign tables and sequences with their effective ACLs from pg_class, then
 * every column with its column-level ACL from pg_attribute: two set-based queries whatever the number of
 * relations. Column ACLs have no built-in default (table-level privileges cover columns), so a NULL
 * {@code attacl} is simply "none". A refused pg_class leaves the relations unknown; a refused pg_attribute (or
 * pg_description) leaves the {@code columns} (and {@code comment}) of each relation unknown, not the relation.
 */
final class RelationReader {
    private static final String RELATIONS = "select c.oid, n.nspname, c.relname, c.relkind,"
            + " pg_get_userbyid(c.relowner) as owner, c.relrowsecurity, c.relforcerowsecurity, "
            + CatalogSql.ACL_COLUMNS + " from pg_class c"
            + " cross join lateral (select " + CatalogSql.schemaName("c.relnamespace") + " as nspname) n"
            + " left join lateral aclexplode(coalesce(c.relacl,"
            + " acldefault(case when c.relkind = 'S' then 's' else 'r' end::\"char\", c.relowner))) x on true"
            + " where c.relkind in ('r', 'p', 'v', 'm', 'f', 'S') and " + CatalogSql.userSchema("n.nspname")
            + " order by n.nspname, c.relname";
    private static final String COLUMNS = "select a.attrelid, a.attnum, a.attname, " + CatalogSql.ACL_COLUMNS
            + " from pg_attribute a join pg_class c on c.oid = a.attrelid"
            + " cross join lateral (select " + CatalogSql.schemaName("c.relnamespace") + " as nspname) n"
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

    List<PgRelation> relations(CommentReader.Comments comments) {
        AclGroups<Long, Head> relations = new AclGroups<>();
        boolean complete = session.query("pg_catalog.pg_class", TYPES, RELATIONS, row -> relations.add(row,
                row.getLong("oid"), r -> new Head(r.getLong("oid"), r.getString("nspname"), r.getString("relname"),
                        kind(r.getString("relkind")), r.getString("owner"), r.getBoolean("relrowsecurity"),
                        r.getBoolean("relforcerowsecurity"), comments.relation(r.getLong("oid")))));
        if (!complete) {
            return List.of();
        }
        // pg_class answered, so a failure here is pg_attribute's
        Map<Long, AclGroups<Integer, PgColumn>> columns = new HashMap<>();
        Optional<CatalogSession.Failure> columnFailure = session.attempt("pg_catalog.pg_attribute", COLUMNS,
                row -> columns.computeIfAbsent(row.getLong("attrelid"), oid -> new AclGroups<>())
                        .add(row, row.getInt("attnum"), r -> new PgColumn(r.getString("attname"), List.of(),
                                comments.column(r.getLong("attrelid"), r.getInt("attnum")))));
        List<PgRelation> out = relations.build((head, acl) -> new PgRelation(head.schema(), head.name(), head.kind(),
                head.owner(), acl, head.rls(), head.rlsForced(), head.comment(),
                columnFailure.isPresent() ? List.of() : columnsOf(columns.get(head.oid()))));
        for (PgRelation r : out) {
            // a sequence has no columns to read: only its own comment can be unknown
            boolean hasColumns = !r.kind().equals("sequence");
            String name = r.schema() + "." + r.name();
            columnFailure.filter(f -> hasColumns).ifPresent(f ->
                    session.unknownFields(f, ResourceTypes.PG_RELATION, name, List.of("columns")));
            comments.failure().ifPresent(f -> session.unknownFields(f, ResourceTypes.PG_RELATION, name,
                    hasColumns ? List.of("comment", "columns") : List.of("comment")));
        }
        return out;
    }

    private static List<PgColumn> columnsOf(AclGroups<Integer, PgColumn> groups) {
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
