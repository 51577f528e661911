package io.hipaaaudit.collect.postgres;

import io.hipaaaudit.inventory.CollectionError;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs the collector's catalog queries ({@link CatalogQueries}: live, recorded or replayed). Each query reads one
 * catalog and is named after it ({@code pg_catalog.pg_proc}); one that fails becomes a {@link CollectionError}
 * with the server's SQLSTATE as its code, and the remaining queries still run in the same snapshot. What the
 * failure leaves unknown is decided by the reader: a whole resource type ({@link #query}'s types, a listing
 * error) or some fields of resources it did list ({@link #unknownFields}).
 */
final class CatalogSession {
    /** Reads every row of one query into whatever the caller builds. */
    @FunctionalInterface
    interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    @FunctionalInterface
    interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    /** A query that did not answer: its catalog and the server's refusal. */
    record Failure(String operation, SQLException cause) {}

    private final CatalogQueries queries;
    private final String databaseId;
    private final SecretRedactor redactor;
    private final List<CollectionError> errors = new ArrayList<>();

    CatalogSession(CatalogQueries queries, String databaseId, SecretRedactor redactor) {
        this.queries = queries;
        this.databaseId = databaseId;
        this.redactor = redactor;
    }

    /** Runs {@code sql}; returns false (and records a listing error for {@code resourceTypes}) when it failed. */
    boolean query(String operation, List<String> resourceTypes, String sql, Binder binder, RowReader reader) {
        Optional<Failure> failure = attempt(operation, sql, binder, reader);
        failure.ifPresent(f -> errors.add(error(operation, resourceTypes, f.cause())));
        return failure.isEmpty();
    }

    boolean query(String operation, List<String> resourceTypes, String sql, RowReader reader) {
        return query(operation, resourceTypes, sql, statement -> { }, reader);
    }

    /**
     * Runs {@code sql} and records nothing: the caller knows which resources' fields a failure leaves unknown
     * only once it has listed them, and records that with {@link #unknownFields}.
     */
    Optional<Failure> attempt(String operation, String sql, Binder binder, RowReader reader) {
        try {
            queries.run(operation, sql, binder, rows -> {
                while (rows.next()) {
                    reader.read(rows);
                }
            });
            return Optional.empty();
        } catch (SQLException e) {
            return Optional.of(new Failure(operation, e));
        }
    }

    Optional<Failure> attempt(String operation, String sql, RowReader reader) {
        return attempt(operation, sql, statement -> { }, reader);
    }

    /**
     * Records that {@code failure} leaves {@code fields} (names as in the resource's JSON form) of one resource
     * unknown. {@code name} is the resource's name within the database ({@code app.users}), empty for the
     * database itself; the error's resource is then the id its view carries.
     */
    void unknownFields(Failure failure, String type, String name, List<String> fields) {
        String resource = name.isEmpty() ? databaseId : databaseId + "/" + name;
        errors.add(new CollectionError("postgres", Optional.empty(), Optional.empty(), Optional.of(databaseId),
                failure.operation(), List.of(type), SqlErrors.queryCode(failure.cause()),
                redactor.redact(SqlErrors.message(failure.cause())), Optional.of(resource), fields));
    }

    List<CollectionError> errors() {
        return List.copyOf(errors);
    }

    CollectionError error(String operation, List<String> resourceTypes, SQLException e) {
        return new CollectionError("postgres", Optional.empty(), Optional.empty(), Optional.of(databaseId), operation,
                resourceTypes, SqlErrors.queryCode(e), redactor.redact(SqlErrors.message(e)));
    }

    /** The error of a connection that could not be opened: every type of the database is unknown. */
    CollectionError connectError(List<String> resourceTypes, SQLException e) {
        return new CollectionError("postgres", Optional.empty(), Optional.empty(), Optional.of(databaseId), "connect",
                resourceTypes, SqlErrors.code(e), redactor.redact(SqlErrors.message(e)));
    }
}
