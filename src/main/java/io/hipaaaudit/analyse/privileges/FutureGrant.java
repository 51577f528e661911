package io.hipaaaudit.analyse.privileges;

import java.util.Optional;

/**
 * "Future {@code objectType}s created by {@code creator} in {@code schema} will grant {@code privilege} to
 * {@code grantee}", as the new object's ACL will have it (the creator's own privileges included). An empty schema
 * means every schema: a new object in schema S gets the schema-less grants of its creator plus those listed for
 * S. {@code source} names the ALTER DEFAULT PRIVILEGES entry, or {@code built-in default} where no schema-less
 * entry replaces PostgreSQL's own default (acldefault()).
 */
public record FutureGrant(String creator, Optional<String> schema, String objectType, String grantee,
                          String privilege, boolean grantable, String source) {
    public FutureGrant {
        schema = schema == null ? Optional.empty() : schema;
    }
}
