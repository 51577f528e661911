package io.hipaaaudit.analyse.privileges;

import io.hipaaaudit.inventory.pg.PgDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The rows of {@code hipaa-audit db privileges}: one per (role, object, privilege) the role holds, sorted by
 * role, schema, object, column, privilege. Column rows appear only where a column-level grant adds to what the
 * role holds on the whole table, so the report stays proportional to the grants actually made. What a role can use
 * only after a SET ROLE it is allowed has rows of its own, marked with the role to switch to
 * ({@link PrivilegeRow#setRole()}).
 */
public final class PrivilegeReport {
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
}
