package io.hipaaaudit.collect.postgres;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Types;
import java.util.Map;

/** A recorded {@code text[]} value ({@code rolconfig}, {@code proconfig}) as the JDBC {@link Array} readers expect. */
record TextArray(String[] values) implements Array {
    static TextArray of(JsonNode array) {
        String[] values = new String[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).isNull() ? null : array.get(i).asText();
        }
        return new TextArray(values);
    }

    @Override
    public String getBaseTypeName() {
        return "text";
    }

    @Override
    public int getBaseType() {
        return Types.VARCHAR;
    }

    @Override
    public Object getArray() {
        return values.clone();
    }

    @Override
    public Object getArray(Map<String, Class<?>> map) {
        return getArray();
    }

    @Override
    public Object getArray(long index, int count) {
        return java.util.Arrays.copyOfRange(values, (int) index - 1, (int) index - 1 + count);
    }

    @Override
    public Object getArray(long index, int count, Map<String, Class<?>> map) {
        return getArray(index, count);
    }

    @Override
    public ResultSet getResultSet() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("a recorded array has no result set");
    }

    @Override
    public ResultSet getResultSet(Map<String, Class<?>> map) throws SQLFeatureNotSupportedException {
        return getResultSet();
    }

    @Override
    public ResultSet getResultSet(long index, int count) throws SQLFeatureNotSupportedException {
        return getResultSet();
    }

    @Override
    public ResultSet getResultSet(long index, int count, Map<String, Class<?>> map) throws SQLFeatureNotSupportedException {
        return getResultSet();
    }

    @Override
    public void free() {
        // nothing held
    }
}
