package io.hipaaaudit.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * One catalog query the PostgreSQL collector ran and its whole result: the columns with their server type names,
 * every row (one JSON value per column: boolean, number, string, array of strings, or null), or the SQL error.
 *
 * @param operation what the collector calls the query, e.g. {@code pg_roles}
 * @param sqlSha256 SHA-256 of the statement text; replay matches on operation and hash
 */
public record RecordedQuery(String operation, String sqlSha256, String sql, List<Column> columns,
                            List<List<JsonNode>> rows, Optional<SqlFailure> error) {
    public RecordedQuery {
        columns = columns == null ? List.of() : List.copyOf(columns);
        rows = rows == null ? List.of() : rows.stream().map(r -> java.util.Collections.unmodifiableList(
                new java.util.ArrayList<>(r))).toList();
        error = error == null ? Optional.empty() : error;
    }

    public record Column(String name, String type) {}
}
