package io.hipaaaudit.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * JSON copies of the YAML documents the jar ships (the rule pack's files, the fact catalog), written by the build
 * into the classes folder, so that a process reads its bundled documents with Jackson's JSON parser instead of
 * SnakeYAML's, which is the slower by a factor of three and otherwise loaded and compiled at every start.
 *
 * <p>A copy stands for exactly the text it was made from, which is kept with it: a document whose text differs (a
 * rule edited since the build and run from the classes folder) or has no copy is parsed as YAML, as is any document
 * whose copy does not bind (so that an error names its YAML line). A test compares every copy with its YAML, as a
 * tree and bound.
 *
 * <p>The file is a list of entries (name, YAML text, compact JSON), not a JSON document itself: each copy is bound
 * straight from its own bytes when it is asked for, and nothing is parsed to find it.
 */
public final class YamlTwins {
    /** The file of copies, a classpath resource. */
    public static final String RESOURCE = "io/hipaaaudit/json/yaml-twins.bin";
    private static final int MAGIC = 0x594A5331; // "YJS1"
    private static final YamlTwins NONE = new YamlTwins(Map.of());

    /** One document: the UTF-8 bytes of the YAML it was made from, and of its JSON. */
    private record Twin(byte[] yaml, byte[] json) {}

    private final Map<String, Twin> twins;

    private YamlTwins(Map<String, Twin> twins) {
        this.twins = twins;
    }

    /** The copies the build made, read on first use. */
    private static final class Bundled {
        static final YamlTwins TWINS = readBundled();
    }

    /** The copies the build made, read once; none when the file is absent or unreadable. */
    public static YamlTwins bundled() {
        return Bundled.TWINS;
    }

    /** The resource names that have a copy. */
    public java.util.Set<String> names() {
        return twins.keySet();
    }

    /** The JSON of resource {@code name} if its copy was made from exactly {@code yaml}. */
    private Optional<byte[]> json(String name, String yaml) {
        Twin twin = twins.get(name);
        return twin != null && Arrays.equals(twin.yaml(), yaml.getBytes(StandardCharsets.UTF_8))
                ? Optional.of(twin.json()) : Optional.empty();
    }

    /** The document of resource {@code name} as a tree, if its copy was made from exactly {@code yaml}. */
    public Optional<JsonNode> tree(String name, String yaml) {
        try {
            Optional<byte[]> json = json(name, yaml);
            return json.isPresent() ? Optional.of(Json.json().readTree(json.get())) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** {@code yaml} (the text of resource {@code name}) as a tree: from its copy when there is one, else parsed. */
    public JsonNode readTree(String name, String yaml) throws JsonProcessingException {
        Optional<JsonNode> twin = tree(name, yaml);
        return twin.isPresent() ? twin.get() : Json.yaml().readTree(yaml);
    }

    /** {@code yaml} (the text of resource {@code name}) bound to {@code type}: from its copy when there is one. */
    public <T> T readValue(String name, String yaml, Class<T> type) throws JsonProcessingException {
        Optional<byte[]> json = json(name, yaml);
        if (json.isPresent()) {
            try {
                return Json.json().readValue(json.get(), type);
            } catch (IOException | IllegalArgumentException e) {
                // read the YAML instead, so that the error it gives names the line
            }
        }
        return Json.yaml().readValue(yaml, type);
    }

    private static YamlTwins readBundled() {
        try (InputStream in = YamlTwins.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            return in == null ? NONE : read(in.readAllBytes());
        } catch (IOException | RuntimeException e) {
            return NONE; // every document is then read from its YAML
        }
    }

    static YamlTwins read(byte[] file) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(file));
        if (in.readInt() != MAGIC) {
            return NONE;
        }
        int n = in.readInt();
        Map<String, Twin> twins = new java.util.HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            String name = in.readUTF();
            byte[] yaml = new byte[in.readInt()];
            in.readFully(yaml);
            byte[] json = new byte[in.readInt()];
            in.readFully(json);
            twins.put(name, new Twin(yaml, json));
        }
        if (in.read() != -1) {
            throw new IOException(RESOURCE + ": bytes after its last entry");
        }
        return new YamlTwins(Map.copyOf(twins));
    }

    /**
     * Build step: writes {@link #RESOURCE} into {@code classes} with a copy of each named resource of that folder
     * (names as the class loader takes them, e.g. {@code rules/frameworks/hipaa-security-rule.yaml}).
     */
    public static void write(Path classes, Iterable<String> names) throws IOException {
        Map<String, String> sorted = new TreeMap<>();
        for (String name : names) {
            sorted.put(name, Files.readString(classes.resolve(name), StandardCharsets.UTF_8));
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(MAGIC);
        out.writeInt(sorted.size());
        for (Map.Entry<String, String> e : sorted.entrySet()) {
            byte[] yaml = e.getValue().getBytes(StandardCharsets.UTF_8);
            byte[] json = Json.json().writer().without(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsBytes(Json.yaml().readTree(e.getValue()));
            out.writeUTF(e.getKey());
            out.writeInt(yaml.length);
            out.write(yaml);
            out.writeInt(json.length);
            out.write(json);
        }
        out.flush();
        Path file = classes.resolve(RESOURCE);
        Files.createDirectories(file.getParent());
        Files.write(file, bytes.toByteArray());
    }
}
