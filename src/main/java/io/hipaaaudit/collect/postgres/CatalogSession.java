package io.hipaaaudit.collect.postgres;

import io.hipaaaudit.inventory.CollectionError;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs catalog queries inside the collector's single read-only transaction. Each query runs under a savepoint:
 * a query the server refuses (a catalog restricted on RDS, a timeout) becomes a {@link CollectionError} naming
 * the resource types it leaves unknown, and the remaining queries still run in the same snapshot.
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

    private final Connection connection;
    private final String databaseId;
    private final SecretRedactor redactor;
    private final List<CollectionError> errors = new ArrayList<>();

    CatalogSession(Connection connection, String databaseId, SecretRedactor redactor) {
        this.connection = connection;
        this.databaseId = databaseId;
        this.redactor = redactor;
    }

    /** Runs {@code sql}; returns false (and records an error) when the server refused it. */
    boolean query(String operation, List<String> resourceTypes, String sql, Binder binder, RowReader reader) {
        Savepoint savepoint = null;
        try {
            savepoint = connection.setSavepoint();
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                binder.bind(statement);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        reader.read(rows);
                    }
                }
            }
            connection.releaseSavepoint(savepoint);
            return true;
        } catch (SQLException e) {
            errors.add(error(operation, resourceTypes, e));
            rollback(savepoint);
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

    private void rollback(Savepoint savepoint) {
        if (savepoint == null) {
            return;
        }
        try {
            connection.rollback(savepoint);
        } catch (SQLException ignored) {
            // the connection is gone; the next query records its own error
        }
    }
}
