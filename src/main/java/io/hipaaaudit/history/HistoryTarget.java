package io.hipaaaudit.history;

import io.hipaaaudit.config.HistoryUrls;
import io.hipaaaudit.json.InputException;
import io.hipaaaudit.redact.Redaction;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Where a scan is recorded: a PostgreSQL history database. The password is asked for when the store opens and
 * never travels in the URL, so it does not land in a process list, a configuration file or a CI log.
 */
public record HistoryTarget(String url, Optional<String> user, Supplier<String> password) {
    /**
     * A checked target: a {@code jdbc:postgresql://} URL without a password in it.
     *
     * @throws InputException naming the URL (without its secrets) when it is not one
     */
    public HistoryTarget {
        if (url == null || !url.startsWith("jdbc:postgresql://")) {
            throw new InputException("history database '" + Redaction.url(String.valueOf(url))
                    + "' is not a jdbc:postgresql:// URL");
        }
        if (HistoryUrls.carriesPassword(url)) {
            throw new InputException("history database: the URL must not carry a password; set "
                    + HistoryUrls.PASSWORD_ENV);
        }
    }

    /** The URL as it may be shown. */
    public String safeUrl() {
        return Redaction.url(url);
    }

    /** Opens the store (creating or migrating its schema); failures name the URL without secrets. */
    public HistoryStore open() {
        try {
            return HistoryStore.open(url, user, password);
        } catch (HistoryException e) {
            throw new InputException("history " + safeUrl() + ": " + e.getMessage());
        }
    }
}
