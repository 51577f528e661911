package io.hipaaaudit.analyse.privileges;

import io.hipaaaudit.inventory.pg.PgDatabase;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The rows of {@code hipaa-audit db privileges}: one per (role, object, privilege) the role holds, sorted by
 * role, schema, object, column, privilege. Column rows appear only where a column-level grant adds to what the
 * role holds on the whole table, so the report stays proportional to the grants actually made.
 */
public final class PrivilegeReport {
    private static final Comparator<PrivilegeRow> ORDER = Comparator.comparing(PrivilegeRow::role)
            .thenComparing(PrivilegeRow::schema)
            .thenComparing(PrivilegeRow::object)
            .thenComparing(row -> row.column().orElse(""))
            .thenComparing(PrivilegeRow::objectType)
            .thenComparing(PrivilegeRow::privilege);

    private PrivilegeReport() {}

    /** Every row, in report order, held in one list: for tests and small catalogs; the CLI streams them. */
    public static List<PrivilegeRow> rows(PgDatabase db) {
        List<PrivilegeRow> rows = new ArrayList<>();
        forEach(db, PrivilegeFilter.ALL, rows::add);
        return rows;
    }

    /**
     * The rows {@code filter} admits, in report order, one at a time: memory stays proportional to the catalog,
     * not to the rows (see {@link PrivilegeStream}).
     */
    public static void forEach(PgDatabase db, PrivilegeFilter filter, Consumer<PrivilegeRow> sink) {
        new PrivilegeStream(db, filter).forEach(sink);
    }

    /** Future objects: what {@code ALTER DEFAULT PRIVILEGES} (or the built-in default) will grant. */
    public static List<FutureGrant> futureGrants(PgDatabase db) {
        return FutureGrants.of(db);
    }

    /**
     * The same rows built from the whole fact base at once and sorted: the reference {@link PrivilegeStream} is
     * checked against. Holds every row; not for large catalogs.
     */
    public static List<PrivilegeRow> rows(EffectivePrivileges facts) {
        List<PrivilegeRow> rows = new ArrayList<>();
        facts.schemas().forEach(schema -> add(rows, schema, role -> true));
        facts.relations().forEach(relation -> add(rows, relation, role -> facts.schemaUsage(role, relation.schema())));
        facts.functions().forEach(function -> add(rows, function, role -> facts.schemaUsage(role, function.schema())));
        for (ObjectPrivileges column : facts.columnGrants()) {
            ObjectPrivileges table = facts.relation(column.schema(), column.object()).orElseThrow();
            column.held().forEach((role, held) -> held.forEach((privilege, holding) -> {
                if (table.holding(role, privilege).isEmpty()) {
                    rows.add(row(role, column, privilege, holding, facts.schemaUsage(role, column.schema())));
                }
            }));
        }
        rows.sort(ORDER);
        return rows;
    }

    private interface Usage {
        boolean of(String role);
    }

    private static void add(List<PrivilegeRow> rows, ObjectPrivileges object, Usage usage) {
        for (Map.Entry<String, Map<String, Holding>> role : object.held().entrySet()) {
            boolean usable = usage.of(role.getKey());
            role.getValue().forEach((privilege, holding) ->
                    rows.add(row(role.getKey(), object, privilege, holding, usable)));
        }
    }

    private static PrivilegeRow row(String role, ObjectPrivileges object, String privilege, Holding holding,
                                    boolean usable) {
        Optional<String> column = object.column();
        return new PrivilegeRow(role, object.objectType(), object.schema(), object.object(), column, privilege,
                holding.grantable(), holding.via(), usable);
    }
}
