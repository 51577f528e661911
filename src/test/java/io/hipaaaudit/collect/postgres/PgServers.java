package io.hipaaaudit.collect.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The test version matrix: one embedded server per PostgreSQL major, started on first use and shared by every
 * test class of the run (zonky stops them in its shutdown hook). Starting a server costs about a second; a
 * server per test would dominate the suite.
 */
public final class PgServers {
    /** Majors every database test runs against. */
    public static final List<Integer> MAJORS = List.of(13, 16, 17, 18);

    /** For {@code @MethodSource("io.hipaaaudit.collect.postgres.PgServers#majors")}. */
    public static List<Integer> majors() {
        return MAJORS;
    }

    private static final Map<Integer, EmbeddedPostgres> SERVERS = new ConcurrentHashMap<>();

    private PgServers() {}

    public static synchronized EmbeddedPostgres server(int major) {
        return SERVERS.computeIfAbsent(major, PgServers::start);
    }

    /** A server of the caller's own (not shared), for a test that must stop it part-way. */
    public static EmbeddedPostgres startOwn(int major) {
        return start(major);
    }

    /** A server of the caller's own with extra server settings (postgresql.conf), e.g. the demo's logging. */
    public static EmbeddedPostgres startOwn(int major, Map<String, String> settings) {
        return start(major, settings);
    }

    private static EmbeddedPostgres start(int major) {
        return start(major, Map.of());
    }

    private static EmbeddedPostgres start(int major, Map<String, String> settings) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPgBinaryResolver(new PgBinaries(major))
                    .setServerConfig("max_connections", "30");
            settings.forEach(builder::setServerConfig);
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start PostgreSQL " + major, e);
        }
    }

    /** A JDBC URL for {@code database} on the server of {@code major}. */
    public static String url(int major, String database) {
        return "jdbc:postgresql://localhost:" + server(major).getPort() + "/" + database;
    }

    /** Connects as the bootstrap superuser {@code postgres}. */
    public static Connection superuser(int major, String database) throws SQLException {
        return server(major).getDatabase("postgres", database).getConnection();
    }

    /** Creates a fresh database, dropping a leftover one of the same name. */
    public static void createDatabase(int major, String database) throws SQLException {
        try (Connection c = superuser(major, "postgres"); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + quote(database));
            s.execute("CREATE DATABASE " + quote(database));
        }
    }

    public static void run(Connection c, String... sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String statement : sql) {
                s.execute(statement);
            }
        }
    }

    public static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
