package io.hipaaaudit.analyse.privileges;

import java.util.ArrayList;
import java.util.List;

/** A plain, aligned text table of privilege rows for {@code --format table}. Names are quoted as SQL would. */
public final class PrivilegeTable {
    private static final List<String> HEADER = List.of("ROLE", "TYPE", "SCHEMA", "OBJECT", "COLUMN", "PRIVILEGE",
            "GRANTABLE", "USABLE", "VIA");

    private PrivilegeTable() {}

    public static String render(List<PrivilegeRow> rows) {
        List<List<String>> lines = new ArrayList<>();
        lines.add(HEADER);
        for (PrivilegeRow row : rows) {
            lines.add(List.of(Names.quote(row.role()), row.objectType(), Names.quote(row.schema()),
                    row.objectType().equals("function") || row.objectType().equals("procedure")
                            ? row.object() : Names.quote(row.object()),
                    row.column().map(Names::quote).orElse("-"), row.privilege(), yesNo(row.grantable()),
                    row.schemaUsage() ? "yes" : "no (no USAGE on schema)", String.join(" -> ", row.via())));
        }
        int[] widths = new int[HEADER.size()];
        for (List<String> line : lines) {
            for (int i = 0; i < line.size(); i++) {
                widths[i] = Math.max(widths[i], line.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (List<String> line : lines) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < line.size(); i++) {
                text.append(i == line.size() - 1 ? line.get(i) : pad(line.get(i), widths[i] + 2));
            }
            out.append(text.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    private static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }

    private static String pad(String value, int width) {
        return value + " ".repeat(width - value.length());
    }
}
