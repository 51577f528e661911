package io.hipaaaudit.cli;

import io.hipaaaudit.analyse.privileges.PrivilegeJson;
import io.hipaaaudit.analyse.privileges.PrivilegeReport;
import io.hipaaaudit.analyse.privileges.PrivilegeRow;
import io.hipaaaudit.analyse.privileges.PrivilegeTable;
import io.hipaaaudit.collect.postgres.PgCollection;
import io.hipaaaudit.collect.postgres.PgTarget;
import io.hipaaaudit.collect.postgres.PostgresCollector;
import io.hipaaaudit.inventory.CollectionError;
import io.hipaaaudit.json.InputException;
import io.hipaaaudit.json.Json;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Collects each database's catalogs and prints every role's effective privileges, one row per (role, object,
 * privilege) with the grant chain. One database prints a JSON array of rows; several print an object keyed by
 * database id. Exit 3 when some catalog could not be read (the rows are then incomplete).
 */
@Command(name = "privileges", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Print effective privileges: one row per role, object and privilege, with the grant chain.",
                "Exit codes: 0 complete; 2 usage or input error; 3 some catalog could not be read."})
final class DbPrivilegesCommand implements Callable<Integer> {
    enum Format { json, table }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    DbTargetOptions db = new DbTargetOptions();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--role", paramLabel = "ROLE", description = "Only rows of these roles (repeatable).")
    List<String> roles = new ArrayList<>();

    @Option(names = "--schema", paramLabel = "SCHEMA", description = "Only rows in these schemas (repeatable).")
    List<String> schemas = new ArrayList<>();

    @Option(names = "--future", description = "Print what objects created later will grant (ALTER DEFAULT"
            + " PRIVILEGES or PostgreSQL's built-in default) instead of current privileges.")
    boolean future;

    @Override
    public Integer call() {
        List<PgTarget> targets = db.targets(List.of(), Optional.empty());
        if (targets.isEmpty()) {
            throw new InputException("db privileges needs at least one --db");
        }
        if (future) {
            return DbFutureGrants.print(spec.commandLine(), targets, roles, schemas, format == Format.json);
        }
        Map<String, List<PrivilegeRow>> byDatabase = new LinkedHashMap<>();
        List<CollectionError> errors = new ArrayList<>();
        PostgresCollector collector = new PostgresCollector();
        for (PgTarget target : targets) {
            PgCollection c = collector.collect(target);
            errors.addAll(c.errors());
            byDatabase.put(c.database().id(), PrivilegeReport.rows(c.database()).stream().filter(this::wanted).toList());
        }
        print(byDatabase);
        PrintWriter err = spec.commandLine().getErr();
        errors.forEach(e -> err.println("hipaa-audit: " + e.database().orElse("") + ": " + e.operation() + " failed ("
                + e.code() + "): " + e.message()));
        err.flush();
        return errors.isEmpty() ? ExitCodes.OK : ExitCodes.INCOMPLETE;
    }

    private boolean wanted(PrivilegeRow row) {
        return (roles.isEmpty() || roles.contains(row.role())) && (schemas.isEmpty() || schemas.contains(row.schema()));
    }

    private void print(Map<String, List<PrivilegeRow>> byDatabase) {
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.json) {
            out.print(byDatabase.size() == 1 ? PrivilegeJson.rows(byDatabase.values().iterator().next())
                    : Json.write(byDatabase));
        } else {
            byDatabase.forEach((id, rows) -> {
                if (byDatabase.size() > 1) {
                    out.println("== " + id);
                }
                out.print(PrivilegeTable.render(rows));
            });
        }
        out.flush();
    }
}
