package io.hipaaaudit.collect.postgres;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Where catalog queries run: a live connection ({@link JdbcQueries}), a live connection whose results are kept as
 * evidence ({@link RecordingQueries}), or recorded results ({@link ReplayQueries}). The readers see a
 * {@link ResultSet} either way, so replay runs the real collector code.
 */
interface CatalogQueries {
    /** Hands the whole result of one query to the handler. */
    @FunctionalInterface
    interface ResultHandler {
        void handle(ResultSet rows) throws SQLException;
    }

    /** Opens the single read-only snapshot every query of the database runs in. */
    void begin() throws SQLException;

    /** Runs one query; a refusal by the server is an {@link SQLException} and leaves the snapshot usable. */
    void run(String operation, String sql, CatalogSession.Binder binder, ResultHandler handler) throws SQLException;

    /** Ends the snapshot (rolled back: nothing was written). */
    void end() throws SQLException;
}
