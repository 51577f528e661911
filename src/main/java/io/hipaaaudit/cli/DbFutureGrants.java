package io.hipaaaudit.cli;

import io.hipaaaudit.analyse.privileges.FutureGrant;
import io.hipaaaudit.analyse.privileges.FutureGrantReport;
import io.hipaaaudit.collect.postgres.PgCollection;
import io.hipaaaudit.collect.postgres.PgTarget;
import io.hipaaaudit.collect.postgres.PostgresCollector;
import io.hipaaaudit.inventory.CollectionError;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * {@code db privileges --future}: collects each database and prints its future grants (see
 * {@link FutureGrantReport}); {@code --role} picks creators, {@code --schema} keeps the rows of those schemas
 * and the rows valid in every schema. Exit 3 when some catalog could not be read.
 */
final class DbFutureGrants {
    private DbFutureGrants() {}

    static int print(CommandLine cli, List<PgTarget> targets, List<String> creators, List<String> schemas,
                     boolean json) {
        Map<String, List<FutureGrant>> byDatabase = new LinkedHashMap<>();
        List<CollectionError> errors = new ArrayList<>();
        PostgresCollector collector = new PostgresCollector();
        for (PgTarget target : targets) {
            PgCollection c = collector.collect(target);
            errors.addAll(c.errors());
            byDatabase.put(c.database().id(), FutureGrantReport.grants(c.database(), creators, schemas));
        }
        PrintWriter out = cli.getOut();
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
        PrintWriter err = cli.getErr();
        errors.forEach(e -> err.println("hipaa-audit: " + e.database().orElse("") + ": " + e.operation() + " failed ("
                + e.code() + "): " + e.message()));
        err.flush();
        return errors.isEmpty() ? ExitCodes.OK : ExitCodes.INCOMPLETE;
    }
}
