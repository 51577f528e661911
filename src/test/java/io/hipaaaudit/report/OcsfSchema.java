package io.hipaaaudit.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hipaaaudit.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A validator for OCSF events compiled from the official schema source (github.com/ocsf/ocsf-schema, vendored under
 * {@code src/test/resources/ocsf-schema-<version>/}, Apache-2.0) the way the OCSF server compiles it: a class's
 * attributes are its own over those of the classes it extends, with {@code $include}d files merged in; an object's
 * likewise; each attribute's type, array-ness and enum come from the dictionary, overridden by the class or object.
 * An attribute of a profile exists only when the event lists that profile in {@code metadata.profiles}.
 *
 * <p>It reports: a missing required attribute, an attribute the class or object does not define, a deprecated
 * attribute, a value of the wrong JSON type, a string that breaks its type's pattern or length, an enum value the
 * schema does not list, a {@code *_name} sibling that is not its enum's caption, and a {@code type_uid},
 * {@code class_uid} or {@code metadata.version} that does not fit.
 */
public final class OcsfSchema {
    private final String root;
    private final String version;
    private final JsonNode dictionary;
    private final JsonNode types;
    private final Map<String, Map<String, ObjectNode>> objects = new HashMap<>();

    private OcsfSchema(String root) {
        this.root = root;
        this.version = read("version.json").get("version").asText();
        JsonNode dict = read("dictionary.json");
        this.dictionary = dict.get("attributes");
        this.types = dict.get("types").get("attributes");
    }

    public static OcsfSchema load(String version) {
        return new OcsfSchema("/ocsf-schema-" + version + "/");
    }

    String version() {
        return version;
    }

    /** The problems of one event of the class in {@code events/<path>.json}, e.g. {@code findings/compliance_finding}. */
    public List<String> validate(JsonNode event, String classPath) {
        List<String> errors = new ArrayList<>();
        JsonNode cls = read("events/" + classPath + ".json");
        JsonNode category = read("categories.json").get("attributes").get(cls.get("category").asText());
        int classUid = category.get("uid").asInt() * 1000 + cls.get("uid").asInt();
        Set<String> profiles = new java.util.TreeSet<>();
        event.path("metadata").path("profiles").forEach(p -> profiles.add(p.asText()));
        Map<String, ObjectNode> attributes = classAttributes(classPath);
        // the server derives these enums from the class and its category
        enumOf(attributes, "class_uid", classUid, cls.get("caption").asText());
        enumOf(attributes, "category_uid", category.get("uid").asInt(), category.get("caption").asText());
        attributes.get("type_uid").remove("enum");
        check(event, attributes, profiles, "", errors);
        if (event.path("class_uid").asInt() != classUid) {
            errors.add("class_uid: " + event.path("class_uid") + " is not " + classUid + " (" + cls.get("caption").asText() + ")");
        }
        if (event.path("type_uid").asLong() != classUid * 100L + event.path("activity_id").asInt()) {
            errors.add("type_uid: " + event.path("type_uid") + " is not class_uid * 100 + activity_id");
        }
        if (!version.equals(event.path("metadata").path("version").asText())) {
            errors.add("metadata.version: " + event.path("metadata").path("version") + " is not " + version);
        }
        return errors;
    }

    private static void enumOf(Map<String, ObjectNode> attributes, String name, int uid, String caption) {
        ObjectNode en = attributes.get(name).putObject("enum");
        en.putObject(String.valueOf(uid)).put("caption", caption);
    }

    private void check(JsonNode node, Map<String, ObjectNode> attributes, Set<String> profiles, String path,
                       List<String> errors) {
        attributes.forEach((name, def) -> {
            if ("required".equals(def.path("requirement").asText()) && allowed(def, profiles) && !node.has(name)) {
                errors.add(path + name + ": required, missing");
            }
        });
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            String at = path + name;
            ObjectNode def = attributes.get(name);
            if (def == null || !allowed(def, profiles)) {
                errors.add(at + ": not an attribute here" + (def == null ? "" : " without profile "
                        + def.path("profile").asText()));
                continue;
            }
            if (def.has("@deprecated")) {
                errors.add(at + ": deprecated since " + def.get("@deprecated").path("since").asText());
            }
            value(field.getValue(), def, profiles, at, errors);
            sibling(node, name, def, at, errors);
        }
    }

    private void value(JsonNode value, ObjectNode def, Set<String> profiles, String at, List<String> errors) {
        if (def.path("is_array").asBoolean()) {
            if (!value.isArray()) {
                errors.add(at + ": must be an array");
                return;
            }
            for (int i = 0; i < value.size(); i++) {
                single(value.get(i), def, profiles, at + "[" + i + "]", errors);
            }
        } else {
            single(value, def, profiles, at, errors);
        }
    }

    private void single(JsonNode value, ObjectNode def, Set<String> profiles, String at, List<String> errors) {
        String type = def.path("type").asText();
        if (type.equals("object") || type.equals("json_t")) {
            return; // free-form: unmapped, data
        }
        if (!type.endsWith("_t")) {
            if (!value.isObject()) {
                errors.add(at + ": must be an object (" + type + ")");
                return;
            }
            check(value, objectAttributes(type), profiles, at + ".", errors);
            return;
        }
        String base = baseType(type);
        boolean ok = switch (base) {
            case "string_t" -> value.isTextual();
            case "integer_t", "long_t", "timestamp_t", "port_t" -> value.isIntegralNumber();
            case "float_t" -> value.isNumber();
            case "boolean_t" -> value.isBoolean();
            default -> throw new IllegalStateException("unknown base type " + base + " of " + type);
        };
        if (!ok) {
            errors.add(at + ": " + value.getNodeType() + " is not a " + type);
            return;
        }
        JsonNode t = types.path(type);
        if (t.has("regex") && !Pattern.compile(t.get("regex").asText()).matcher(value.asText()).matches()) {
            errors.add(at + ": '" + value.asText() + "' does not match the " + type + " pattern");
        }
        if (t.has("max_len") && value.asText().length() > t.get("max_len").asInt()) {
            errors.add(at + ": longer than " + t.get("max_len").asInt());
        }
        JsonNode en = def.path("enum");
        if (en.isObject() && !en.has(value.asText())) {
            errors.add(at + ": " + value.asText() + " is not one of " + iterate(en.fieldNames()));
        }
    }

    /** {@code status} beside {@code status_id}: the caption of the id's enum value, unless the value is 99 Other. */
    private static void sibling(JsonNode node, String name, ObjectNode def, String at, List<String> errors) {
        if (!name.endsWith("_id") || !def.path("enum").isObject()) {
            return;
        }
        String siblingName = def.has("sibling") ? def.get("sibling").asText() : name.substring(0, name.length() - 3);
        JsonNode caption = def.get("enum").path(node.get(name).asText()).path("caption");
        if (node.has(siblingName) && !caption.isMissingNode() && !"99".equals(node.get(name).asText())
                && !caption.asText().equals(node.get(siblingName).asText())) {
            errors.add(at + ": its " + siblingName + " '" + node.get(siblingName).asText() + "' is not '"
                    + caption.asText() + "'");
        }
    }

    private String baseType(String type) {
        String t = type;
        while (types.path(t).has("type")) {
            t = types.path(t).get("type").asText();
        }
        return t;
    }

    private static boolean allowed(ObjectNode def, Set<String> profiles) {
        return !def.has("profile") || def.get("profile").isNull() || profiles.contains(def.get("profile").asText());
    }

    private Map<String, ObjectNode> classAttributes(String classPath) {
        JsonNode cls = read("events/" + classPath + ".json");
        Map<String, ObjectNode> out = new LinkedHashMap<>();
        if (cls.has("extends")) {
            String parent = cls.get("extends").asText();
            out.putAll(classAttributes(parent.equals("base_event") ? "base_event" : classPath.replaceAll("[^/]+$", "") + parent));
        }
        merge(out, cls.get("attributes"), Optional.empty());
        return withDictionary(out);
    }

    private Map<String, ObjectNode> objectAttributes(String name) {
        Map<String, ObjectNode> known = objects.get(name);
        if (known != null) {
            return known;
        }
        JsonNode obj = read("objects/" + name + ".json");
        Map<String, ObjectNode> out = new LinkedHashMap<>();
        if (obj.has("extends")) {
            objectAttributes(obj.get("extends").asText()).forEach((k, v) -> out.put(k, v.deepCopy()));
        }
        merge(out, obj.get("attributes"), Optional.empty());
        Map<String, ObjectNode> compiled = withDictionary(out);
        objects.put(name, compiled);
        return compiled;
    }

    /** Own attributes over inherited ones, field by field; {@code $include}d files first, marked with their profile. */
    private void merge(Map<String, ObjectNode> out, JsonNode attributes, Optional<String> profile) {
        for (JsonNode include : attributes.path("$include")) {
            JsonNode inc = read(include.asText());
            Optional<String> p = "profile".equals(inc.path("meta").asText())
                    ? Optional.of(inc.get("name").asText()) : Optional.empty();
            merge(out, inc.get("attributes"), p);
        }
        Iterator<Map.Entry<String, JsonNode>> fields = attributes.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            if (f.getKey().equals("$include")) {
                continue;
            }
            ObjectNode merged = out.containsKey(f.getKey()) ? out.get(f.getKey()).deepCopy() : Json.json().createObjectNode();
            f.getValue().fields().forEachRemaining(e -> {
                if (e.getKey().equals("enum") && merged.path("enum").isObject()) {
                    ((ObjectNode) merged.get("enum")).setAll((ObjectNode) e.getValue());
                } else {
                    merged.set(e.getKey(), e.getValue());
                }
            });
            profile.ifPresent(p -> merged.put("profile", p));
            out.put(f.getKey(), merged);
        }
    }

    /** The dictionary's type, array-ness, sibling and enum under what the class or object says. */
    private Map<String, ObjectNode> withDictionary(Map<String, ObjectNode> attributes) {
        Map<String, ObjectNode> out = new LinkedHashMap<>();
        attributes.forEach((name, def) -> {
            JsonNode dict = dictionary.path(name);
            if (dict.isMissingNode()) {
                throw new IllegalStateException("attribute " + name + " is not in the dictionary");
            }
            ObjectNode full = ((ObjectNode) dict).deepCopy();
            def.fields().forEachRemaining(e -> {
                if (e.getKey().equals("enum") && full.path("enum").isObject()) {
                    ((ObjectNode) full.get("enum")).setAll((ObjectNode) e.getValue());
                } else {
                    full.set(e.getKey(), e.getValue());
                }
            });
            out.put(name, full);
        });
        return out;
    }

    private JsonNode read(String file) {
        try (InputStream in = OcsfSchema.class.getResourceAsStream(root + file)) {
            if (in == null) {
                throw new IllegalStateException("not in the vendored schema: " + root + file);
            }
            return Json.json().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String iterate(Iterator<String> it) {
        List<String> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out.toString();
    }
}
