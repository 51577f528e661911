package io.hipaaaudit.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.hipaaaudit.json.InputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Validates a configuration tree against the published schema ({@code docs/hipaa-audit.schema.json}, bundled in
 * the jar) and turns every violation into {@code file:line: path: what was expected}, ordered by line.
 */
final class SchemaCheck {
    static final String RESOURCE = "/io/hipaaaudit/config/hipaa-audit.schema.json";
    private static final int MAX_REPORTED = 20;
    private static final JsonSchema SCHEMA = load();

    private SchemaCheck() {}

    private static JsonSchema load() {
        try (InputStream in = SchemaCheck.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the configuration schema is missing from the classpath");
            }
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void validate(JsonNode tree, ConfigSource source) {
        List<Located> errors = new ArrayList<>();
        for (ValidationMessage m : SCHEMA.validate(tree)) {
            List<Object> path = new ArrayList<>();
            for (int i = 0; i < m.getInstanceLocation().getNameCount(); i++) {
                path.add(m.getInstanceLocation().getElement(i));
            }
            String where = display(path);
            if ("additionalProperties".equals(m.getType()) && m.getProperty() != null) {
                path.add(m.getProperty());
            }
            errors.add(new Located(source.line(path), where, describe(m, where)));
        }
        if (errors.isEmpty()) {
            return;
        }
        errors.sort(Comparator.comparingInt(Located::line).thenComparing(Located::message));
        throw new InputException(errors.stream().limit(MAX_REPORTED)
                .map(e -> (e.line() > 0 ? source.origin() + ":" + e.line() : source.origin()) + ": " + e.message())
                .distinct().collect(Collectors.joining("\n")));
    }

    private record Located(int line, String where, String message) {}

    /** The validator's message with its JSON-path prefix replaced by a YAML-style key path. */
    private static String describe(ValidationMessage m, String where) {
        if ("additionalProperties".equals(m.getType())) {
            return "unknown key '" + m.getProperty() + "'" + (where.isEmpty() ? "" : " in " + where)
                    + "; expected one of " + String.join(", ", known(m));
        }
        String text = m.getMessage().replaceFirst("^[$/]\\S*:\\s*", "");
        return (where.isEmpty() ? "" : where + ": ") + text;
    }

    private static List<String> known(ValidationMessage m) {
        List<String> keys = new ArrayList<>();
        SCHEMA.getSchemaNode().at(pointer(m)).path("properties").fieldNames().forEachRemaining(keys::add);
        keys.sort(null);
        return keys;
    }

    /** JSON pointer of the schema object whose additionalProperties rejected the key. */
    private static String pointer(ValidationMessage m) {
        String fragment = m.getSchemaLocation().getFragment().toString();
        return fragment.endsWith("/additionalProperties")
                ? fragment.substring(0, fragment.length() - "/additionalProperties".length()) : fragment;
    }

    static String display(List<Object> path) {
        StringBuilder b = new StringBuilder();
        for (Object e : path) {
            if (e instanceof Integer i) {
                b.append('[').append(i).append(']');
            } else {
                b.append(b.length() == 0 ? "" : ".").append(e);
            }
        }
        return b.toString();
    }
}
