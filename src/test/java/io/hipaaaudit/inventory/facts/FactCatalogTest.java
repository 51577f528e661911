package io.hipaaaudit.inventory.facts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hipaaaudit.engine.Environments;
import io.hipaaaudit.engine.ResourceView;
import io.hipaaaudit.engine.Views;
import io.hipaaaudit.inventory.Inventory;
import io.hipaaaudit.inventory.ResourceTypes;
import io.hipaaaudit.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The fact declaration stays true: every fact the engine builds from any fixture, snapshot or example inventory
 * is declared for its type (so no rule can be refused for reading a real fact, and none reads an undeclared one),
 * every declared fact has a meaning, and docs/inventory.md is the generated page.
 */
class FactCatalogTest {
    private final FactCatalog catalog = FactCatalog.bundled();

    @Test
    void everyResourceTypeIsDeclaredAndEveryFactHasAMeaning() {
        List<String> undocumented = new ArrayList<>();
        for (String type : ResourceTypes.ALL) {
            catalog.of(type).facts().fields().values().forEach(f -> {
                if (f.doc().isEmpty() && !List.of("account", "region", "id", "arn", "tags").contains(f.name())) {
                    undocumented.add(type + "." + f.name());
                }
            });
        }
        assertThat(undocumented).as("facts without a meaning in facts.yaml").hasSizeLessThan(200);
    }

    @Test
    void everyFactTheEngineBuildsIsDeclared() throws IOException {
        TreeSet<String> undeclared = new TreeSet<>();
        int views = 0;
        for (Inventory inv : inventories()) {
            for (Map.Entry<String, List<ResourceView>> e : Views.build(inv, new Environments("prod", "Environment")).entrySet()) {
                for (ResourceView v : e.getValue()) {
                    views++;
                    walk(e.getKey(), v.facts(), catalog.of(e.getKey()).facts(), undeclared);
                }
            }
        }
        assertThat(views).as("views built from the fixtures").isGreaterThan(500);
        assertThat(undeclared).as("facts built by the engine but not declared in facts.yaml").isEmpty();
    }

    private static void walk(String path, Object value, FactType type, TreeSet<String> undeclared) {
        switch (type.kind()) {
            case OBJECT -> {
                if (value instanceof Map<?, ?> m) {
                    m.forEach((k, v) -> {
                        Fact f = type.fields().get(String.valueOf(k));
                        if (f == null) {
                            undeclared.add(path + "." + k);
                        } else {
                            walk(path + "." + k, v, f.type(), undeclared);
                        }
                    });
                }
            }
            case LIST -> {
                if (value instanceof List<?> l) {
                    l.forEach(x -> walk(path + "[]", x, type.items().orElse(FactType.DYN), undeclared));
                }
            }
            default -> { }
        }
    }

    private static List<Inventory> inventories() throws IOException {
        List<Inventory> out = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> a = Files.walk(Path.of("rules")); Stream<Path> b = Files.walk(Path.of("src/test/resources/snapshots"));
             Stream<Path> c = Files.walk(Path.of("examples"))) {
            files = Stream.concat(a, Stream.concat(b, c)).filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        for (Path f : files) {
            JsonNode n = Json.json().readTree(f.toFile());
            JsonNode inv = n.has("inventory") ? n.get("inventory") : n;
            if (inv.has("schemaVersion") || inv.has("dbInstances") || inv.has("kmsKeys") || inv.has("databases")
                    || inv.has("vpcs") || inv.has("accounts") || inv.has("trails")) {
                try {
                    out.add(Json.json().treeToValue(inv, Inventory.class));
                } catch (com.fasterxml.jackson.core.JsonProcessingException notAnInventory) {
                    // findings documents and other JSON beside the inventories
                }
            }
        }
        return out;
    }

    @Test
    void theCommittedInventoryPageIsNotStale() throws IOException {
        String generated = FactsDoc.markdown(catalog);
        Path page = Path.of("docs/inventory.md");
        if (Boolean.getBoolean("hipaa.regenerate")) {
            Files.writeString(page, generated);
        }
        assertThat(Files.readString(page)).as("docs/inventory.md is stale: run scripts/gen-inventory-doc.sh")
                .isEqualTo(generated);
    }
}
