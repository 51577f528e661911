package io.hipaaaudit.collect.postgres;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * COMMENTs of schemas, relations and columns, straight from pg_description in one query. (obj_description and
 * col_description would read pg_class as well, so a refused pg_class would also cost the schema comments.)
 * Comments classify PHI, so when the query is refused they are unknown, never "no comment": {@link #failure}
 * tells the readers to record that against each schema and relation they list.
 */
final class CommentReader {
    private static final String SQL = "select d.classoid = 'pg_catalog.pg_namespace'::regclass as schema,"
            + " d.objoid, d.objsubid, d.description from pg_description d"
            + " where d.classoid in ('pg_catalog.pg_namespace'::regclass, 'pg_catalog.pg_class'::regclass)";

    /** The comments by object: a schema's or relation's OID, and for columns the attribute number too. */
    record Comments(Map<List<Long>, String> byObject, Optional<CatalogSession.Failure> failure) {
        Optional<String> schema(long oid) {
            return Optional.ofNullable(byObject.get(List.of(0L, oid, 0L)));
        }

        Optional<String> relation(long oid) {
            return Optional.ofNullable(byObject.get(List.of(1L, oid, 0L)));
        }

        Optional<String> column(long relationOid, int attnum) {
            return Optional.ofNullable(byObject.get(List.of(1L, relationOid, (long) attnum)));
        }
    }

    private final CatalogSession session;

    CommentReader(CatalogSession session) {
        this.session = session;
    }

    Comments comments() {
        Map<List<Long>, String> byObject = new HashMap<>();
        Optional<CatalogSession.Failure> failure = session.attempt("pg_catalog.pg_description", SQL, row -> byObject.put(
                List.of(row.getBoolean("schema") ? 0L : 1L, row.getLong("objoid"), (long) row.getInt("objsubid")),
                row.getString("description")));
        return new Comments(failure.isPresent() ? Map.of() : byObject, failure);
    }
}
