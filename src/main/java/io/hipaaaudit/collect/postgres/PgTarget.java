package io.hipaaaudit.collect.postgres;

import io.hipaaaudit.json.InputException;
import io.hipaaaudit.redact.Redaction;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Supplier;
import org.postgresql.Driver;

/**
 * One database to audit. The password comes from a supplier that is asked once, at connect time, so the secret
 * is never held by this record, never printed by {@link #toString()} and never part of an error message.
 *
 * @param id               names the target in the inventory and in collection errors; when empty the collector
 *                         uses {@code host:port/database}
 * @param connectTimeout   bounds the TCP connect and the login
 * @param statementTimeout bounds every catalog query ({@code statement_timeout}) and the socket reads
 */
public record PgTarget(String jdbcUrl, String user, Supplier<String> password, Optional<String> id,
                       Duration connectTimeout, Duration statementTimeout) {
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_STATEMENT_TIMEOUT = Duration.ofSeconds(30);

    public PgTarget {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(user, "user");
        // pgjdbc's own parser decides, as it will at connect time; a URL it rejects is a usage error, not a
        // database that could not be reached
        if (Driver.parseURL(jdbcUrl, new Properties()) == null) {
            throw new InputException("not a valid PostgreSQL JDBC URL: " + withoutQuery(jdbcUrl)
                    + " (expected jdbc:postgresql://host[:port]/database, the port a number from 1 to 65535)");
        }
        password = password == null ? () -> null : password;
        id = id == null ? Optional.empty() : id;
        connectTimeout = connectTimeout == null ? DEFAULT_CONNECT_TIMEOUT : connectTimeout;
        statementTimeout = statementTimeout == null ? DEFAULT_STATEMENT_TIMEOUT : statementTimeout;
    }

    /** A target with the default timeouts and an id derived from the URL. */
    public static PgTarget of(String jdbcUrl, String user, Supplier<String> password) {
        return new PgTarget(jdbcUrl, user, password, Optional.empty(), null, null);
    }

    public PgTarget withId(String newId) {
        return new PgTarget(jdbcUrl, user, password, Optional.of(newId), connectTimeout, statementTimeout);
    }

    /** The URL without its query string, which may carry a password, and without a user-info password. */
    public String safeUrl() {
        return Redaction.text(withoutQuery(jdbcUrl));
    }

    private static String withoutQuery(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }

    @Override
    public String toString() {
        return "PgTarget[" + id.orElse(safeUrl()) + " as " + user + "]";
    }
}
