package io.hipaaaudit.policy;

import io.hipaaaudit.inventory.CollectionError;
import io.hipaaaudit.inventory.ResourceTypes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the collection of one database left unknown, read from its collection errors: the PostgreSQL resource
 * types that could not be listed, and the fields of single resources (by the id their view carries) that could
 * not be read. Derived facts consult it so that none is computed from partial data as if it were complete.
 */
public final class PgUnknowns {
    private static final List<String> PG_TYPES = List.of(ResourceTypes.PG_DATABASE, ResourceTypes.PG_ROLE,
            ResourceTypes.PG_SCHEMA, ResourceTypes.PG_RELATION, ResourceTypes.PG_FUNCTION,
            ResourceTypes.PG_DEFAULT_ACL);

    private final Set<String> types = new TreeSet<>();
    private final Map<String, Set<String>> fields = new HashMap<>();

    private PgUnknowns() {}

    public static PgUnknowns of(List<CollectionError> errors, String databaseId) {
        PgUnknowns u = new PgUnknowns();
        for (CollectionError e : errors) {
            if (!e.perResource()) {
                PG_TYPES.stream().filter(t -> e.covers(t, null, null, databaseId)).forEach(u.types::add);
            } else if (e.database().map(databaseId::equals).orElse(false)) {
                // no fields: the whole resource is unknown, which "*" stands for here
                Set<String> unknown = u.fields.computeIfAbsent(e.resource().get(), k -> new TreeSet<>());
                unknown.addAll(e.fields().isEmpty() ? List.of("*") : e.fields());
            }
        }
        return u;
    }

    public static PgUnknowns none() {
        return new PgUnknowns();
    }

    /** True when resources of {@code type} could not be listed (so the list in the inventory may be partial). */
    public boolean type(String type) {
        return types.contains(type);
    }

    /** True when any of {@code names} of the resource with view id {@code id} is unknown. */
    public boolean field(String id, String... names) {
        Set<String> unknown = fields.getOrDefault(id, Set.of());
        if (unknown.contains("*")) {
            return true;
        }
        for (String n : names) {
            if (unknown.contains(n)) {
                return true;
            }
        }
        return false;
    }

    /** The unknown fields of one resource, to leave out of its view ("*" for all of them). */
    public Set<String> fields(String id) {
        return fields.getOrDefault(id, Set.of());
    }
}
