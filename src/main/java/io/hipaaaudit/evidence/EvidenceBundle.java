package io.hipaaaudit.evidence;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.hipaaaudit.json.InputException;
import io.hipaaaudit.json.Json;
import java.io.IOException;
import java.nio.file.Files;
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
        if (!Files.isRegularFile(manifestFile)) {
            throw new InputException(manifestFile + ": no evidence manifest (is " + dir + " a bundle written by --record?)");
        }
        Manifest manifest = parse(manifestFile, Manifest.class);
        if (manifest.formatVersion() != Manifest.FORMAT_VERSION) {
            throw new InputException(manifestFile + ": evidence format " + manifest.formatVersion()
                    + " is not supported (this version reads " + Manifest.FORMAT_VERSION + ")");
        }
        verify(dir, manifest.files());
        List<HttpExchange> exchanges = new ArrayList<>();
        List<DatabaseEvidence> databases = new ArrayList<>();
        for (String file : manifest.files().keySet()) {
            if (file.startsWith("aws/")) {
                exchanges.addAll(parse(dir.resolve(file), BundleFiles.AwsFile.class).exchanges());
            } else if (file.startsWith("postgres/")) {
                databases.add(parse(dir.resolve(file), DatabaseEvidence.class));
            }
        }
        return new EvidenceBundle(manifest, exchanges, databases);
    }

    private static void verify(Path dir, Map<String, String> listed) {
        Path root = dir.toAbsolutePath().normalize();
        for (Map.Entry<String, String> entry : listed.entrySet()) {
            Path file = root.resolve(entry.getKey()).normalize();
            if (!file.startsWith(root) || entry.getKey().equals(BundleFiles.MANIFEST)) {
                throw new InputException(dir.resolve(entry.getKey()) + ": the manifest lists a file outside the bundle");
            }
            if (!Files.isRegularFile(file)) {
                throw new InputException(dir.resolve(entry.getKey()) + ": listed in the manifest but missing");
            }
            if (!BundleFiles.sha256(read(file)).equals(entry.getValue())) {
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

    private static <T> T parse(Path file, Class<T> type) {
        String text = new String(read(file), java.nio.charset.StandardCharsets.UTF_8);
        try {
            return Json.json().readValue(text, type);
        } catch (JsonProcessingException e) {
            throw InputException.of(file.toString(), e, Json.json().getFactory(), text);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InputException(file + ": cannot read: " + e.getMessage());
        }
    }
}
