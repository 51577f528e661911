package io.hipaaaudit.analyse.privileges;

import io.hipaaaudit.text.Glob;
import java.util.List;

/**
 * Which rows {@code db privileges} prints: roles and schemas by exact name, objects by glob. An empty list admits
 * everything. An object glob matches the object's name ({@code *} any run of characters, {@code ?} one character,
 * case-sensitive, a name without wildcards matches exactly): a table, view or sequence by its name, a column row
 * by its table's name, a schema row by the schema's name, a function or procedure by its bare name or by its
 * signature {@code name(identity arguments)}.
 */
public record PrivilegeFilter(List<String> roles, List<String> schemas, List<String> objects) {
    public static final PrivilegeFilter ALL = new PrivilegeFilter(List.of(), List.of(), List.of());

    public PrivilegeFilter {
        roles = List.copyOf(roles);
        schemas = List.copyOf(schemas);
        objects = List.copyOf(objects);
    }

    boolean role(String role) {
        return roles.isEmpty() || roles.contains(role);
    }

    boolean schema(String schema) {
        return schemas.isEmpty() || schemas.contains(schema);
    }

    /** {@code names}: the names the object answers to (a function's bare name and its signature). */
    boolean object(List<String> names) {
        if (objects.isEmpty()) {
            return true;
        }
        for (String glob : objects) {
            for (String name : names) {
                if (Glob.matches(glob, name)) {
                    return true;
                }
            }
        }
        return false;
    }
}
