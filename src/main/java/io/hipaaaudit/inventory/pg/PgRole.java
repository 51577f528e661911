package io.hipaaaudit.inventory.pg;

import io.hipaaaudit.inventory.Nulls;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A role from {@code pg_roles}. {@code passwordSet} is absent where the catalog does not reveal it. */
public record PgRole(String name, boolean superuser, boolean inherit, boolean createRole, boolean createDb,
                     boolean canLogin, boolean replication, boolean bypassRls, int connectionLimit,
                     Optional<Instant> validUntil, Optional<Boolean> passwordSet, List<String> config) {
    public PgRole {
        name = Nulls.str(name);
        validUntil = Nulls.opt(validUntil);
        passwordSet = Nulls.opt(passwordSet);
        config = Nulls.list(config);
    }
}
