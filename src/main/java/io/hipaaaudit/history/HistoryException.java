package io.hipaaaudit.history;

/** The history database could not be reached, migrated, written or read. Never carries a password. */
public final class HistoryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public HistoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
