package io.hipaaaudit.collect.postgres;

import io.hipaaaudit.evidence.DatabaseEvidence;
import io.hipaaaudit.evidence.RecordedQuery;
import io.hipaaaudit.evidence.SqlFailure;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Catalog queries answered from recorded results, matched on the query's name and the SHA-256 of its text (a
 * changed query is a different question), in recorded order. A query the bundle does not hold fails with
 * {@link SqlErrors#NOT_IN_EVIDENCE}, which the collector records as a collection error like any refused query.
 */
final class ReplayQueries implements CatalogQueries {
    private final Map<String, Deque<RecordedQuery>> answers = new HashMap<>();

    ReplayQueries(DatabaseEvidence evidence) {
        evidence.queries().forEach(q -> answers.computeIfAbsent(key(q.operation(), q.sqlSha256()),
                k -> new ArrayDeque<>()).addLast(q));
    }

    @Override
    public void begin() {
        // the recorded scan's snapshot is the bundle
    }

    @Override
    public void run(String operation, String sql, CatalogSession.Binder binder, ResultHandler handler)
            throws SQLException {
        Deque<RecordedQuery> queue = answers.get(key(operation, RecordedRows.sha256(sql)));
        RecordedQuery recorded = queue == null ? null : queue.pollFirst();
        if (recorded == null) {
            throw new SQLException("catalog query " + operation + " is not in the evidence bundle",
                    SqlErrors.NOT_IN_EVIDENCE);
        }
        if (recorded.error().isPresent()) {
            SqlFailure failure = recorded.error().get();
            throw new SQLException(failure.message(), failure.sqlState().isEmpty() ? null : failure.sqlState());
        }
        handler.handle(RecordedRows.resultSet(recorded));
    }

    @Override
    public void end() {
        // nothing to roll back
    }

    private static String key(String operation, String sha256) {
        return operation + "\n" + sha256;
    }
}
