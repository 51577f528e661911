package io.hipaaaudit.collect.postgres;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;

/** The seeded healthcare database ({@code pg/healthcare.sql}), created once per server. */
public final class HealthcareDb {
    public static final String NAME = "healthcare";
    private static final Set<Integer> SEEDED = new HashSet<>();

    private HealthcareDb() {}

    public static synchronized String url(int major) throws SQLException {
        if (SEEDED.add(major)) {
            PgServers.createDatabase(major, NAME);
            try (Connection c = PgServers.superuser(major, NAME)) {
                PgServers.run(c, sql());
            }
        }
        return PgServers.url(major, NAME);
    }

    private static String sql() {
        try (InputStream in = HealthcareDb.class.getResourceAsStream("/pg/healthcare.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
