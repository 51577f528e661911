package io.hipaaaudit.collect.postgres;

import io.hipaaaudit.inventory.ResourceTypes;
import io.hipaaaudit.inventory.pg.PgSchema;
import java.util.List;
import java.util.Optional;

/** Schemas with their effective ACL, one set-based query. */
final class SchemaReader {
    private static final String SQL = "select n.nspname, pg_get_userbyid(n.nspowner) as owner,"
            + " obj_description(n.oid, 'pg_namespace') as comment, " + CatalogSql.ACL_COLUMNS
            + " from pg_namespace n"
            + " left join lateral aclexplode(coalesce(n.nspacl, acldefault('n', n.nspowner))) x on true"
            + " where " + CatalogSql.userSchema("n.nspname") + " order by n.nspname";

    private final CatalogSession session;

    SchemaReader(CatalogSession session) {
        this.session = session;
    }

    List<PgSchema> schemas() {
        AclGroups<String, PgSchema> groups = new AclGroups<>();
        session.query("pg_namespace", List.of(ResourceTypes.PG_SCHEMA), SQL, row -> groups.add(row,
                row.getString("nspname"), r -> new PgSchema(r.getString("nspname"), r.getString("owner"), List.of(),
                        Optional.ofNullable(r.getString("comment")))));
        return groups.build((schema, acl) -> new PgSchema(schema.name(), schema.owner(), acl, schema.comment()));
    }
}
