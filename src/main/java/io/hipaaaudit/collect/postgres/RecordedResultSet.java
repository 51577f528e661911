package io.hipaaaudit.collect.postgres;

import com.fasterxml.jackson.databind.JsonNode;
import io.hipaaaudit.evidence.RecordedQuery;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.postgresql.PGStatement;

/**
 * The behaviour of a {@link java.sql.ResultSet} over recorded rows, with pgjdbc's conversions for the getters the
 * readers use (a boolean reads as text {@code t}/{@code f}, {@code infinity} as pgjdbc's infinity timestamp).
 * {@code ResultSet} has some two hundred methods and the readers need a dozen, hence a dynamic proxy: anything
 * else fails loudly instead of answering wrongly.
 */
final class RecordedResultSet implements InvocationHandler {
    private static final Set<String> TRUE = Set.of("t", "true", "1", "yes", "y", "on");

    private final RecordedQuery query;
    private int row = -1;
    private boolean wasNull;
    private boolean closed;

    RecordedResultSet(RecordedQuery query) {
        this.query = query;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws SQLException {
        String name = method.getName();
        switch (name) {
            case "next":
                row++;
                return row < query.rows().size();
            case "wasNull":
                return wasNull;
            case "close":
                closed = true;
                return null;
            case "isClosed":
                return closed;
            case "findColumn":
                return column((String) args[0]) + 1;
            case "hashCode":
                return System.identityHashCode(proxy);
            case "equals":
                return proxy == args[0];
            case "toString":
                return "recorded result of " + query.operation();
            default:
                break;
        }
        if (args != null && args.length == 1 && name.startsWith("get")) {
            JsonNode value = cell(args[0]);
            wasNull = value == null || value.isNull();
            return convert(name, wasNull ? null : value);
        }
        throw new SQLFeatureNotSupportedException("a recorded result does not support " + name);
    }

    private JsonNode cell(Object column) throws SQLException {
        if (row < 0 || row >= query.rows().size()) {
            throw new SQLException("no current row in the recorded result of " + query.operation());
        }
        int index = column instanceof Integer i ? i - 1 : column(column.toString());
        List<JsonNode> values = query.rows().get(row);
        if (index < 0 || index >= values.size()) {
            throw new SQLException("column " + column + " is not in the recorded result of " + query.operation());
        }
        return values.get(index);
    }

    private int column(String label) throws SQLException {
        List<RecordedQuery.Column> columns = query.columns();
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(label)) {
                return i;
            }
        }
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equalsIgnoreCase(label)) {
                return i;
            }
        }
        throw new SQLException("column " + label + " is not in the recorded result of " + query.operation());
    }

    private static Object convert(String getter, JsonNode v) throws SQLException {
        return switch (getter) {
            case "getString" -> v == null ? null : v.isBoolean() ? (v.asBoolean() ? "t" : "f") : v.asText();
            case "getBoolean" -> v != null && (v.isBoolean() ? v.asBoolean()
                    : v.isNumber() ? v.asLong() != 0 : TRUE.contains(v.asText().toLowerCase(Locale.ROOT)));
            case "getInt" -> v == null ? 0 : v.isNumber() ? v.asInt() : Integer.parseInt(v.asText());
            case "getLong" -> v == null ? 0L : v.isNumber() ? v.asLong() : Long.parseLong(v.asText());
            case "getTimestamp" -> v == null ? null : timestamp(v.asText());
            case "getArray" -> v == null ? null : TextArray.of(v);
            case "getObject" -> v == null ? null : v.isBoolean() ? v.asBoolean() : v.isNumber() ? v.numberValue()
                    : v.isArray() ? TextArray.of(v) : v.asText();
            default -> throw new SQLFeatureNotSupportedException("a recorded result does not support " + getter);
        };
    }

    private static Timestamp timestamp(String text) {
        return switch (text) {
            case "infinity" -> new Timestamp(PGStatement.DATE_POSITIVE_INFINITY);
            case "-infinity" -> new Timestamp(PGStatement.DATE_NEGATIVE_INFINITY);
            default -> Timestamp.from(Instant.parse(text));
        };
    }
}
