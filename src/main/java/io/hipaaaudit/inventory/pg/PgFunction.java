package io.hipaaaudit.inventory.pg;

import io.hipaaaudit.inventory.Nulls;
import java.util.List;

/** A function or procedure; {@code config} holds its {@code proconfig} entries such as {@code search_path=pg_catalog}. */
public record PgFunction(String schema, String name, String identityArguments, String kind, String owner,
                         String language, boolean securityDefiner, List<String> config, List<AclItem> acl) {
    public PgFunction {
        schema = Nulls.str(schema);
        name = Nulls.str(name);
        identityArguments = Nulls.str(identityArguments);
        kind = kind == null ? "function" : kind;
        owner = Nulls.str(owner);
        language = Nulls.str(language);
        config = Nulls.list(config);
        acl = Nulls.list(acl);
    }
}
