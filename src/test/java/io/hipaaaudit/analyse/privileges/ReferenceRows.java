package io.hipaaaudit.analyse.privileges;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The report's rows built the simple way, from the whole fact base at once and then sorted: the reference the
 * streamed rows of {@link PrivilegeStream} are checked against. Holds every row; for small test catalogs only.
 */
public final class ReferenceRows {
    private static final Comparator<PrivilegeRow> ORDER = Comparator.comparing(PrivilegeRow::role)
            .thenComparing(PrivilegeRow::schema)
            .thenComparing(PrivilegeRow::object)
            .thenComparing(row -> row.column().orElse(""))
            .thenComparing(PrivilegeRow::objectType)
            .thenComparing(PrivilegeRow::privilege);

    private ReferenceRows() {}

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
        // what each role can use only after a SET ROLE, one row per privilege, the switched role's USAGE
        List<ObjectPrivileges> objects = new ArrayList<>(facts.schemas());
        objects.addAll(facts.relations());
        objects.addAll(facts.functions());
        objects.addAll(facts.columnGrants());
        for (String role : facts.roles()) {
            for (ObjectPrivileges object : objects) {
                facts.afterSetRole(role, object).forEach((privilege, after) -> rows.add(new PrivilegeRow(role,
                        object.objectType(), object.schema(), object.object(), object.column(), privilege,
                        after.holding().grantable(), after.holding().via(), object.objectType().equals("schema")
                        || facts.schemaUsage(after.setRole(), object.schema()), Optional.of(after.setRole()))));
            }
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
