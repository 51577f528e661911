package io.hipaaaudit.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hipaaaudit.json.InputException;
import io.hipaaaudit.json.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Replay reads regular files inside the bundle only: a symbolic link, wherever it points, refuses the bundle. */
class BundleLinksTest {
    private static final String DB_FILE = "postgres/01-db.json";

    @TempDir
    Path tmp;

    private Path outside(String text) throws IOException {
        Path secret = tmp.resolve("outside/passwd");
        Files.createDirectories(secret.getParent());
        Files.writeString(secret, text);
        return secret;
    }

    /** A bundle whose manifest lists {@code file} with {@code sha256}, and nothing else written. */
    private Path bundle(String file, String sha256) throws IOException {
        Path dir = tmp.resolve("bundle");
        Files.createDirectories(dir);
        Manifest manifest = new Manifest(Manifest.FORMAT_VERSION, "hipaa-audit", "test", "0", Instant.EPOCH,
                Instant.EPOCH, Optional.empty(), List.of(), List.of(), List.of("db"), Map.of(file, sha256));
        Files.writeString(dir.resolve(BundleFiles.MANIFEST), Json.write(manifest));
        return dir;
    }

    @Test
    void aListedFileLinkedOutsideTheBundleIsRefusedUnread() throws IOException {
        Path secret = outside("root:x:0:0:root:/root:/bin/bash\n");
        Path dir = bundle(DB_FILE, BundleFiles.sha256(Files.readAllBytes(secret)));
        Files.createDirectories(dir.resolve("postgres"));
        Files.createSymbolicLink(dir.resolve(DB_FILE), secret);
        assertThatThrownBy(() -> EvidenceBundle.open(dir)).isInstanceOf(InputException.class)
                .hasMessage(dir.resolve(DB_FILE) + ": a symbolic link; an evidence bundle holds regular files only");
    }

    @Test
    void aLinkInsideTheBundleIsRefusedToo() throws IOException {
        Path dir = bundle(DB_FILE, "0".repeat(64));
        Files.createDirectories(dir.resolve("postgres"));
        Files.writeString(dir.resolve("postgres/real.json"), "{}");
        Files.createSymbolicLink(dir.resolve(DB_FILE), dir.resolve("postgres/real.json"));
        assertThatThrownBy(() -> EvidenceBundle.open(dir)).isInstanceOf(InputException.class)
                .hasMessageStartingWith(dir.resolve(DB_FILE) + ": a symbolic link");
    }

    @Test
    void aLinkedFolderOrALinkedManifestIsRefused() throws IOException {
        Path secret = outside("{}");
        Path dir = bundle(DB_FILE, BundleFiles.sha256(Files.readAllBytes(secret)));
        Files.createSymbolicLink(dir.resolve("postgres"), secret.getParent());
        assertThatThrownBy(() -> EvidenceBundle.open(dir)).isInstanceOf(InputException.class)
                .hasMessageStartingWith(dir.resolve("postgres") + ": a symbolic link");

        Path other = tmp.resolve("other");
        Files.createDirectories(other);
        Files.createSymbolicLink(other.resolve(BundleFiles.MANIFEST), dir.resolve(BundleFiles.MANIFEST));
        assertThatThrownBy(() -> EvidenceBundle.open(other)).isInstanceOf(InputException.class)
                .hasMessageStartingWith(other.resolve(BundleFiles.MANIFEST) + ": a symbolic link");
    }

    @Test
    void replayOfABundleWithALinkExitsTwoNamingTheFile() throws IOException {
        Path secret = outside("root:x:0:0:root:/root:/bin/bash\n");
        Path dir = bundle(DB_FILE, BundleFiles.sha256(Files.readAllBytes(secret)));
        Files.createDirectories(dir.resolve("postgres"));
        Files.createSymbolicLink(dir.resolve(DB_FILE), secret);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = io.hipaaaudit.cli.HipaaAudit.run(new PrintWriter(out, true), new PrintWriter(err, true),
                "scan", "--replay", dir.toString(), "--output-dir", tmp.resolve("out").toString());
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo("hipaa-audit: " + dir.resolve(DB_FILE)
                + ": a symbolic link; an evidence bundle holds regular files only");
        assertThat(out.toString() + err).doesNotContain("root:x:0:0");
    }
}
