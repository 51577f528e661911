package io.hipaaaudit.inventory.pg;

import io.hipaaaudit.inventory.Nulls;
import java.util.List;
import java.util.Optional;

/**
 * {@code ALTER DEFAULT PRIVILEGES FOR ROLE role [IN SCHEMA schema]}: objects of {@code objectType} (table,
 * sequence, function, type, schema) that {@code role} creates later get {@code acl}.
 */
public record PgDefaultAcl(String role, Optional<String> schema, String objectType, List<AclItem> acl) {
    public PgDefaultAcl {
        role = Nulls.str(role);
        schema = Nulls.opt(schema);
        objectType = Nulls.str(objectType);
        acl = Nulls.list(acl);
    }
}
