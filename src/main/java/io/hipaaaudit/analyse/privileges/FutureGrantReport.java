package io.hipaaaudit.analyse.privileges;

import io.hipaaaudit.inventory.pg.PgDatabase;
import io.hipaaaudit.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code hipaa-audit db privileges --future}: what objects created later will grant, one row per (creator,
 * schema or every schema, object type, grantee, privilege). JSON rows carry {@code scope} ({@code global}: every
 * schema, or {@code schema} with {@code schema} naming it); the table writes {@code *} for every schema.
 */
public final class FutureGrantReport {
    private static final List<String> HEADER = List.of("CREATOR", "SCHEMA", "TYPE", "GRANTEE", "PRIVILEGE",
            "GRANTABLE", "SOURCE");

    private FutureGrantReport() {}

    /** The future grants of {@code db}, limited to these creators and schemas when the lists are not empty. */
    public static List<FutureGrant> grants(PgDatabase db, List<String> creators, List<String> schemas) {
        return FutureGrants.of(db).stream()
                .filter(g -> creators.isEmpty() || creators.contains(g.creator()))
                .filter(g -> schemas.isEmpty() || g.schema().isEmpty() || schemas.contains(g.schema().get()))
                .toList();
    }

    /** A JSON array of rows for one database. */
    public static String json(List<FutureGrant> grants) {
        return Json.write(rows(grants));
    }

    /** A JSON object keyed by database id. */
    public static String json(Map<String, List<FutureGrant>> byDatabase) {
        Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
        byDatabase.forEach((id, grants) -> out.put(id, rows(grants)));
        return Json.write(out);
    }

    public static String table(List<FutureGrant> grants) {
        List<List<String>> lines = new ArrayList<>();
        lines.add(HEADER);
        for (FutureGrant g : grants) {
            lines.add(List.of(Names.quote(g.creator()), g.schema().map(Names::quote).orElse("*"), g.objectType(),
                    Names.quote(g.grantee()), g.privilege(), g.grantable() ? "yes" : "no", g.source()));
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
                String cell = line.get(i);
                text.append(i == line.size() - 1 ? cell : cell + " ".repeat(widths[i] + 2 - cell.length()));
            }
            out.append(text.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    private static List<Map<String, Object>> rows(List<FutureGrant> grants) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (FutureGrant g : grants) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("creator", g.creator());
            row.put("scope", g.schema().isPresent() ? "schema" : "global");
            g.schema().ifPresent(s -> row.put("schema", s));
            row.put("objectType", g.objectType());
            row.put("grantee", g.grantee());
            row.put("privilege", g.privilege());
            row.put("grantable", g.grantable());
            row.put("source", g.source());
            rows.add(row);
        }
        return rows;
    }
}
