package io.hipaaaudit.analyse.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hipaaaudit.engine.Environments;
import io.hipaaaudit.engine.ResourceView;
import io.hipaaaudit.engine.Views;
import io.hipaaaudit.inventory.InventoryJson;
import io.hipaaaudit.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A network scenario for tests: the inventory of a rule fixture (so the fixtures and these tests describe the same
 * networks), optionally edited, and the facts Views derives from it.
 */
final class Scenario {
    final ObjectNode inv;

    private Scenario(ObjectNode inv) {
        this.inv = inv;
    }

    /** The inventory of {@code rules/network/<rule>/fixtures/<path>.json}. */
    static Scenario fixture(String rule, String path) {
        try {
            JsonNode root = Json.json().readTree(Files.readString(Path.of("rules/network", rule, "fixtures", path + ".json")));
            return new Scenario((ObjectNode) root.get("inventory").deepCopy());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ObjectNode find(String list, String id) {
        for (JsonNode n : inv.withArray(list)) {
            if (n.get("id").asText().equals(id)) {
                return (ObjectNode) n;
            }
        }
        throw new IllegalArgumentException(list + "/" + id);
    }

    ArrayNode array(String list, String id, String field) {
        return find(list, id).withArray(field);
    }

    ObjectNode node(String json) {
        try {
            return (ObjectNode) Json.json().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Map<String, List<ResourceView>> views() {
        try {
            return Views.build(InventoryJson.parse(Json.json().writeValueAsString(inv), "scenario"),
                    new Environments("prod", null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Map<String, Object> facts(String type, String id) {
        return views().get(type).stream().filter(v -> v.id().equals(id)).findFirst().orElseThrow().facts();
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> network(String type, String id) {
        return (Map<String, Object>) facts(type, id).get("network");
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> paths(Map<String, Object> network) {
        return (List<Map<String, Object>>) network.get("paths");
    }
}
