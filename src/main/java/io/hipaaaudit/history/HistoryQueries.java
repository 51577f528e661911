package io.hipaaaudit.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.hipaaaudit.findings.Severity;
import io.hipaaaudit.findings.Status;
import io.hipaaaudit.gate.FindingKey;
import io.hipaaaudit.json.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Read queries over one connection. */
final class HistoryQueries {
    private static final String SCAN_COLUMNS = "SELECT id, scan_id, recorded_at, finished_at, environment, accounts, "
            + "counts::text FROM hipaa_audit.scan ";
    private final Connection c;

    HistoryQueries(Connection c) {
        this.c = c;
    }

    List<ScanRow> scans(int limit) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SCAN_COLUMNS + "ORDER BY id DESC LIMIT ?")) {
            s.setInt(1, limit);
            return rows(s);
        }
    }

    /**
     * The most recent scans up to and including {@code upTo} of the same environment and accounts, newest first:
     * the scans one schedule produced, when several schedules (environments, accounts) share a history.
     */
    List<ScanRow> sameTarget(ScanRow upTo, int limit) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SCAN_COLUMNS
                + "WHERE id <= ? AND environment = ? AND accounts = ? ORDER BY id DESC LIMIT ?")) {
            s.setLong(1, upTo.id());
            s.setString(2, upTo.environment());
            s.setArray(3, c.createArrayOf("text", upTo.accounts().toArray()));
            s.setInt(4, limit);
            return rows(s);
        }
    }

    ScanRow scan(long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SCAN_COLUMNS + "WHERE id = ?")) {
            s.setLong(1, id);
            return rows(s).stream().findFirst()
                    .orElseThrow(() -> new HistoryException("no scan " + id + " in the history", null));
        }
    }

    List<FindingState> findings(long scan) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT i.rule_id, i.resource_type, i.resource_id, i.account, "
                + "i.region, f.status, f.severity, f.message FROM hipaa_audit.finding f "
                + "JOIN hipaa_audit.finding_identity i ON i.id = f.identity WHERE f.scan = ? ORDER BY f.id")) {
            s.setLong(1, scan);
            List<FindingState> out = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(new FindingState(new FindingKey(r.getString(1), r.getString(2), r.getString(3),
                            r.getString(4), r.getString(5)), Status.valueOf(r.getString(6)),
                            Severity.parse(r.getString(7)), r.getString(8)));
                }
            }
            return out;
        }
    }

    /**
     * For every finding of scan {@code scan}: the time of the earliest recorded scan with the same rule and resource
     * (its finish, else its start, else when it was recorded), over the scans the history still keeps.
     */
    Map<FindingKey, java.time.Instant> firstSeen(long scan) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT i.rule_id, i.resource_type, i.resource_id, i.account, "
                + "i.region, min(coalesce(s.finished_at, s.started_at, s.recorded_at)) "
                + "FROM hipaa_audit.finding cur JOIN hipaa_audit.finding_identity i ON i.id = cur.identity "
                + "JOIN hipaa_audit.finding f ON f.identity = cur.identity JOIN hipaa_audit.scan s ON s.id = f.scan "
                + "WHERE cur.scan = ? GROUP BY i.id")) {
            s.setLong(1, scan);
            Map<FindingKey, java.time.Instant> out = new java.util.HashMap<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.put(new FindingKey(r.getString(1), r.getString(2), r.getString(3), r.getString(4),
                            r.getString(5)), r.getObject(6, OffsetDateTime.class).toInstant());
                }
            }
            return out;
        }
    }

    private static List<ScanRow> rows(PreparedStatement s) throws SQLException {
        List<ScanRow> out = new ArrayList<>();
        try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
                out.add(new ScanRow(r.getLong(1), r.getString(2), r.getObject(3, OffsetDateTime.class).toInstant(),
                        Optional.ofNullable(r.getObject(4, OffsetDateTime.class)).map(OffsetDateTime::toInstant),
                        r.getString(5), Arrays.asList((String[]) r.getArray(6).getArray()), counts(r.getString(7))));
            }
        }
        return out;
    }

    private static Map<String, Long> counts(String json) {
        try {
            return Json.json().readValue(json, new TypeReference<Map<String, Long>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable counts in the history", e);
        }
    }
}
