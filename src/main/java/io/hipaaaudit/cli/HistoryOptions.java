package io.hipaaaudit.cli;

import io.hipaaaudit.config.HistoryUrls;
import io.hipaaaudit.config.HipaaAuditConfig;
import io.hipaaaudit.history.HistoryStore;
import io.hipaaaudit.history.HistoryTarget;
import io.hipaaaudit.json.InputException;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The scan history database. Its password comes from {@code HIPAA_AUDIT_HISTORY_PASSWORD} only: a URL carrying
 * one is refused, so it never lands in a process list, a shell history or a CI log.
 */
final class HistoryOptions {
    @Option(names = "--history", paramLabel = "JDBC_URL", defaultValue = "${env:HIPAA_AUDIT_HISTORY_URL}",
            description = "Record the scan in this PostgreSQL history database (jdbc:postgresql://host/db; "
                    + "password from $" + HistoryUrls.PASSWORD_ENV + "; also $HIPAA_AUDIT_HISTORY_URL).")
    String url;

    @Option(names = "--history-user", paramLabel = "USER", defaultValue = "${env:HIPAA_AUDIT_HISTORY_USER}",
            description = "User for the history database.")
    String user;

    boolean enabled() {
        return url != null && !url.isBlank();
    }

    /** The history database to record in, if any: the flag (or its variable), else the configuration's. */
    Optional<HistoryTarget> target(ConfigOptions.Configured c) {
        String u = c.pick("--history", url, cfg -> cfg.history().map(HipaaAuditConfig.History::url));
        String who = c.pick("--history-user", user, cfg -> cfg.history().flatMap(HipaaAuditConfig.History::user));
        if (u == null || u.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(target(u, who));
    }

    /** The history database of the history commands; it must be given. */
    HistoryStore open() {
        if (!enabled()) {
            throw new InputException("no history database: pass --history jdbc:postgresql://... or set HIPAA_AUDIT_HISTORY_URL");
        }
        return target(url, user).open();
    }

    /** A history database whose password is read from the environment when the store opens. */
    private static HistoryTarget target(String url, String user) {
        return new HistoryTarget(url, Optional.ofNullable(user), () -> System.getenv(HistoryUrls.PASSWORD_ENV));
    }
}
