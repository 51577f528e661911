package io.hipaaaudit.evidence;

import java.util.List;
import java.util.Optional;

/**
 * Everything one database target answered during a recorded scan.
 *
 * @param id           the target id given by the user, if any (else the collector derives one from the URL)
 * @param url          the JDBC URL with every secret-looking query parameter removed
 * @param connectError set when the connection itself failed; then there are no queries
 */
public record DatabaseEvidence(Optional<String> id, String url, String user, Optional<SqlFailure> connectError,
                               List<RecordedQuery> queries) {
    public DatabaseEvidence {
        id = id == null ? Optional.empty() : id;
        connectError = connectError == null ? Optional.empty() : connectError;
        queries = queries == null ? List.of() : List.copyOf(queries);
    }
}
