package io.hipaaaudit.collect.postgres;

import io.hipaaaudit.inventory.ResourceTypes;
import io.hipaaaudit.inventory.pg.PgSchema;
import java.util.List;
import java.util.Optional;

/** Schemas with their effective ACL, one set-based query over pg_namespace; comments come from pg_description. */
final class SchemaReader {
    private static final String SQL = "select n.oid, n.nspname, pg_get_userbyid(n.nspowner) as owner, "
            + CatalogSql.ACL_COLUMNS + " from pg_namespace n"
            + " left join lateral aclexplode(coalesce(n.nspacl, acldefault('n', n.nspowner))) x on true"
            + " where " + CatalogSql.userSchema("n.nspname") + " order by n.nspname";

    private final CatalogSession session;

    SchemaReader(CatalogSession session) {
        this.session = session;
    }

    List<PgSchema> schemas(CommentReader.Comments comments) {
        AclGroups<Long, PgSchema> groups = new AclGroups<>();
        boolean complete = session.query("pg_catalog.pg_namespace", List.of(ResourceTypes.PG_SCHEMA), SQL,
                row -> groups.add(row, row.getLong("oid"), r -> new PgSchema(r.getString("nspname"),
                        r.getString("owner"), List.of(), comments.schema(r.getLong("oid")))));
        if (!complete) {
            return List.of();
        }
        List<PgSchema> schemas = groups.build((schema, acl) -> new PgSchema(schema.name(), schema.owner(), acl,
                schema.comment()));
        comments.failure().ifPresent(f -> schemas.forEach(s ->
                session.unknownFields(f, ResourceTypes.PG_SCHEMA, s.name(), List.of("comment"))));
        return schemas;
    }
}
