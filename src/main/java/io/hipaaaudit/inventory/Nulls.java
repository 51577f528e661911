package io.hipaaaudit.inventory;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Normalisation used by every inventory record's compact constructor: the inventory never holds a null,
 * collections are immutable and maps are sorted so the JSON form is stable.
 */
public final class Nulls {
    private Nulls() {}

    public static <T> List<T> list(List<T> value) {
        return value == null ? List.of() : List.copyOf(value);
    }

    public static <T> Optional<T> opt(Optional<T> value) {
        return value == null ? Optional.empty() : value;
    }

    public static <V> Map<String, V> sorted(Map<String, V> value) {
        return value == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(value));
    }

    public static String str(String value) {
        return value == null ? "" : value;
    }

    /** A field the JSON form must carry; a snapshot without it is rejected with the field's name. */
    public static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing required field '" + field + "'");
        }
        return value;
    }
}
