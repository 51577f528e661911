package io.hipaaaudit.inventory.pg;

import io.hipaaaudit.inventory.Nulls;
import java.util.List;
import java.util.Optional;

/** A schema; {@code acl} is the effective ACL (the owner default already expanded when nspacl is null). */
public record PgSchema(String name, String owner, List<AclItem> acl, Optional<String> comment) {
    public PgSchema {
        name = Nulls.str(name);
        owner = Nulls.str(owner);
        acl = Nulls.list(acl);
        comment = Nulls.opt(comment);
    }
}
