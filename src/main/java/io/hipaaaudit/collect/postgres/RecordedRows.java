package io.hipaaaudit.collect.postgres;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.hipaaaudit.evidence.RecordedQuery;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Copies a JDBC result into evidence and back. A value is kept as what the readers ask of it: booleans and
 * integers as JSON booleans and numbers, arrays as arrays of strings, timestamps as ISO-8601 instants (or
 * PostgreSQL's {@code infinity}), everything else as the server's text.
 */
final class RecordedRows {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private RecordedRows() {}

    static RecordedQuery read(String operation, String sql, ResultSet rows) throws SQLException {
        ResultSetMetaData meta = rows.getMetaData();
        List<RecordedQuery.Column> columns = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            columns.add(new RecordedQuery.Column(meta.getColumnLabel(i), meta.getColumnTypeName(i)));
        }
        List<List<JsonNode>> out = new ArrayList<>();
        while (rows.next()) {
            List<JsonNode> row = new ArrayList<>(columns.size());
            for (int i = 1; i <= columns.size(); i++) {
                row.add(value(rows, i, meta.getColumnType(i)));
            }
            out.add(row);
        }
        return new RecordedQuery(operation, sha256(sql), sql, columns, out, Optional.empty());
    }

    private static JsonNode value(ResultSet rows, int column, int type) throws SQLException {
        JsonNode value = switch (type) {
            case Types.BIT, Types.BOOLEAN -> NODES.booleanNode(rows.getBoolean(column));
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> NODES.numberNode(rows.getLong(column));
            case Types.ARRAY -> array(rows.getArray(column));
            case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> timestamp(rows, column);
            default -> NODES.textNode(rows.getString(column));
        };
        return rows.wasNull() || value == null ? NODES.nullNode() : value;
    }

    private static JsonNode array(Array array) throws SQLException {
        if (array == null) {
            return null;
        }
        ArrayNode out = NODES.arrayNode();
        for (Object element : (Object[]) array.getArray()) {
            out.add(element == null ? NODES.nullNode() : NODES.textNode(element.toString()));
        }
        return out;
    }

    private static JsonNode timestamp(ResultSet rows, int column) throws SQLException {
        String text = rows.getString(column);
        if (text == null || text.endsWith("infinity")) {
            return NODES.textNode(text);
        }
        Timestamp t = rows.getTimestamp(column);
        return t == null ? null : NODES.textNode(t.toInstant().toString());
    }

    /** A read-only, forward-only result over recorded rows, answering the getters the catalog readers use. */
    static ResultSet resultSet(RecordedQuery query) {
        return (ResultSet) Proxy.newProxyInstance(RecordedRows.class.getClassLoader(), new Class<?>[] {ResultSet.class},
                new RecordedResultSet(query));
    }

    static String sha256(String sql) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(sql.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
