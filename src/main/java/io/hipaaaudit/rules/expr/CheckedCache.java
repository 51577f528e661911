package io.hipaaaudit.rules.expr;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelProtoAbstractSyntaxTree;
import dev.cel.expr.CheckedExpr;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The bundled rules' expressions, type-checked when the jar was built: expression text to CEL's checked
 * expression (the {@code CheckedExpr} protobuf). Checking is most of what loading a rule pack costs, since CEL
 * builds its standard environment anew for every expression; a checked expression read back is the same tree the
 * checker gives (a test compares every entry with a fresh compile), so a hit only skips the work.
 *
 * <p>The file names the environment it was checked in: a hash of the compiled {@link CelSupport} class, which
 * declares the variables, functions, options and libraries. A file from another build of that class is ignored,
 * and so is an expression the file does not hold (a custom rule, an edited bundled rule run from source): those
 * compile as always.
 */
public final class CheckedCache {
    static final String RESOURCE = "io/hipaaaudit/rules/expr/checked-expressions.bin";
    private static final int MAGIC = 0x43454C31; // "CEL1"
    private static final CheckedCache EMPTY = new CheckedCache(Map.of());
    private static volatile CheckedCache bundled;

    private final Map<String, byte[]> entries;

    private CheckedCache(Map<String, byte[]> entries) {
        this.entries = entries;
    }

    /** The cache in the jar (or classes folder), read once; empty when absent or from another environment. */
    static CheckedCache bundled() {
        CheckedCache c = bundled;
        if (c == null) {
            synchronized (CheckedCache.class) {
                c = bundled;
                if (c == null) {
                    c = readBundled();
                    bundled = c;
                }
            }
        }
        return c;
    }

    int size() {
        return entries.size();
    }

    java.util.Set<String> expressions() {
        return entries.keySet();
    }

    /** The checked tree of exactly this expression text, if the build checked it. */
    Optional<CelAbstractSyntaxTree> find(String expression) {
        byte[] bytes = entries.get(expression);
        if (bytes == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(CelProtoAbstractSyntaxTree.fromCheckedExpr(CheckedExpr.parseFrom(bytes)).getAst());
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // unreadable entry: compile instead
        }
    }

    private static CheckedCache readBundled() {
        try (InputStream in = CheckedCache.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            return in == null ? EMPTY : read(in.readAllBytes(), environment());
        } catch (IOException e) {
            return EMPTY;
        }
    }

    static CheckedCache read(byte[] file, String environment) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(file));
        if (in.readInt() != MAGIC || !in.readUTF().equals(environment)) {
            return EMPTY;
        }
        int n = in.readInt();
        Map<String, byte[]> entries = new java.util.HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            String expression = new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8);
            entries.put(expression, in.readNBytes(in.readInt()));
        }
        return new CheckedCache(entries);
    }

    static void write(Map<String, CelAbstractSyntaxTree> checked, String environment, OutputStream target)
            throws IOException {
        DataOutputStream out = new DataOutputStream(target);
        out.writeInt(MAGIC);
        out.writeUTF(environment);
        Map<String, CelAbstractSyntaxTree> sorted = new TreeMap<>(checked);
        out.writeInt(sorted.size());
        for (Map.Entry<String, CelAbstractSyntaxTree> e : sorted.entrySet()) {
            byte[] text = e.getKey().getBytes(StandardCharsets.UTF_8);
            byte[] tree = CelProtoAbstractSyntaxTree.fromCelAst(e.getValue()).toCheckedExpr().toByteArray();
            out.writeInt(text.length);
            out.write(text);
            out.writeInt(tree.length);
            out.write(tree);
        }
        out.flush();
    }

    /** The environment the expressions are checked in: the hash of the class that declares it. */
    static String environment() {
        try (InputStream in = CelSupport.class.getResourceAsStream("CelSupport.class")) {
            if (in == null) {
                return "unknown";
            }
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
        } catch (IOException | NoSuchAlgorithmException e) {
            return "unknown";
        }
    }

    /**
     * Build step (run by Maven after compiling): checks every expression of the rule pack loaded from the classes
     * folder and writes the cache next to the classes, the pack's index of rule files
     * ({@link io.hipaaaudit.rules.RuleLoader#writeIndex}) and the JSON copies of the bundled YAML documents
     * ({@link io.hipaaaudit.json.YamlTwins}). Arguments: the classes folder.
     */
    public static void main(String[] args) throws IOException {
        Path classes = Path.of(args[0]);
        Map<String, CelAbstractSyntaxTree> checked = CelSupport.checkedWhileLoading(
                () -> io.hipaaaudit.rules.RuleLoader.load(java.util.List.of()));
        Path file = classes.resolve(RESOURCE);
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            write(checked, environment(), out);
        }
        System.out.println("checked " + checked.size() + " rule expressions into " + file);
        // and the list of the bundled rule files, so the jar's pack is read without walking all its entries
        io.hipaaaudit.rules.RuleLoader.writeIndex(classes);
        // and JSON copies of the bundled YAML documents a start reads, so that it needs no YAML parser
        java.util.List<String> documents = new java.util.ArrayList<>();
        documents.add("rules/" + io.hipaaaudit.rules.RuleLoader.FRAMEWORK);
        documents.addAll(Files.readAllLines(classes.resolve(io.hipaaaudit.rules.RuleLoader.INDEX)).stream()
                .filter(l -> !l.isBlank()).toList());
        documents.add(io.hipaaaudit.inventory.facts.FactCatalog.RESOURCE_NAME);
        io.hipaaaudit.json.YamlTwins.write(classes, documents);
        System.out.println("copied " + documents.size() + " bundled YAML documents into "
                + classes.resolve(io.hipaaaudit.json.YamlTwins.RESOURCE));
    }
}
