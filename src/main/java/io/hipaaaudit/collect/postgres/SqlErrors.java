package io.hipaaaudit.collect.postgres;

import java.sql.SQLException;

/** Short codes and one-line messages for SQL errors, as collection errors carry them. */
final class SqlErrors {
    private SqlErrors() {}

    /** SQL state of a query the evidence bundle does not hold (class HA: not a PostgreSQL state). */
    static final String NOT_IN_EVIDENCE = "HA404";

    /**
     * The code of a refused catalog query: the server's SQLSTATE itself (42501 for a privilege the audit role
     * lacks, 57014 for a statement timeout), so a user can look it up in PostgreSQL's error code table.
     */
    static String queryCode(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.equals(NOT_IN_EVIDENCE)) {
            return "NotInEvidence";
        }
        return state.isEmpty() ? "SQLException" : state;
    }

    /** The code of a failed connection: what a user acts on (the server cannot be reached, the login was refused). */
    static String code(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.equals(NOT_IN_EVIDENCE)) {
            return "NotInEvidence";
        }
        if (state.equals("42501")) {
            return "InsufficientPrivilege";
        }
        if (state.equals("57014")) {
            return "Timeout";
        }
        if (state.equals("28P01") || state.equals("28000")) {
            return "AuthenticationFailed";
        }
        if (state.startsWith("08")) {
            return "ConnectionFailed";
        }
        return state.isEmpty() ? "SQLException" : "SQLState" + state;
    }

    /** The first line only: server detail and hints can quote statement text. */
    static String message(SQLException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
