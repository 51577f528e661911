package io.hipaaaudit.analyse.privileges;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import io.hipaaaudit.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * Writes {@code db privileges --format json} row by row through one {@link JsonGenerator}: nothing but the
 * generator's buffer is held, however many rows pass. The text is what {@link Json#write} makes of a list of
 * {@link PrivilegeRow} (or of a map from database id to such lists): the same field names and order, two-space
 * indentation, {@code column} and {@code setRole} omitted when absent, a trailing newline.
 */
public final class PrivilegeJsonWriter implements AutoCloseable {
    private final JsonGenerator json;
    private final Writer out;

    public PrivilegeJsonWriter(Writer out) {
        this.out = out;
        try {
            json = Json.json().getFactory().createGenerator(out)
                    .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                    .setPrettyPrinter(new DefaultPrettyPrinter());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Opens the object keyed by database id; each database is then {@link #startRows(String)} ... {@link #endRows()}. */
    public void startDatabases() {
        io(() -> json.writeStartObject());
    }

    public void endDatabases() {
        io(() -> json.writeEndObject());
    }

    /** Opens the array of one database's rows inside {@link #startDatabases()}. */
    public void startRows(String databaseId) {
        io(() -> json.writeArrayFieldStart(databaseId));
    }

    /** Opens the top-level array of rows (one database). */
    public void startRows() {
        io(() -> json.writeStartArray());
    }

    public void endRows() {
        io(() -> json.writeEndArray());
    }

    public void row(PrivilegeRow row) {
        io(() -> {
            json.writeStartObject();
            json.writeStringField("role", row.role());
            json.writeStringField("objectType", row.objectType());
            json.writeStringField("schema", row.schema());
            json.writeStringField("object", row.object());
            if (row.column().isPresent()) {
                json.writeStringField("column", row.column().get());
            }
            json.writeStringField("privilege", row.privilege());
            json.writeBooleanField("grantable", row.grantable());
            json.writeArrayFieldStart("via");
            for (String step : row.via()) {
                json.writeString(step);
            }
            json.writeEndArray();
            json.writeBooleanField("schemaUsage", row.schemaUsage());
            if (row.setRole().isPresent()) {
                json.writeStringField("setRole", row.setRole().get());
            }
            json.writeEndObject();
        });
    }

    /** Ends the document with a newline and flushes; the underlying writer stays open. */
    @Override
    public void close() {
        io(() -> {
            json.close();
            out.write('\n');
            out.flush();
        });
    }

    private interface Io {
        void run() throws IOException;
    }

    private static void io(Io step) {
        try {
            step.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
