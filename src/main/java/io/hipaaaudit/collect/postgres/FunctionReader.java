package io.hipaaaudit.collect.postgres;

import io.hipaaaudit.inventory.ResourceTypes;
import io.hipaaaudit.inventory.pg.PgFunction;
import java.util.List;

/** Functions and procedures of user schemas with owner, SECURITY DEFINER, proconfig and effective ACL. */
final class FunctionReader {
    // the language's name comes from pg_identify_object (the catalog cache, no privilege applies) and the schema's
    // from regnamespace, so this query reads pg_proc alone: a role refused pg_language or pg_namespace loses nothing
    private static final String SQL = "select p.oid, n.nspname, p.proname,"
            + " pg_get_function_identity_arguments(p.oid) as args, p.prokind::text as prokind,"
            + " pg_get_userbyid(p.proowner) as owner,"
            + " (parse_ident((pg_identify_object('pg_catalog.pg_language'::regclass, p.prolang, 0)).identity))[1]"
            + " as lanname, p.prosecdef, p.proconfig, " + CatalogSql.ACL_COLUMNS + " from pg_proc p"
            + " cross join lateral (select " + CatalogSql.schemaName("p.pronamespace") + " as nspname) n"
            + " left join lateral aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) x on true"
            + " where " + CatalogSql.userSchema("n.nspname") + " order by n.nspname, p.proname, 4";

    private final CatalogSession session;

    FunctionReader(CatalogSession session) {
        this.session = session;
    }

    List<PgFunction> functions() {
        AclGroups<Long, PgFunction> groups = new AclGroups<>();
        boolean complete = session.query("pg_catalog.pg_proc", List.of(ResourceTypes.PG_FUNCTION), SQL,
                row -> groups.add(row, row.getLong("oid"),
                r -> new PgFunction(r.getString("nspname"), r.getString("proname"), r.getString("args"),
                        kind(r.getString("prokind")), r.getString("owner"), r.getString("lanname"),
                        r.getBoolean("prosecdef"), RoleReader.strings(r.getArray("proconfig")), List.of())));
        if (!complete) {
            return List.of();
        }
        return groups.build((f, acl) -> new PgFunction(f.schema(), f.name(), f.identityArguments(), f.kind(),
                f.owner(), f.language(), f.securityDefiner(), f.config(), acl));
    }

    static String kind(String prokind) {
        return switch (prokind) {
            case "p" -> "procedure";
            case "a" -> "aggregate";
            case "w" -> "window";
            default -> "function";
        };
    }
}
