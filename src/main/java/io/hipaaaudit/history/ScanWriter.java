package io.hipaaaudit.history;

import io.hipaaaudit.findings.Finding;
import io.hipaaaudit.findings.FindingsDocument;
import io.hipaaaudit.findings.ScanInfo;
import io.hipaaaudit.json.Json;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Writes one scan inside the caller's transaction: the scan row, any finding identities not seen before, then
 * every finding, each set in a single statement over arrays. Identities are inserted in sorted order, so
 * concurrent writers take their locks in the same order and cannot deadlock.
 */
final class ScanWriter {
    private static final String KEYS = "?::text[], ?::text[], ?::text[], ?::text[], ?::text[]";
    private final Connection c;

    ScanWriter(Connection c) {
        this.c = c;
    }

    long write(FindingsDocument doc) throws SQLException {
        long id = scan(doc.scan());
        List<Finding> f = doc.findings();
        try (PreparedStatement s = c.prepareStatement("INSERT INTO hipaa_audit.finding_identity "
                + "(rule_id, resource_type, resource_id, account, region) SELECT DISTINCT * FROM unnest(" + KEYS
                + ") ORDER BY 1, 2, 3, 4, 5 ON CONFLICT DO NOTHING")) {
            keys(s, 1, f);
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO hipaa_audit.finding "
                + "(scan, identity, status, severity, title, message, evidence, waiver) "
                + "SELECT ?, i.id, t.status, t.severity, t.title, t.message, t.evidence::jsonb, t.waiver::jsonb "
                + "FROM unnest(" + KEYS + ", ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) "
                + "AS t(rule_id, resource_type, resource_id, account, region, status, severity, title, message, "
                + "evidence, waiver) JOIN hipaa_audit.finding_identity i "
                + "USING (rule_id, resource_type, resource_id, account, region)")) {
            s.setLong(1, id);
            keys(s, 2, f);
            s.setArray(7, texts(f, x -> x.status().name()));
            s.setArray(8, texts(f, x -> x.severity().label()));
            s.setArray(9, texts(f, Finding::title));
            s.setArray(10, texts(f, Finding::message));
            s.setArray(11, texts(f, x -> Json.write(x.evidence())));
            s.setArray(12, texts(f, x -> x.waiver().map(Json::write).orElse(null)));
            s.executeUpdate();
        }
        return id;
    }

    private long scan(ScanInfo info) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO hipaa_audit.scan (scan_id, started_at, "
                + "finished_at, tool_version, environment, accounts, regions, inventory_sha256, rule_pack_sha256, "
                + "counts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb) RETURNING id")) {
            s.setString(1, info.id());
            s.setObject(2, time(info.startedAt()));
            s.setObject(3, time(info.finishedAt()));
            s.setString(4, info.version());
            s.setString(5, info.environment());
            s.setArray(6, c.createArrayOf("text", info.accounts().toArray()));
            s.setArray(7, c.createArrayOf("text", info.regions().toArray()));
            s.setString(8, info.inventorySha256());
            s.setString(9, info.rulePackSha256());
            s.setString(10, Json.write(info.counts()));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private void keys(PreparedStatement s, int first, List<Finding> f) throws SQLException {
        s.setArray(first, texts(f, Finding::ruleId));
        s.setArray(first + 1, texts(f, x -> x.resource().type()));
        s.setArray(first + 2, texts(f, x -> x.resource().id()));
        s.setArray(first + 3, texts(f, x -> x.resource().account()));
        s.setArray(first + 4, texts(f, x -> x.resource().region()));
    }

    private Array texts(List<Finding> f, Function<Finding, String> column) throws SQLException {
        return c.createArrayOf("text", f.stream().map(column).toArray());
    }

    private static OffsetDateTime time(Optional<String> iso) {
        return iso.map(t -> Instant.parse(t).atOffset(ZoneOffset.UTC)).orElse(null);
    }
}
