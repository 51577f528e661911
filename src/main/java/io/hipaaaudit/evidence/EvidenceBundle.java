package io.hipaaaudit.evidence;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.hipaaaudit.json.InputException;
import io.hipaaaudit.json.InputFiles;
import io.hipaaaudit.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * A verified evidence bundle, read for replay. {@link #open} checks the manifest first: every listed file present
 * with its SHA-256, and no file the manifest does not list. The first discrepancy is one line naming the file.
 */
public record EvidenceBundle(Manifest manifest, List<HttpExchange> exchanges, List<DatabaseEvidence> databases) {
    public EvidenceBundle {
        exchanges = List.copyOf(exchanges);
        databases = List.copyOf(databases);
    }

    public static EvidenceBundle open(Path dir) {
        Path manifestFile = dir.resolve(BundleFiles.MANIFEST);
        if (Files.isDirectory(dir)) {
            refuseLinks(dir);
        }
        if (!Files.isRegularFile(manifestFile, LinkOption.NOFOLLOW_LINKS)) {
            throw new InputException(manifestFile + ": no evidence manifest (is " + dir + " a bundle written by --record?)");
        }
        Manifest manifest = parse(manifestFile, Manifest.class, InputFiles.Kind.MANIFEST);
        if (manifest.formatVersion() != Manifest.FORMAT_VERSION) {
            throw new InputException(manifestFile + ": evidence format " + manifest.formatVersion()
                    + " is not supported (this version reads " + Manifest.FORMAT_VERSION + ")");
        }
        verify(dir, manifest.files());
        List<HttpExchange> exchanges = new ArrayList<>();
        List<DatabaseEvidence> databases = new ArrayList<>();
        for (String file : manifest.files().keySet()) {
            if (file.startsWith("aws/")) {
                exchanges.addAll(parse(dir.resolve(file), BundleFiles.AwsFile.class, InputFiles.Kind.EVIDENCE)
                        .exchanges());
            } else if (file.startsWith("postgres/")) {
                databases.add(parse(dir.resolve(file), DatabaseEvidence.class, InputFiles.Kind.EVIDENCE));
            }
        }
        consistent(manifestFile, manifest, exchanges, databases);
        return new EvidenceBundle(manifest, exchanges, databases);
    }

    /**
     * The manifest must describe what the files hold: an edit that drops a database's file together with its line,
     * or the AWS part together with its files, needs no hash recomputed, and would otherwise turn that part's rules
     * into NOT_APPLICABLE instead of NOT_ASSESSED.
     */
    private static void consistent(Path manifestFile, Manifest manifest, List<HttpExchange> exchanges,
                                   List<DatabaseEvidence> databases) {
        if (databases.size() != manifest.databases().size()) {
            throw new InputException(manifestFile + ": the manifest names " + manifest.databases().size()
                    + " database(s) but the bundle holds " + databases.size());
        }
        for (DatabaseEvidence db : databases) {
            if (db.id().isPresent() && !manifest.databases().contains(db.id().get())) {
                throw new InputException(manifestFile + ": database " + db.id().get() + " is not in the manifest");
            }
        }
        if (manifest.aws().isPresent() && exchanges.isEmpty()) {
            throw new InputException(manifestFile + ": the manifest records an AWS collection but the bundle holds "
                    + "no AWS exchange");
        }
        if (manifest.aws().isEmpty() && (!manifest.accounts().isEmpty() || !exchanges.isEmpty())) {
            throw new InputException(manifestFile + ": the bundle holds AWS evidence but the manifest records no AWS "
                    + "collection");
        }
    }

    /**
     * A bundle is a tree of regular files. A symbolic link, to a file inside or outside the bundle (a listed file
     * linked to /etc/passwd, a linked folder), is refused before anything is read, naming the link.
     */
    private static void refuseLinks(Path dir) {
        Path root;
        List<Path> entries;
        try {
            root = dir.toRealPath();
            try (Stream<Path> walk = Files.walk(root)) {
                entries = walk.sorted().toList();
            }
        } catch (IOException | UncheckedIOException e) {
            throw new InputException(dir + ": cannot list the bundle: " + e.getMessage());
        }
        for (Path p : entries) {
            if (Files.isSymbolicLink(p)) {
                throw new InputException(dir.resolve(root.relativize(p).toString())
                        + ": a symbolic link; an evidence bundle holds regular files only");
            }
        }
    }

    /** The names a bundle's files have: aws/REGION/SERVICE.json and postgres/NN-TARGET.json. */
    private static final java.util.regex.Pattern LAYOUT =
            java.util.regex.Pattern.compile("(aws/[A-Za-z0-9._-]+/[A-Za-z0-9._-]+|postgres/[A-Za-z0-9._-]+)\\.json");

    private static void verify(Path dir, Map<String, String> listed) {
        Path root = dir.toAbsolutePath().normalize();
        for (Map.Entry<String, String> entry : listed.entrySet()) {
            if (!LAYOUT.matcher(entry.getKey()).matches() || !Path.of(entry.getKey()).normalize().toString()
                    .equals(entry.getKey())) {
                // one spelling per file: "aws/r/./ec2.json" beside "aws/r/ec2.json" would load its answers twice
                throw new InputException(dir.resolve(entry.getKey()) + ": not a file name this bundle format uses");
            }
            Path file = root.resolve(entry.getKey()).normalize();
            if (!file.startsWith(root) || entry.getKey().equals(BundleFiles.MANIFEST)) {
                throw new InputException(dir.resolve(entry.getKey()) + ": the manifest lists a file outside the bundle");
            }
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                throw new InputException(dir.resolve(entry.getKey()) + ": listed in the manifest but missing");
            }
            if (!BundleFiles.sha256(InputFiles.readBytes(file, InputFiles.Kind.EVIDENCE)).equals(entry.getValue())) {
                throw new InputException(dir.resolve(entry.getKey())
                        + ": SHA-256 differs from the manifest (the file was changed after recording)");
            }
        }
        TreeSet<String> present = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(p -> !Files.isDirectory(p))
                    .map(p -> root.relativize(p).toString().replace('\\', '/')).forEach(present::add);
        } catch (IOException e) {
            throw new InputException(dir + ": cannot list the bundle: " + e.getMessage());
        }
        present.remove(BundleFiles.MANIFEST);
        present.removeAll(listed.keySet());
        if (!present.isEmpty()) {
            throw new InputException(dir.resolve(present.first())
                    + ": not listed in the manifest (the file was added after recording)");
        }
    }

    private static <T> T parse(Path file, Class<T> type, InputFiles.Kind kind) {
        String text = InputFiles.readString(file, kind);
        try {
            return Json.json().readValue(text, type);
        } catch (JsonProcessingException e) {
            throw InputException.of(file.toString(), e, Json.json().getFactory(), text);
        }
    }
}
