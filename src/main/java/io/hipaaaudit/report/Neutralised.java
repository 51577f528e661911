package io.hipaaaudit.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.hipaaaudit.findings.FindingsDocument;
import io.hipaaaudit.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one filter for text that came from the cloud (tag keys and values, resource names, messages and evidence
 * built from them), applied to the whole findings document before any reporter but the canonical JSON sees it:
 * bidi overrides, zero-width and other format characters are named ({@code <U+202E>}), control characters
 * (ANSI escapes, NUL) become U+FFFD. findings.json keeps the exact values, with the same invisible characters
 * written as {@code \\u} escapes, so the file shows them and reads back unchanged.
 */
final class Neutralised {
    private Neutralised() {}

    /** {@code doc} with every string, object keys included, made printable ({@link FindingText#printable}). */
    static FindingsDocument of(FindingsDocument doc) {
        JsonNode tree = Json.json().valueToTree(doc);
        try {
            return Json.json().treeToValue(clean(tree), FindingsDocument.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("findings do not read back after neutralising their text", e);
        }
    }

    private static JsonNode clean(JsonNode node) {
        if (node.isTextual()) {
            return TextNode.valueOf(FindingText.printable(node.asText()));
        }
        if (node.isArray()) {
            ArrayNode out = Json.json().createArrayNode();
            node.forEach(n -> out.add(clean(n)));
            return out;
        }
        if (node.isObject()) {
            ObjectNode out = Json.json().createObjectNode();
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
            node.fields().forEachRemaining(fields::add);
            fields.forEach(e -> out.set(FindingText.printable(e.getKey()), clean(e.getValue())));
            return out;
        }
        return node;
    }

    /** findings.json as written: invisible characters escaped, nothing else changed. */
    static String canonicalJson(FindingsDocument doc) {
        try {
            return Json.json().writer().with(VISIBLE).writeValueAsString(doc) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the findings", e);
        }
    }

    /** JSON's standard escapes, plus {@code \\uXXXX} for format characters and line/paragraph separators. */
    private static final CharacterEscapes VISIBLE = new CharacterEscapes() {
        private static final long serialVersionUID = 1L;
        private final int[] ascii = standardAsciiEscapesForJSON();

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return FindingText.invisible(ch) ? new SerializedString(String.format(Locale.ROOT, "\\u%04x", ch)) : null;
        }
    };
}
