package io.hipaaaudit.collect.postgres;

import io.hipaaaudit.evidence.DatabaseEvidence;
import io.hipaaaudit.evidence.RecordedQuery;
import io.hipaaaudit.evidence.SqlFailure;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Live catalog queries whose results are kept as evidence. Each result is read completely into a
 * {@link RecordedQuery} and the readers then read that copy, exactly as they will on replay: what the recorded
 * scan concluded is what the evidence supports.
 */
final class RecordingQueries implements CatalogQueries {
    // Query parameters that may carry a secret (password, sslpassword, tokens, key material) leave the URL.
    private static final Pattern SECRET_PARAM = Pattern.compile(".*(pass|pwd|secret|token|key|credential|auth).*");

    private final CatalogQueries live;
    private final SecretRedactor redactor;
    private final List<RecordedQuery> recorded = new ArrayList<>();

    RecordingQueries(CatalogQueries live, SecretRedactor redactor) {
        this.live = live;
        this.redactor = redactor;
    }

    @Override
    public void begin() throws SQLException {
        live.begin();
    }

    @Override
    public void run(String operation, String sql, CatalogSession.Binder binder, ResultHandler handler)
            throws SQLException {
        RecordedQuery[] result = new RecordedQuery[1];
        try {
            live.run(operation, sql, binder, rows -> result[0] = RecordedRows.read(operation, sql, rows));
        } catch (SQLException e) {
            recorded.add(new RecordedQuery(operation, RecordedRows.sha256(sql), sql, List.of(), List.of(),
                    Optional.of(failure(e, redactor))));
            throw e;
        }
        recorded.add(result[0]);
        handler.handle(RecordedRows.resultSet(result[0]));
    }

    @Override
    public void end() throws SQLException {
        live.end();
    }

    DatabaseEvidence evidence(PgTarget target) {
        return new DatabaseEvidence(target.id(), safeUrl(target.jdbcUrl()), target.user(), Optional.empty(), recorded);
    }

    static DatabaseEvidence failedConnection(PgTarget target, SQLException e, SecretRedactor redactor) {
        return new DatabaseEvidence(target.id(), safeUrl(target.jdbcUrl()), target.user(),
                Optional.of(failure(e, redactor)), List.of());
    }

    static SqlFailure failure(SQLException e, SecretRedactor redactor) {
        return new SqlFailure(e.getSQLState(), redactor.redact(SqlErrors.message(e)));
    }

    /** The JDBC URL without query parameters that look like secrets; host, port, database and sslmode stay. */
    static String safeUrl(String jdbcUrl) {
        int q = jdbcUrl.indexOf('?');
        if (q < 0) {
            return jdbcUrl;
        }
        String kept = Arrays.stream(jdbcUrl.substring(q + 1).split("&"))
                .filter(p -> !SECRET_PARAM.matcher(p.split("=", 2)[0].toLowerCase(Locale.ROOT)).matches())
                .collect(Collectors.joining("&"));
        return kept.isEmpty() ? jdbcUrl.substring(0, q) : jdbcUrl.substring(0, q) + "?" + kept;
    }
}
