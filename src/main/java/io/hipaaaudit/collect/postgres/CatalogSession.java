package io.hipaaaudit.collect.postgres;

import io.hipaaaudit.inventory.CollectionError;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs the collector's catalog queries ({@link CatalogQueries}: live, recorded or replayed). A query that fails
 * becomes a {@link CollectionError} naming the resource types it leaves unknown, and the remaining queries still
 * run in the same snapshot.
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

    private final CatalogQueries queries;
    private final String databaseId;
    private final SecretRedactor redactor;
    private final List<CollectionError> errors = new ArrayList<>();

    CatalogSession(CatalogQueries queries, String databaseId, SecretRedactor redactor) {
        this.queries = queries;
        this.databaseId = databaseId;
        this.redactor = redactor;
    }

    /** Runs {@code sql}; returns false (and records an error) when it failed. */
    boolean query(String operation, List<String> resourceTypes, String sql, Binder binder, RowReader reader) {
        try {
            queries.run(operation, sql, binder, rows -> {
                while (rows.next()) {
                    reader.read(rows);
                }
            });
            return true;
        } catch (SQLException e) {
            errors.add(error(operation, resourceTypes, e));
            return false;
        }
    }

    boolean query(String operation, List<String> resourceTypes, String sql, RowReader reader) {
        return query(operation, resourceTypes, sql, statement -> { }, reader);
    }

    List<CollectionError> errors() {
        return List.copyOf(errors);
    }

    CollectionError error(String operation, List<String> resourceTypes, SQLException e) {
        return new CollectionError("postgres", Optional.empty(), Optional.empty(), Optional.of(databaseId), operation,
                resourceTypes, SqlErrors.code(e), redactor.redact(SqlErrors.message(e)));
    }
}
