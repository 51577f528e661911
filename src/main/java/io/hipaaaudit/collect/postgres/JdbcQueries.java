package io.hipaaaudit.collect.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;

/**
 * Catalog queries on a live connection, in one read-only repeatable-read transaction. Each query runs under a
 * savepoint, so a query the server refuses (a catalog restricted on RDS, a timeout) does not abort the ones after.
 */
final class JdbcQueries implements CatalogQueries {
    private final Connection connection;

    JdbcQueries(Connection connection) {
        this.connection = connection;
    }

    @Override
    public void begin() throws SQLException {
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        connection.setReadOnly(true);
        connection.setAutoCommit(false);
    }

    @Override
    public void run(String operation, String sql, CatalogSession.Binder binder, ResultHandler handler)
            throws SQLException {
        Savepoint savepoint = null;
        try {
            savepoint = connection.setSavepoint();
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                binder.bind(statement);
                try (ResultSet rows = statement.executeQuery()) {
                    handler.handle(rows);
                }
            }
            connection.releaseSavepoint(savepoint);
        } catch (SQLException e) {
            rollback(savepoint);
            throw e;
        }
    }

    @Override
    public void end() throws SQLException {
        connection.rollback();
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
