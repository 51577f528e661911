package io.hipaaaudit.evidence;

/** A refused query or connection: the SQL state and the one-line, already redacted message. */
public record SqlFailure(String sqlState, String message) {
    public SqlFailure {
        sqlState = sqlState == null ? "" : sqlState;
        message = message == null ? "" : message;
    }
}
