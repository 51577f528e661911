package io.hipaaaudit.rules;

import io.hipaaaudit.json.InputException;
import io.hipaaaudit.json.InputFiles;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Loads the rule pack: the bundled {@code rules/} (from the jar, or from the source tree in development) and any
 * number of extra folders. A rule in a later folder with the id of an earlier one replaces it, so an organisation
 * can tune a bundled rule without recompiling; new ids add rules.
 */
public final class RuleLoader {
    public static final String FRAMEWORK = "frameworks/hipaa-security-rule.yaml";

    private RuleLoader() {}

    /** The bundled rules folder: inside the jar, or {@code target/classes/rules} when run from classes. */
    public static Path bundledRoot() {
        URL url = RuleLoader.class.getClassLoader().getResource("rules/" + FRAMEWORK);
        if (url == null) {
            throw new IllegalStateException("the bundled rule pack is missing from the classpath");
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem fs;
                try {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    fs = FileSystems.getFileSystem(uri);
                }
                return fs.getPath("/rules");
            }
            return Path.of(uri).getParent().getParent();
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot open the bundled rule pack", e);
        }
    }

    /** Bundled rules plus {@code extraRoots}, in order. */
    public static RulePack load(List<Path> extraRoots) {
        return load(extraRoots, true);
    }

    /** Only the rules in {@code roots}, with the bundled framework (for testing a custom pack alone). */
    public static RulePack loadOnly(List<Path> roots) {
        return load(roots, false);
    }

    /**
     * With {@code firstIsBundled} the bundled pack comes before {@code given}: from the jar's entries when the
     * classes run from a jar (no zip file system of the whole jar is opened), else from its classes folder.
     */
    private static RulePack load(List<Path> given, boolean firstIsBundled) {
        Optional<Map<String, String>> jar = firstIsBundled ? jarEntries() : Optional.empty();
        List<Path> roots = new ArrayList<>();
        if (firstIsBundled) {
            roots.add(jar.isPresent() ? null : bundledRoot()); // null: the jar's entries stand for it
        }
        roots.addAll(given);
        String frameworkText = jar.isPresent() ? jar.get().get("rules/" + FRAMEWORK) : read(bundledRoot().resolve(FRAMEWORK));
        Framework framework = Framework.parse(frameworkText, "rules/" + FRAMEWORK);
        RuleParser parser = new RuleParser(framework.citations());
        Map<String, Rule> rules = new TreeMap<>();
        Map<String, String> hashed = new TreeMap<>();
        hashed.put(FRAMEWORK, frameworkText);
        for (int i = 0; i < roots.size(); i++) {
            Map<String, Rule> inThisRoot = new TreeMap<>();
            if (i == 0 && jar.isPresent()) {
                // the bundled pack straight from the jar's entries, in the order a folder walk gives
                for (Map.Entry<String, String> e : jar.get().entrySet()) {
                    String name = e.getKey();
                    if (!name.endsWith("/rule.yaml")) {
                        continue;
                    }
                    String folder = name.substring(0, name.length() - "/rule.yaml".length());
                    String inPack = folder.substring("rules/".length());
                    Rule rule = parser.parse(e.getValue(), name, folder.substring(folder.lastIndexOf('/') + 1),
                            com.google.common.base.Suppliers.memoize(() -> bundledRoot().resolve(inPack)), name);
                    add(inThisRoot, rule, name);
                    hashed.put(rule.id(), e.getValue());
                }
                rules.putAll(inThisRoot);
                continue;
            }
            Path root = roots.get(i);
            if (!Files.isDirectory(root)) {
                throw new InputException(root + ": rules folder does not exist");
            }
            for (Path file : ruleFiles(root)) {
                String display = firstIsBundled && i == 0 ? "rules/" + root.relativize(file) : file.toString();
                String text = read(file);
                Rule rule = firstIsBundled && i == 0
                        ? parser.parse(text, display, file.getParent().getFileName().toString(), file::getParent,
                                display.replace('\\', '/')) // the resource name of its JSON copy
                        : parser.parse(text, display, file.getParent());
                add(inThisRoot, rule, display);
                hashed.put(rule.id(), text);
            }
            rules.putAll(inThisRoot);
        }
        return new RulePack(framework, List.copyOf(rules.values()), sha256(hashed));
    }

    private static void add(Map<String, Rule> inThisRoot, Rule rule, String display) {
        Rule twin = inThisRoot.put(rule.id(), rule);
        if (twin != null) {
            throw new InputException(display + ": rule " + rule.id() + ": id also used by " + twin.source());
        }
    }

    /**
     * When the classes run from a jar: its {@code rules/} files (the framework and every {@code rule.yaml}) by entry
     * name, sorted as a walk of the folder would visit them, read through the jar file the JDK already has open
     * (no zip file system, no directory walk). Empty when running from a classes folder.
     */
    private static Optional<Map<String, String>> jarEntries() {
        URL url = RuleLoader.class.getClassLoader().getResource("rules/" + FRAMEWORK);
        if (url == null) {
            throw new IllegalStateException("the bundled rule pack is missing from the classpath");
        }
        try {
            if (!(url.openConnection() instanceof java.net.JarURLConnection connection)) {
                return Optional.empty();
            }
            java.util.jar.JarFile file = connection.getJarFile();
            Map<String, String> out = new TreeMap<>(RuleLoader::walkOrder);
            for (var entry : bundledEntries(file)) {
                out.put(entry.getName(), text(file, entry));
            }
            return Optional.of(out);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the bundled rule pack", e);
        }
    }

    /** The order {@link #ruleFiles} gives: paths compared name by name, as {@code Path.compareTo} does. */
    private static int walkOrder(String a, String b) {
        return Path.of(a).compareTo(Path.of(b));
    }

    /** The bundled pack's size and hash as {@link #load} gives them. */
    public record Summary(int rules, String sha256) {}

    /**
     * The bundled pack's rule count and hash without parsing the rules or compiling their expressions: each file
     * is keyed by its folder's name, which is its id, exactly as {@link #load} keys the hash. For {@code version}.
     */
    public static Summary bundledSummary() {
        URL url = RuleLoader.class.getClassLoader().getResource("rules/" + FRAMEWORK);
        if (url == null) {
            throw new IllegalStateException("the bundled rule pack is missing from the classpath");
        }
        Map<String, String> hashed = new TreeMap<>();
        try {
            if (url.openConnection() instanceof java.net.JarURLConnection jar) {
                // the jar the classes came from, opened once: no zip file system, no directory walk
                java.util.jar.JarFile file = jar.getJarFile();
                for (var entry : bundledEntries(file)) {
                    String name = entry.getName();
                    if (name.equals("rules/" + FRAMEWORK)) {
                        hashed.put(FRAMEWORK, text(file, entry));
                    } else if (name.startsWith("rules/") && name.endsWith("/rule.yaml")) {
                        String folder = name.substring(0, name.length() - "/rule.yaml".length());
                        // a rule's id is its folder's name (the loader refuses any other): no YAML is parsed
                        hashed.put(folder.substring(folder.lastIndexOf('/') + 1), text(file, entry));
                    }
                }
            } else {
                Path root = bundledRoot();
                hashed.put(FRAMEWORK, read(root.resolve(FRAMEWORK)));
                for (Path file : ruleFiles(root)) {
                    hashed.put(file.getParent().getFileName().toString(), read(file));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the bundled rule pack", e);
        }
        return new Summary(hashed.size() - 1, sha256(hashed));
    }

    /** The bundled pack's list of its rule files, written into the classes folder by the build. */
    public static final String INDEX = "rules/rule-files.txt";

    /**
     * The framework file and every rule file of the bundled pack in {@code jar}: the entries its index names, or,
     * in a jar built without one, those a walk of all its entries finds (about 50,000 of them, 13 ms at start).
     */
    static List<java.util.jar.JarEntry> bundledEntries(java.util.jar.JarFile jar) throws IOException {
        List<java.util.jar.JarEntry> found = new ArrayList<>();
        java.util.jar.JarEntry index = jar.getJarEntry(INDEX);
        if (index != null) {
            found.add(jar.getJarEntry("rules/" + FRAMEWORK));
            for (String name : text(jar, index).lines().filter(l -> !l.isBlank()).toList()) {
                java.util.jar.JarEntry entry = jar.getJarEntry(name);
                if (entry == null) {
                    throw new IllegalStateException("the bundled rule pack's index names " + name
                            + ", which is not in " + jar.getName());
                }
                found.add(entry);
            }
            return found;
        }
        for (var entries = jar.entries(); entries.hasMoreElements(); ) {
            var entry = entries.nextElement();
            String name = entry.getName();
            if (name.equals("rules/" + FRAMEWORK) || (name.startsWith("rules/") && name.endsWith("/rule.yaml"))) {
                found.add(entry);
            }
        }
        return found;
    }

    /**
     * Build step: writes {@link #INDEX} into the classes folder, naming every {@code rule.yaml} of the bundled
     * pack there (paths from the classes folder, one a line).
     */
    public static void writeIndex(Path classes) throws IOException {
        Path rules = classes.resolve("rules");
        StringBuilder index = new StringBuilder();
        for (Path file : ruleFiles(rules)) {
            index.append("rules/").append(rules.relativize(file).toString().replace('\\', '/')).append('\n');
        }
        Files.writeString(classes.resolve(INDEX), index.toString(), StandardCharsets.UTF_8);
    }

    private static String text(java.util.jar.JarFile file, java.util.jar.JarEntry entry) throws IOException {
        try (var in = file.getInputStream(entry)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Every {@code rule.yaml} below root, in a stable order. */
    public static List<Path> ruleFiles(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.getFileName() != null && p.getFileName().toString().equals("rule.yaml"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new InputException(root + ": cannot list rules: " + e.getMessage());
        }
    }

    private static String read(Path file) {
        return InputFiles.readString(file, InputFiles.Kind.RULE);
    }

    private static String sha256(Map<String, String> files) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            files.forEach((name, text) -> {
                md.update(name.getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
                md.update(text.getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
            });
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
