package io.hipaaaudit.collect.aws;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/** Small conversions shared by the mappers: SDK tag lists to maps, nullable values to Optional. */
final class Tags {
    private Tags() {}

    static <T> Map<String, String> of(Collection<T> tags, Function<T, String> key, Function<T, String> value) {
        Map<String, String> out = new TreeMap<>();
        if (tags != null) {
            for (T tag : tags) {
                if (key.apply(tag) != null) {
                    out.put(key.apply(tag), value.apply(tag) == null ? "" : value.apply(tag));
                }
            }
        }
        return out;
    }

    static <T> Optional<T> opt(T value) {
        return Optional.ofNullable(value);
    }

    /** Non-blank string or empty: the SDK returns "" for some absent XML elements. */
    static Optional<String> text(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }
}
