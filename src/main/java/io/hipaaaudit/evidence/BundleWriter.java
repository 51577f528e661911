package io.hipaaaudit.evidence;

import io.hipaaaudit.json.InputException;
import io.hipaaaudit.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Writes an evidence bundle: one JSON file per AWS client (service × region) and per database target, then
 * {@code manifest.json} with the SHA-256 of each. Every file is stable JSON; before it is written, every secret
 * the scan handled is replaced, so a secret a server echoed back cannot reach the disk either. A file's exchanges
 * are in the order they were sent, and exchanges sent at the same instant (a recording at a fixed clock) by
 * action, URL and request body, whichever thread sent them first: the same answers give the same file, however
 * the collector's calls overlapped. Attempts of one request keep their order (replay answers them in turn).
 */
public final class BundleWriter {

    private static final java.util.Comparator<HttpExchange> SENT = java.util.Comparator.comparing(HttpExchange::time)
            .thenComparing(HttpExchange::action).thenComparing(e -> e.request().url())
            .thenComparing(e -> e.request().body());

    private BundleWriter() {}

    /** Checked before the scan starts: the folder must be new or empty, or replay would see foreign files. */
    public static void requireEmpty(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        if (!Files.isDirectory(dir)) {
            throw new InputException(dir + ": --record needs a folder, this is a file");
        }
        try (Stream<Path> entries = Files.list(dir)) {
            if (entries.findAny().isPresent()) {
                throw new InputException(dir + ": --record needs a new or empty folder");
            }
        } catch (IOException e) {
            throw new InputException(dir + ": cannot read the folder: " + e.getMessage());
        }
    }

    /** Writes the bundle; {@code header} is the manifest without its file list. Returns the complete manifest. */
    public static Manifest write(Path dir, EvidenceLog log, Manifest header) {
        Set<String> secrets = log.secrets();
        Map<String, String> texts = new TreeMap<>();
        Map<String, List<HttpExchange>> byClient = new LinkedHashMap<>();
        log.exchanges().forEach(e -> byClient.computeIfAbsent(BundleFiles.awsFile(e.region(), e.service()),
                k -> new ArrayList<>()).add(e));
        byClient.forEach((file, exchanges) -> {
            exchanges.sort(SENT); // stable: a retried request's attempts stay in the order they were made
            texts.put(file, Json.write(new BundleFiles.AwsFile(exchanges)));
        });
        List<DatabaseEvidence> databases = log.databases();
        for (int i = 0; i < databases.size(); i++) {
            DatabaseEvidence db = databases.get(i);
            String name = i < header.databases().size() ? header.databases().get(i) : db.id().orElse(db.url());
            texts.put(BundleFiles.databaseFile(i, name), Json.write(db));
        }
        texts.forEach((file, text) -> refuseSecrets(dir.resolve(file), text, secrets));
        Map<String, String> hashes = new TreeMap<>();
        texts.forEach((file, text) -> {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            hashes.put(file, BundleFiles.sha256(bytes));
            write(dir.resolve(file), bytes);
        });
        Manifest manifest = new Manifest(header.formatVersion(), header.tool(), header.toolVersion(),
                header.rulePackSha256(), header.collectionStartedAt(), header.collectionFinishedAt(), header.aws(),
                header.accounts(), header.regions(), header.databases(), hashes);
        String manifestText = Json.write(manifest);
        refuseSecrets(dir.resolve(BundleFiles.MANIFEST), manifestText, secrets);
        write(dir.resolve(BundleFiles.MANIFEST), manifestText.getBytes(StandardCharsets.UTF_8));
        return manifest;
    }

    /**
     * The last guard, after the structural redaction of headers, URLs and credential fields: a secret the scan used
     * that still appears verbatim stops the recording. Replacing it would alter the evidence (a password that is
     * also a role name or an engine name would vanish from the catalog rows and the API answers, and replay would
     * give other verdicts than the scan), so nothing is written and the scan says which file it was.
     */
    static void refuseSecrets(Path file, String text, Set<String> secrets) {
        for (String secret : secrets) {
            String escaped = Json.write(secret).strip();
            if (text.contains(secret) || text.contains(escaped.substring(1, escaped.length() - 1))) {
                throw new InputException(file + ": a secret this scan used (a database password or AWS key) appears "
                        + "verbatim in the collected data, so the evidence cannot be kept without altering it; use a "
                        + "secret that is not also a name or value in the account or the catalogs, or scan without --record");
            }
        }
    }

    private static void write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new InputException(file + ": cannot write evidence: " + e.getMessage());
        }
    }
}
