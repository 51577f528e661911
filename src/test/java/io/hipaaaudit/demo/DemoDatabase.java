package io.hipaaaudit.demo;

import io.hipaaaudit.collect.postgres.PgServers;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The demo's database: a real PostgreSQL 17 started embedded, seeded with {@code examples/demo/database.sql}.
 * What can be set of the audit logging an RDS parameter group would set is set (connections and disconnections
 * logged); pgaudit is not part of the embedded server, so its rule reports that honestly. The scanner's role gets
 * a fresh random password, handed over in a file only the owner can read. Closing (also from the shutdown hook, so
 * Ctrl-C cleans up) stops the server and removes its data directory and the password file.
 */
final class DemoDatabase implements AutoCloseable {
    static final int MAJOR = 17;
    static final String NAME = "healthapp";
    static final String AUDIT_USER = "hipaa_audit";
    static final Path SCHEMA = Path.of("examples/demo/database.sql");

    private final EmbeddedPostgres server;
    private final Path passwordFile;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread hook = new Thread(this::stop, "demo-database-stop");

    private DemoDatabase(EmbeddedPostgres server, Path passwordFile) {
        this.server = server;
        this.passwordFile = passwordFile;
        Runtime.getRuntime().addShutdownHook(hook);
    }

    static DemoDatabase start() throws SQLException, IOException {
        EmbeddedPostgres server = PgServers.startOwn(MAJOR, Map.of("log_connections", "on",
                "log_disconnections", "on", "password_encryption", "scram-sha-256"));
        Path passwordFile = null;
        try {
            try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + NAME);
            }
            byte[] random = new byte[18];
            new SecureRandom().nextBytes(random);
            String password = HexFormat.of().formatHex(random);
            try (Connection c = server.getDatabase("postgres", NAME).getConnection(); Statement s = c.createStatement()) {
                s.execute(Files.readString(SCHEMA, StandardCharsets.UTF_8));
                s.execute("ALTER ROLE " + AUDIT_USER + " PASSWORD '" + password + "'");
            }
            passwordFile = Files.createTempFile("hipaa-audit-demo-", ".pw",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(passwordFile, password);
            return new DemoDatabase(server, passwordFile);
        } catch (SQLException | IOException | RuntimeException e) {
            server.close();
            if (passwordFile != null) {
                Files.deleteIfExists(passwordFile);
            }
            throw e;
        }
    }

    String url() {
        return "jdbc:postgresql://localhost:" + server.getPort() + "/" + NAME + "?sslmode=disable";
    }

    Path passwordFile() {
        return passwordFile;
    }

    private void stop() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            server.close();
            Files.deleteIfExists(passwordFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // already shutting down: the hook runs (or ran) stop(), which is idempotent
        }
    }
}
