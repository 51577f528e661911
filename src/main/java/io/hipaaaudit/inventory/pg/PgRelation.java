package io.hipaaaudit.inventory.pg;

import io.hipaaaudit.inventory.Nulls;
import java.util.List;
import java.util.Optional;

/**
 * A table, partitioned table, view, materialized view, foreign table or sequence ({@code kind}). {@code acl} is
 * the effective ACL (acldefault expanded when relacl is null). Columns carry their own column-level ACL.
 */
public record PgRelation(String schema, String name, String kind, String owner, List<AclItem> acl,
                         boolean rlsEnabled, boolean rlsForced, Optional<String> comment, List<PgColumn> columns) {
    public PgRelation {
        schema = Nulls.str(schema);
        name = Nulls.str(name);
        kind = Nulls.str(kind);
        owner = Nulls.str(owner);
        acl = Nulls.list(acl);
        comment = Nulls.opt(comment);
        columns = Nulls.list(columns);
    }

    public record PgColumn(String name, List<AclItem> acl, Optional<String> comment) {
        public PgColumn {
            name = Nulls.str(name);
            acl = Nulls.list(acl);
            comment = Nulls.opt(comment);
        }
    }
}
