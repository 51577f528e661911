package io.hipaaaudit.cli;

import io.hipaaaudit.config.HistoryUrls;
import io.hipaaaudit.findings.FindingsDocument;
import io.hipaaaudit.history.HistoryException;
import io.hipaaaudit.history.HistoryStore;
import io.hipaaaudit.json.InputException;
import io.hipaaaudit.report.HistoryView;
import java.io.PrintWriter;
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

    HistoryStore open() {
        if (!enabled()) {
            throw new InputException("no history database: pass --history jdbc:postgresql://... or set HIPAA_AUDIT_HISTORY_URL");
        }
        if (!url.startsWith("jdbc:postgresql://")) {
            throw new InputException("--history '" + DbTargetOptions.safe(url) + "' is not a jdbc:postgresql:// URL");
        }
        if (HistoryUrls.carriesPassword(url)) {
            throw new InputException("--history: the URL must not carry a password; set " + HistoryUrls.PASSWORD_ENV);
        }
        try {
            return HistoryStore.open(url, Optional.ofNullable(user), () -> System.getenv(HistoryUrls.PASSWORD_ENV));
        } catch (HistoryException e) {
            throw new InputException("history " + DbTargetOptions.safe(url) + ": " + e.getMessage());
        }
    }

    /** How many recorded scans the report's trend chart shows. */
    static final int TREND_SCANS = 30;

    /**
     * Records the scan when a history database is configured, and returns what the report shows of the history:
     * the change since the previous scan of the same environment and accounts and the recent trend of such scans,
     * this scan included.
     */
    Optional<HistoryView> record(FindingsDocument doc, PrintWriter out, boolean quiet) {
        if (!enabled()) {
            return Optional.empty();
        }
        try {
            HistoryStore store = open();
            long id = store.record(doc);
            if (!quiet) {
                out.printf("history: recorded as scan %d in %s%n", id, DbTargetOptions.safe(url));
                out.flush();
            }
            HistoryStore.ScanHistory past = store.historyOf(id, TREND_SCANS);
            return Optional.of(new HistoryView(past.sinceLastScan(), past.trend()));
        } catch (HistoryException e) {
            throw new InputException("history " + DbTargetOptions.safe(url) + ": " + e.getMessage());
        }
    }
}
