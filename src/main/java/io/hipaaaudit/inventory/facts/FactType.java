package io.hipaaaudit.inventory.facts;

import java.util.Map;
import java.util.Optional;

/**
 * The type of a fact as rules see it: a scalar, a list of some type, a map with free keys, or an object whose
 * fields are declared. {@code DYN} is a value whose shape is not declared (rules may read anything from it).
 *
 * @param kind   what the value is
 * @param items  the element type of a list, the value type of a map
 * @param fields the declared facts of an object, by name
 */
public record FactType(Kind kind, Optional<FactType> items, Map<String, Fact> fields) {

    public enum Kind { STRING, BOOL, INT, DOUBLE, TIMESTAMP, LIST, MAP, OBJECT, DYN }

    public static final FactType STRING = scalar(Kind.STRING);
    public static final FactType BOOL = scalar(Kind.BOOL);
    public static final FactType INT = scalar(Kind.INT);
    public static final FactType DOUBLE = scalar(Kind.DOUBLE);
    public static final FactType TIMESTAMP = scalar(Kind.TIMESTAMP);
    public static final FactType DYN = scalar(Kind.DYN);

    public FactType {
        items = items == null ? Optional.empty() : items;
        fields = fields == null ? Map.of() : Map.copyOf(fields);
    }

    private static FactType scalar(Kind kind) {
        return new FactType(kind, Optional.empty(), Map.of());
    }

    public static FactType listOf(FactType items) {
        return new FactType(Kind.LIST, Optional.of(items), Map.of());
    }

    public static FactType mapOf(FactType values) {
        return new FactType(Kind.MAP, Optional.of(values), Map.of());
    }

    public static FactType object(Map<String, Fact> fields) {
        return new FactType(Kind.OBJECT, Optional.empty(), fields);
    }

    /** How the type is written in rule documentation, e.g. {@code list<string>}, {@code list<object>}. */
    public String display() {
        return switch (kind) {
            case LIST -> "list<" + items.map(FactType::display).orElse("dyn") + ">";
            case MAP -> "map<string, " + items.map(FactType::display).orElse("dyn") + ">";
            default -> kind.name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
