package io.hipaaaudit.template;

import io.hipaaaudit.inventory.CollectionError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The resolved properties of one template resource, read with the inventory field each one fills. A property the
 * template leaves unknown gives {@code Optional.empty()} and a per-resource collection error naming the resource,
 * the property path and why (e.g. {@code DBInstance Database.Properties.StorageEncrypted: Fn::ImportValue Key}),
 * so the rules that read that field are NOT_ASSESSED. An absent property takes the default CloudFormation
 * documents for it, given by the caller.
 */
final class Props {
    static final String SOURCE = "template";
    static final String UNRESOLVED = "Unresolved";

    private final Resource resource;
    private final Map<String, Object> values;
    private final List<CollectionError> errors;
    private final String path;

    Props(Resource resource, Map<String, Object> values, List<CollectionError> errors) {
        this(resource, values, errors, "");
    }

    /** The properties of a part of a resource, e.g. one inline rule at {@code SecurityGroupIngress[0]}. */
    Props(Resource resource, Map<String, Object> values, List<CollectionError> errors, String path) {
        this.resource = resource;
        this.values = values;
        this.errors = errors;
        this.path = path.isEmpty() ? "" : path + ".";
    }

    boolean has(String property) {
        return values.containsKey(property);
    }

    Object raw(String property) {
        return values.get(property);
    }

    /** A property's value, or empty (and an error for {@code field}) when the template leaves it unknown. */
    Optional<Object> value(String property, String field) {
        Object v = values.get(property);
        if (v instanceof Unknown u) {
            unknown(property, field, u.why());
            return Optional.empty();
        }
        return Optional.ofNullable(v);
    }

    Optional<String> string(String property, String field) {
        return value(property, field).map(Intrinsics::text);
    }

    Optional<Boolean> bool(String property, String field, Boolean absent) {
        if (!has(property)) {
            return Optional.ofNullable(absent);
        }
        return value(property, field).flatMap(v -> {
            String s = Intrinsics.text(v).toLowerCase(java.util.Locale.ROOT);
            if (s.equals("true") || s.equals("false")) {
                return Optional.of(Boolean.valueOf(s));
            }
            unknown(property, field, "'" + v + "' is not a boolean");
            return Optional.empty();
        });
    }

    Optional<Integer> integer(String property, String field, Integer absent) {
        if (!has(property)) {
            return Optional.ofNullable(absent);
        }
        return value(property, field).flatMap(v -> {
            try {
                return Optional.of(Integer.parseInt(Intrinsics.text(v).trim()));
            } catch (NumberFormatException e) {
                unknown(property, field, "'" + v + "' is not a number");
                return Optional.empty();
            }
        });
    }

    /** A list of strings; absent is empty; unknown when the list or any element is unknown. */
    Optional<List<String>> strings(String property, String field) {
        if (!has(property)) {
            return Optional.of(List.of());
        }
        return value(property, field).flatMap(v -> {
            List<?> items = v instanceof List<?> l ? l : List.of(v);
            List<String> out = new ArrayList<>();
            for (Object o : items) {
                if (o instanceof Unknown u) {
                    unknown(property, field, u.why());
                    return Optional.empty();
                }
                out.add(Intrinsics.text(o));
            }
            return Optional.of(out);
        });
    }

    /** A policy document as JSON text; unknown when any value in it is. */
    Optional<String> document(String property, String field) {
        return value(property, field).flatMap(v -> {
            Optional<Unknown> inside = firstUnknown(v);
            if (inside.isPresent()) {
                unknown(property, field, inside.get().why());
                return Optional.empty();
            }
            return Optional.of(v instanceof String s ? s : io.hipaaaudit.json.Json.write(v).strip());
        });
    }

    private static Optional<Unknown> firstUnknown(Object v) {
        if (v instanceof Unknown u) {
            return Optional.of(u);
        }
        if (v instanceof Map<?, ?> m) {
            return m.values().stream().map(Props::firstUnknown).flatMap(Optional::stream).findFirst();
        }
        if (v instanceof List<?> l) {
            return l.stream().map(Props::firstUnknown).flatMap(Optional::stream).findFirst();
        }
        return Optional.empty();
    }

    /** Records {@code field} as unknown because of {@code property}. */
    void unknown(String property, String field, String why) {
        errors.add(CollectionError.ofResource(SOURCE, resource.account(), resource.region(),
                "cloudformation:" + resource.shortType(), resource.inventoryType(), resource.logicalId(),
                field.isEmpty() ? List.of() : List.of(field), UNRESOLVED,
                resource.shortType() + " " + resource.logicalId() + ".Properties." + path + property + ": " + why));
    }
}
