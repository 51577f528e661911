package io.hipaaaudit.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.hipaaaudit.json.Json;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts inventory records into the plain values CEL works on: maps with string keys, lists, String, Boolean,
 * Long and Double. Absent optionals are absent keys, so {@code has(resource.x)} tells observed from unknown.
 */
public final class Plain {
    private Plain() {}

    @SuppressWarnings("unchecked")
    public static Map<String, Object> of(Object record) {
        return (Map<String, Object>) convert(Json.json().valueToTree(record));
    }

    public static Object convert(JsonNode node) {
        switch (node.getNodeType()) {
            case OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> f = fields.next();
                    if (!f.getValue().isNull()) {
                        map.put(f.getKey(), convert(f.getValue()));
                    }
                }
                return map;
            }
            case ARRAY -> {
                List<Object> list = new ArrayList<>(node.size());
                node.forEach(n -> list.add(convert(n)));
                return list;
            }
            case NUMBER -> {
                return node.isIntegralNumber() ? (Object) node.asLong() : (Object) node.asDouble();
            }
            case BOOLEAN -> {
                return node.asBoolean();
            }
            default -> {
                return node.asText();
            }
        }
    }
}
