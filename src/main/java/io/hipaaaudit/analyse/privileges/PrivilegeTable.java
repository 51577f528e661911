package io.hipaaaudit.analyse.privileges;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * A plain, aligned text table of privilege rows for {@code --format table}. Names are quoted as SQL would.
 *
 * <p>{@link #render} aligns a list it holds to its longest cells. {@link #writer} streams: it writes each row as
 * it comes, so its column widths cannot come from the rows. They come from the catalog instead: the longest role,
 * type, schema, object, column and privilege name that any row could carry, each capped at {@value #MAX_WIDTH}
 * characters. A longer name keeps two spaces after it and pushes the rest of its line to the right; the last
 * column (the chain) is never padded. {@code SET ROLE} names the role a row needs the session to switch to
 * ({@code -} for what the role holds without switching). Machine readers use {@code --format json}.
 */
public final class PrivilegeTable {
    static final int MAX_WIDTH = 40;
    private static final List<String> HEADER = List.of("ROLE", "TYPE", "SCHEMA", "OBJECT", "COLUMN", "PRIVILEGE",
            "GRANTABLE", "USABLE", "SET ROLE", "VIA");
    private static final String UNUSABLE = "no (no USAGE on schema)";

    private PrivilegeTable() {}

    public static String render(List<PrivilegeRow> rows) {
        int[] widths = widths(HEADER);
        for (PrivilegeRow row : rows) {
            List<String> cells = cells(row);
            for (int i = 0; i < cells.size(); i++) {
                widths[i] = Math.max(widths[i], cells.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder();
        out.append(line(HEADER, widths));
        rows.forEach(row -> out.append(line(cells(row), widths)));
        return out.toString();
    }

    /** A table written row by row to {@code out}, its widths taken from what {@code source} may produce. */
    public static RowWriter writer(Writer out, PrivilegeStream source) {
        int[] widths = widths(HEADER);
        source.roles().forEach(role -> widen(widths, 0, Names.quote(role)));
        for (PrivilegeStream.Entry object : source.objects()) {
            widen(widths, 1, object.objectType());
            widen(widths, 2, Names.quote(object.schema()));
            widen(widths, 3, objectName(object.objectType(), object.object()));
            widen(widths, 4, object.column().map(Names::quote).orElse("-"));
            object.privileges().forEach(privilege -> widen(widths, 5, privilege));
        }
        widen(widths, 6, "yes");
        widen(widths, 7, UNUSABLE);
        source.setRoles().forEach(role -> widen(widths, 8, Names.quote(role)));
        return new RowWriter(out, widths);
    }

    /** Writes the header at once, then one line per {@link #row}. */
    public static final class RowWriter {
        private final Writer out;
        private final int[] widths;

        private RowWriter(Writer out, int[] widths) {
            this.out = out;
            this.widths = widths;
            write(line(HEADER, widths));
        }

        public void row(PrivilegeRow row) {
            write(line(cells(row), widths));
        }

        private void write(String text) {
            try {
                out.write(text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static int[] widths(List<String> header) {
        return header.stream().mapToInt(String::length).toArray();
    }

    private static void widen(int[] widths, int column, String value) {
        widths[column] = Math.max(widths[column], Math.min(MAX_WIDTH, value.length()));
    }

    private static List<String> cells(PrivilegeRow row) {
        return List.of(Names.quote(row.role()), row.objectType(), Names.quote(row.schema()),
                objectName(row.objectType(), row.object()), row.column().map(Names::quote).orElse("-"),
                row.privilege(), yesNo(row.grantable()), row.schemaUsage() ? "yes" : UNUSABLE,
                row.setRole().map(Names::quote).orElse("-"), String.join(" -> ", row.via()));
    }

    private static String objectName(String objectType, String object) {
        return objectType.equals("function") || objectType.equals("procedure") ? object : Names.quote(object);
    }

    private static String line(List<String> cells, int[] widths) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            text.append(cell);
            if (i < cells.size() - 1) {
                text.append(" ".repeat(Math.max(2, widths[i] + 2 - cell.length())));
            }
        }
        return text.toString().stripTrailing() + '\n';
    }

    private static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }
}
