package io.hipaaaudit.inventory.facts;

import com.fasterxml.jackson.databind.JsonNode;
import io.hipaaaudit.inventory.ResourceTypes;
import io.hipaaaudit.json.YamlTwins;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The facts every resource type offers rules, declared once in {@code facts.yaml} beside this class. A type's
 * plain facts are the fields of its inventory record (their types read from the record, so they cannot drift);
 * the file adds what each means and which call fills it, and declares the facts analysers derive. Rules are
 * checked against this at load time, the engine reads which facts are derived from which types, and
 * docs/inventory.md is generated from it.
 */
public final class FactCatalog {
    private static final String RESOURCE = "facts.yaml";
    /** {@link #RESOURCE} as the class loader names it (the build makes a JSON copy of it: {@link YamlTwins}). */
    public static final String RESOURCE_NAME = "io/hipaaaudit/inventory/facts/" + RESOURCE;
    /** Definitions several types share (the key summary, parameters, network reach), used as {@code {use: name}}. */
    private static final String SHARED = "shared";
    private static JsonNode shared = com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    private static volatile FactCatalog bundled;

    /** One resource type: where its plain facts come from and all its facts. */
    public record TypeFacts(String type, String doc, String source, FactType facts) {
        public Optional<Fact> fact(String name) {
            return Optional.ofNullable(facts.fields().get(name));
        }
    }

    private final Map<String, TypeFacts> types;

    private FactCatalog(Map<String, TypeFacts> types) {
        this.types = Map.copyOf(types);
    }

    public static FactCatalog bundled() {
        FactCatalog c = bundled;
        if (c == null) {
            synchronized (FactCatalog.class) {
                if (bundled == null) {
                    bundled = load();
                }
                c = bundled;
            }
        }
        return c;
    }

    /** The declared facts of a resource type; every type of {@link ResourceTypes#ALL} has an entry. */
    public TypeFacts of(String resourceType) {
        TypeFacts t = types.get(resourceType);
        if (t == null) {
            throw new IllegalArgumentException("no facts declared for " + resourceType);
        }
        return t;
    }

    public List<TypeFacts> all() {
        return ResourceTypes.ALL.stream().map(this::of).toList();
    }

    private static FactCatalog load() {
        JsonNode root;
        try (InputStream in = FactCatalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            root = YamlTwins.bundled().readTree(RESOURCE_NAME, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
        shared = root.path(SHARED);
        Map<String, TypeFacts> types = new TreeMap<>();
        for (String type : ResourceTypes.ALL) {
            JsonNode node = root.get(type);
            if (node == null) {
                throw new IllegalStateException(RESOURCE + ": no entry for resource type " + type);
            }
            types.put(type, type(type, node));
        }
        root.fieldNames().forEachRemaining(name -> {
            if (!types.containsKey(name) && !name.equals(SHARED)) {
                throw new IllegalStateException(RESOURCE + ": " + name + " is not a resource type");
            }
        });
        return new FactCatalog(types);
    }

    private static TypeFacts type(String type, JsonNode node) {
        String source = text(node, "source");
        Map<String, Fact> fields = new LinkedHashMap<>();
        Class<?> record = recordClass(type, text(node, "record"));
        fields.putAll(recordFields(record, source, node.path("facts"), type));
        declared(type, node.path("facts"), fields, source);
        fields.putIfAbsent("environment", new Fact("environment", FactType.STRING,
                "the environment whose rule parameters apply to this resource (its environment tag, else the scan's)",
                "scan configuration and tags", List.of(), false));
        return new TypeFacts(type, text(node, "doc"), source, FactType.object(fields));
    }

    /** The record's fields as facts, typed from the record and documented from the file. */
    private static Map<String, Fact> recordFields(Class<?> record, String source, JsonNode docs, String where) {
        Map<String, Fact> out = new LinkedHashMap<>();
        for (RecordComponent c : record.getRecordComponents()) {
            JsonNode d = docs.path(c.getName());
            if (!d.path("type").isMissingNode()) {
                throw new IllegalStateException(RESOURCE + ": " + where + "." + c.getName()
                        + " is a field of " + record.getSimpleName() + ": its type comes from the record");
            }
            String fieldSource = d.hasNonNull("source") ? d.get("source").asText() : source;
            FactType t = typeOf(c.getGenericType(), d.path("fields"), where + "." + c.getName());
            out.put(c.getName(), new Fact(c.getName(), t, text(d, "doc"), fieldSource, strings(d.path("from")),
                    d.path("aggregate").asBoolean(false)));
        }
        return out;
    }

    /** Facts the file declares with a type of their own: what analysers and the engine add. */
    private static void declared(String where, JsonNode facts, Map<String, Fact> out, String source) {
        Iterator<Map.Entry<String, JsonNode>> it = facts.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (out.containsKey(e.getKey())) {
                continue;
            }
            JsonNode d = expand(e.getValue(), where + "." + e.getKey());
            if (!d.hasNonNull("type")) {
                throw new IllegalStateException(RESOURCE + ": " + where + "." + e.getKey()
                        + " is not a field of the record: declare its type");
            }
            FactType t = parse(d.get("type").asText(), d, where + "." + e.getKey());
            String s = d.hasNonNull("source") ? d.get("source").asText() : source;
            out.put(e.getKey(), new Fact(e.getKey(), t, text(d, "doc"), s, strings(d.path("from")),
                    d.path("aggregate").asBoolean(false), strings(d.path("needs")), strings(d.path("through"))));
        }
    }

    /** An entry {@code {use: name, ...}}: the shared definition with the entry's own keys over it. */
    private static JsonNode expand(JsonNode d, String where) {
        if (!d.hasNonNull("use")) {
            return d;
        }
        JsonNode base = shared.get(d.get("use").asText());
        if (base == null) {
            throw new IllegalStateException(RESOURCE + ": " + where + ": no shared definition '"
                    + d.get("use").asText() + "'");
        }
        com.fasterxml.jackson.databind.node.ObjectNode merged = base.deepCopy();
        d.fields().forEachRemaining(f -> {
            if (!f.getKey().equals("use")) {
                merged.set(f.getKey(), f.getValue());
            }
        });
        return merged;
    }

    private static FactType parse(String text, JsonNode d, String where) {
        String t = text.strip();
        if (t.startsWith("list<") && t.endsWith(">")) {
            return FactType.listOf(parse(t.substring(5, t.length() - 1), d, where));
        }
        if (t.startsWith("map<") && t.endsWith(">")) {
            return FactType.mapOf(parse(t.substring(4, t.length() - 1), d, where));
        }
        return switch (t) {
            case "string" -> FactType.STRING;
            case "bool" -> FactType.BOOL;
            case "int" -> FactType.INT;
            case "double" -> FactType.DOUBLE;
            case "timestamp" -> FactType.TIMESTAMP;
            case "dyn" -> FactType.DYN;
            case "map" -> FactType.mapOf(FactType.DYN);
            case "object" -> {
                Map<String, Fact> fields = new LinkedHashMap<>();
                if (d.hasNonNull("record")) {
                    fields.putAll(recordFields(recordClass(where, d.get("record").asText()), "", d.path("fields"),
                            where));
                }
                declared(where, d.path("fields"), fields, "");
                yield FactType.object(fields);
            }
            default -> throw new IllegalStateException(RESOURCE + ": " + where + ": unknown type '" + text + "'");
        };
    }

    private static FactType typeOf(Type t, JsonNode docs, String where) {
        if (t instanceof ParameterizedType p) {
            Class<?> raw = (Class<?>) p.getRawType();
            Type[] args = p.getActualTypeArguments();
            if (raw == Optional.class) {
                return typeOf(args[0], docs, where);
            }
            if (List.class.isAssignableFrom(raw)) {
                return FactType.listOf(typeOf(args[0], docs, where));
            }
            if (Map.class.isAssignableFrom(raw)) {
                return FactType.mapOf(typeOf(args[1], docs, where));
            }
            return FactType.DYN;
        }
        if (!(t instanceof Class<?> c)) {
            return FactType.DYN;
        }
        if (c == String.class || c.isEnum()) {
            return FactType.STRING;
        }
        if (c == Boolean.class || c == boolean.class) {
            return FactType.BOOL;
        }
        if (c == Integer.class || c == int.class || c == Long.class || c == long.class) {
            return FactType.INT;
        }
        if (c == Double.class || c == double.class) {
            return FactType.DOUBLE;
        }
        if (c == Instant.class) {
            return FactType.TIMESTAMP;
        }
        if (c.isRecord()) {
            return FactType.object(recordFields(c, "", docs, where));
        }
        return FactType.DYN;
    }

    private static Class<?> recordClass(String where, String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalStateException(RESOURCE + ": " + where + ": missing 'record'");
        }
        try {
            Class<?> c = Class.forName(name);
            if (!c.isRecord()) {
                throw new IllegalStateException(RESOURCE + ": " + where + ": " + name + " is not a record");
            }
            return c;
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(RESOURCE + ": " + where + ": no class " + name, e);
        }
    }

    private static String text(JsonNode node, String key) {
        JsonNode v = node.get(key);
        return v == null || v.isNull() ? "" : v.asText();
    }

    private static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.forEach(n -> out.add(n.asText()));
        return out;
    }
}
