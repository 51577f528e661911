package io.hipaaaudit.inventory.pg;

import io.hipaaaudit.inventory.Nulls;

public record PgExtension(String name, String version, String schema) {
    public PgExtension {
        name = Nulls.str(name);
        version = Nulls.str(version);
        schema = Nulls.str(schema);
    }
}
