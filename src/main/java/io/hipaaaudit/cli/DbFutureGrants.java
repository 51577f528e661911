package io.hipaaaudit.cli;

import io.hipaaaudit.analyse.privileges.FutureGrant;
import io.hipaaaudit.analyse.privileges.FutureGrantReport;
import io.hipaaaudit.inventory.pg.PgDatabase;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code db privileges --future}: prints each collected database's future grants (see {@link FutureGrantReport});
 * {@code --role} picks creators, {@code --schema} keeps the rows of those schemas and the rows valid in every
 * schema. The command reports catalogs that could not be read, and exits 3 for them, as for current privileges.
 */
final class DbFutureGrants {
    private DbFutureGrants() {}

    static void print(PrintWriter out, Map<String, PgDatabase> databases, List<String> creators,
                      List<String> schemas, boolean json) {
        Map<String, List<FutureGrant>> byDatabase = new LinkedHashMap<>();
        databases.forEach((id, db) -> byDatabase.put(id, FutureGrantReport.grants(db, creators, schemas)));
        if (json) {
            out.print(byDatabase.size() == 1 ? FutureGrantReport.json(byDatabase.values().iterator().next())
                    : FutureGrantReport.json(byDatabase));
        } else {
            byDatabase.forEach((id, grants) -> {
                if (byDatabase.size() > 1) {
                    out.println("== " + id);
                }
                out.print(FutureGrantReport.table(grants));
            });
        }
        out.flush();
    }
}
