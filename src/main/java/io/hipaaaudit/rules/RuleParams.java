package io.hipaaaudit.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Resolves a rule's {@code params}: every environment inherits {@code default}, may override only keys declared
 * there, and must keep each value's kind (number, string, boolean, list, map). Numbers become Long or Double,
 * the only numeric types CEL accepts.
 */
final class RuleParams {
    private RuleParams() {}

    static Map<String, Map<String, Object>> resolve(Map<String, Map<String, Object>> raw, RuleParser.Checker check) {
        if (raw.isEmpty()) {
            return Map.of("default", Map.of());
        }
        Map<String, Object> defaults = raw.get("default");
        if (defaults == null) {
            throw check.fail("params", "params must declare a 'default' environment with every parameter");
        }
        Map<String, Map<String, Object>> resolved = new TreeMap<>();
        Map<String, Object> normalisedDefaults = normaliseAll(defaults);
        resolved.put("default", normalisedDefaults);
        for (Map.Entry<String, Map<String, Object>> env : new TreeMap<>(raw).entrySet()) {
            if (env.getKey().equals("default")) {
                continue;
            }
            Map<String, Object> merged = new LinkedHashMap<>(normalisedDefaults);
            Map<String, Object> overrides = env.getValue() == null ? Map.of() : env.getValue();
            for (Map.Entry<String, Object> p : overrides.entrySet()) {
                String key = "params." + env.getKey() + "." + p.getKey();
                if (!normalisedDefaults.containsKey(p.getKey())) {
                    throw check.fail(key, "parameter '" + p.getKey() + "' in environment '" + env.getKey()
                            + "' is not declared under params.default");
                }
                Object value = normalise(p.getValue());
                if (!kind(value).equals(kind(normalisedDefaults.get(p.getKey())))) {
                    throw check.fail(key, "parameter '" + p.getKey() + "' must be a " + kind(normalisedDefaults.get(p.getKey()))
                            + " (as in params.default), got a " + kind(value));
                }
                merged.put(p.getKey(), value);
            }
            resolved.put(env.getKey(), Map.copyOf(merged));
        }
        return java.util.Collections.unmodifiableMap(resolved);
    }

    /** Applies organisation overrides (from configuration) on top of the rule's own resolved params. */
    static Map<String, Object> normaliseAll(Map<String, Object> values) {
        Map<String, Object> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, normalise(v)));
        return Map.copyOf(out);
    }

    static Object normalise(Object value) {
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof java.math.BigInteger b) {
            return b.longValue();
        }
        if (value instanceof Float || value instanceof java.math.BigDecimal) {
            return ((Number) value).doubleValue();
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(v -> out.add(normalise(v)));
            return List.copyOf(out);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), normalise(v)));
            return Map.copyOf(out);
        }
        return value == null ? "" : value;
    }

    static String kind(Object value) {
        if (value instanceof Number) {
            return "number";
        }
        if (value instanceof Boolean) {
            return "boolean";
        }
        if (value instanceof List<?>) {
            return "list";
        }
        if (value instanceof Map<?, ?>) {
            return "map";
        }
        return "string";
    }
}
