package io.hipaaaudit.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.hipaaaudit.inventory.facts.FactCatalog;
import io.hipaaaudit.rules.RuleFile;
import io.hipaaaudit.rules.RuleLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build's JSON copies of the bundled YAML documents: complete, equal to their YAML, and used only for it. */
class YamlTwinsTest {
    private static final Path CLASSES = Path.of("target", "classes");

    @TempDir
    Path dir;

    @Test
    void theBuildCopiedTheFrameworkEveryRuleFileAndTheFactCatalog() throws IOException {
        List<String> expected = new ArrayList<>();
        expected.add("rules/" + RuleLoader.FRAMEWORK);
        expected.addAll(Files.readAllLines(CLASSES.resolve(RuleLoader.INDEX)));
        expected.add(FactCatalog.RESOURCE_NAME);
        assertThat(expected).hasSizeGreaterThan(50);
        assertThat(YamlTwins.bundled().names()).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void everyCopyIsItsYamlAsATreeAndEveryRuleBindsToTheSameRecord() throws IOException {
        YamlTwins twins = YamlTwins.bundled();
        for (String name : twins.names()) {
            String yaml = Files.readString(CLASSES.resolve(name), StandardCharsets.UTF_8);
            JsonNode copy = twins.tree(name, yaml).orElseThrow(() -> new AssertionError(name + ": no copy of this text"));
            assertThat(copy).as(name).isEqualTo(Json.yaml().readTree(yaml));
            if (name.endsWith("/rule.yaml")) {
                // binding from the YAML's text and from the copy's tree give the same rule (a string field written as
                // a number, say 1.10, would not: the tree keeps the number 1.1)
                assertThat(twins.readValue(name, yaml, RuleFile.class)).as(name)
                        .isEqualTo(Json.yaml().readValue(yaml, RuleFile.class))
                        .isEqualTo(Json.json().treeToValue(copy, RuleFile.class));
            }
        }
    }

    record Shape(String id, int size) {}

    @Test
    void aTextOtherThanTheCopiedOneIsReadAsYaml() throws IOException {
        YamlTwins twins = written("a/doc.yaml", "id: one\nsize: 1\n");
        assertThat(twins.readValue("a/doc.yaml", "id: one\nsize: 1\n", Shape.class)).isEqualTo(new Shape("one", 1));
        assertThat(twins.tree("a/doc.yaml", "id: two\nsize: 2\n")).isEmpty();
        assertThat(twins.readValue("a/doc.yaml", "id: two\nsize: 2\n", Shape.class)).isEqualTo(new Shape("two", 2));
        assertThat(twins.readTree("a/doc.yaml", "id: two\n").get("id").asText()).isEqualTo("two");
        assertThat(twins.tree("b/other.yaml", "id: one\nsize: 1\n")).as("a name without a copy").isEmpty();
    }

    @Test
    void aCopyThatDoesNotBindGivesTheYamlsErrorWithItsLine() throws IOException {
        String yaml = "id: one\n\nsize: 1\nextra: true\n";
        YamlTwins twins = written("a/doc.yaml", yaml);
        assertThat(twins.tree("a/doc.yaml", yaml)).isPresent();
        assertThatThrownBy(() -> twins.readValue("a/doc.yaml", yaml, Shape.class))
                .isInstanceOf(JsonProcessingException.class)
                .hasMessageContaining("extra")
                .satisfies(e -> assertThat(((JsonProcessingException) e).getLocation().getLineNr()).isEqualTo(4));
    }

    @Test
    void aFileOfAnotherFormatHoldsNoCopiesAndATruncatedOneIsRefused() throws IOException {
        assertThat(YamlTwins.read(new byte[] {0, 0, 0, 1, 0, 0, 0, 0}).names()).isEmpty();
        written("a/doc.yaml", "id: one\nsize: 1\n");
        byte[] file = Files.readAllBytes(dir.resolve(YamlTwins.RESOURCE));
        assertThatThrownBy(() -> YamlTwins.read(java.util.Arrays.copyOf(file, file.length - 3)))
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> YamlTwins.read(java.util.Arrays.copyOf(file, file.length + 1)))
                .isInstanceOf(IOException.class).hasMessageContaining("after its last entry");
    }

    private YamlTwins written(String name, String yaml) throws IOException {
        Files.createDirectories(dir.resolve(name).getParent());
        Files.writeString(dir.resolve(name), yaml);
        YamlTwins.write(dir, List.of(name));
        return YamlTwins.read(Files.readAllBytes(dir.resolve(YamlTwins.RESOURCE)));
    }
}
