package io.hipaaaudit.collect.postgres;

import io.hipaaaudit.inventory.CollectionError;
import io.hipaaaudit.inventory.pg.PgDatabase;
import java.util.List;

/** What one database target yielded: the catalog picture and what could not be read. */
public record PgCollection(PgDatabase database, List<CollectionError> errors) {
    public PgCollection {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }
}
