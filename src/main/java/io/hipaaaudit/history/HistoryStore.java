package io.hipaaaudit.history;

import io.hipaaaudit.findings.FindingsDocument;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Supplier;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * The scan history in PostgreSQL (schema {@code hipaa_audit}, migrated by Flyway on open; migrating an up-to-date
 * database does nothing, and concurrent openers serialise on Flyway's lock). Every write is one transaction: a
 * scan is stored with all its findings or not at all. This is also the API reports use for "since last scan"
 * ({@link #diff}) and trends ({@link #trend}).
 */
public final class HistoryStore {
    static final String SCHEMA = "hipaa_audit";
    private final String url;
    private final Properties props = new Properties();

    private HistoryStore(String url, Optional<String> user, Supplier<String> password) {
        this.url = url;
        user.ifPresent(u -> props.setProperty("user", u));
        String secret = password.get();
        if (secret != null) {
            props.setProperty("password", secret);
        }
    }

    /** Connects and brings the schema up to date. */
    public static HistoryStore open(String url, Optional<String> user, Supplier<String> password) {
        HistoryStore store = new HistoryStore(url, user, password);
        try {
            Flyway.configure().dataSource(url, store.props.getProperty("user"), store.props.getProperty("password"))
                    .schemas(SCHEMA).locations("classpath:db/history").load().migrate();
        } catch (FlywayException e) {
            throw new HistoryException("cannot open or migrate the history database: " + firstLine(e), e);
        }
        return store;
    }

    private static String firstLine(Exception e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String msg = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return msg.lines().findFirst().orElse(msg);
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, props);
    }

    /** Stores a scan and its findings in one transaction; returns the history id of the scan. */
    public long record(FindingsDocument doc) {
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            try {
                long id = new ScanWriter(c).write(doc);
                c.commit();
                return id;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new HistoryException("cannot record the scan: " + e.getMessage(), e);
        }
    }

    /** The most recent scans, newest first. */
    public List<ScanRow> list(int limit) {
        return query(q -> q.scans(limit));
    }

    /** The last {@code n} scans, oldest first, with their counts per status (for a trend chart). */
    public List<ScanRow> trend(int n) {
        List<ScanRow> rows = new java.util.ArrayList<>(list(n));
        java.util.Collections.reverse(rows);
        return rows;
    }

    /** What changed from scan {@code a} to scan {@code b} (history ids). */
    public ScanDiff diff(long a, long b) {
        return query(q -> ScanDiff.of(q.scan(a), q.scan(b), q.findings(a), q.findings(b)));
    }

    /** The difference between the last two scans, when there are two. */
    public Optional<ScanDiff> sinceLastScan() {
        List<ScanRow> last = list(2);
        return last.size() < 2 ? Optional.empty() : Optional.of(diff(last.get(1).id(), last.get(0).id()));
    }

    /**
     * What a report of scan {@code id} shows of the history: the difference to the previous scan of the same
     * environment and accounts (empty for the first), and the last {@code n} such scans, oldest first. Scans of
     * other schedules sharing the database (other accounts, another environment) are not compared with it.
     */
    public ScanHistory historyOf(long id, int n) {
        return query(q -> {
            List<ScanRow> same = q.sameTarget(q.scan(id), n);
            Optional<ScanDiff> diff = same.size() < 2 ? Optional.empty() : Optional.of(ScanDiff.of(same.get(1),
                    same.get(0), q.findings(same.get(1).id()), q.findings(same.get(0).id())));
            List<ScanRow> trend = new java.util.ArrayList<>(same);
            java.util.Collections.reverse(trend);
            return new ScanHistory(diff, trend);
        });
    }

    /** The history a report shows: the change since the previous comparable scan and the trend, oldest first. */
    public record ScanHistory(Optional<ScanDiff> sinceLastScan, List<ScanRow> trend) {}

    /** When the history first saw the rule and resource of each finding of scan {@code id} (history id). */
    public java.util.Map<io.hipaaaudit.gate.FindingKey, java.time.Instant> firstSeen(long id) {
        return query(q -> q.firstSeen(id));
    }

    /** Deletes scans recorded more than {@code days} days ago, and identities no scan refers to any more. */
    public int prune(int days) {
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            int deleted;
            try (PreparedStatement s = c.prepareStatement(
                    "DELETE FROM hipaa_audit.scan WHERE recorded_at < now() - make_interval(days => ?)")) {
                s.setInt(1, days);
                deleted = s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("DELETE FROM hipaa_audit.finding_identity i WHERE NOT "
                    + "EXISTS (SELECT 1 FROM hipaa_audit.finding f WHERE f.identity = i.id)")) {
                s.executeUpdate();
            }
            c.commit();
            return deleted;
        } catch (SQLException e) {
            throw new HistoryException("cannot prune: " + e.getMessage(), e);
        }
    }

    private <T> T query(SqlFunction<HistoryQueries, T> f) {
        try (Connection c = connect()) {
            return f.apply(new HistoryQueries(c));
        } catch (SQLException e) {
            throw new HistoryException("cannot read the history: " + e.getMessage(), e);
        }
    }

    interface SqlFunction<A, T> {
        T apply(A a) throws SQLException;
    }
}
