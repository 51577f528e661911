package io.hipaaaudit.cli;

import io.hipaaaudit.analyse.privileges.PrivilegeFilter;
import io.hipaaaudit.analyse.privileges.PrivilegeJsonWriter;
import io.hipaaaudit.analyse.privileges.PrivilegeStream;
import io.hipaaaudit.analyse.privileges.PrivilegeTable;
import io.hipaaaudit.collect.postgres.PgCollection;
import io.hipaaaudit.collect.postgres.PgTarget;
import io.hipaaaudit.collect.postgres.PostgresCollector;
import io.hipaaaudit.inventory.CollectionError;
import io.hipaaaudit.inventory.pg.PgDatabase;
import io.hipaaaudit.json.InputException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Collects each database's catalogs and prints every role's effective privileges, one row per (role, object,
 * privilege) with the grant chain, including what a role can use only after a SET ROLE ({@code setRole}). One database prints a JSON array of rows; several print an object keyed by
 * database id. Exit 3 when some catalog could not be read (the rows are then incomplete). Rows are written as
 * they are produced (see {@link PrivilegeStream}): memory holds the catalogs, never the rows.
 */
@Command(name = "privileges", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Print effective privileges: one row per role, object and privilege, with the grant chain.",
                "A privilege a role can use only after a SET ROLE it is allowed has its own row: setRole names the"
                        + " role to switch to (table: SET ROLE column), via starts with the path, e.g."
                        + " member of deleter -> SET ROLE deleter -> grant DELETE to deleter by owner.",
                "Exit codes: 0 complete; 2 usage or input error; 3 some catalog could not be read; 4 internal error."})
final class DbPrivilegesCommand implements Callable<Integer>, OutOfMemoryHint {
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

    @Option(names = "--object", paramLabel = "GLOB",
            description = "Only rows on objects whose name matches (* and ?; a function by name or name(args); repeatable).")
    List<String> objects = new ArrayList<>();

    @Option(names = "--future", description = "Print what objects created later will grant (ALTER DEFAULT"
            + " PRIVILEGES or PostgreSQL's built-in default) instead of current privileges.")
    boolean future;

    @Override
    public Integer call() {
        List<PgTarget> targets = db.targets(List.of(), Optional.empty());
        if (targets.isEmpty()) {
            throw new InputException("db privileges needs at least one --db");
        }
        // in --db order, one per id
        Map<String, PgDatabase> collected = new LinkedHashMap<>();
        List<CollectionError> errors = new ArrayList<>();
        PostgresCollector collector = new PostgresCollector();
        for (PgTarget target : targets) {
            PgCollection c = collector.collect(target);
            errors.addAll(c.errors());
            collected.put(c.database().id(), c.database());
        }
        if (future) {
            DbFutureGrants.print(spec.commandLine().getOut(), collected, roles, schemas, format == Format.json);
        } else {
            // sorted by id, as the JSON object keyed by id always was
            print(new TreeMap<>(collected));
        }
        PrintWriter err = spec.commandLine().getErr();
        errors.forEach(e -> err.println("hipaa-audit: " + e.database().orElse("") + ": " + e.operation() + " failed ("
                + e.code() + "): " + e.message()));
        err.flush();
        return errors.isEmpty() ? ExitCodes.OK : ExitCodes.INCOMPLETE;
    }

    @Override
    public String outOfMemoryHint() {
        return "narrow the report with --role, --schema or --object, or give Java more heap"
                + " (HIPAA_AUDIT_JAVA_OPTS=-Xmx4g)";
    }

    private void print(Map<String, PgDatabase> byDatabase) {
        PrintWriter out = spec.commandLine().getOut();
        PrivilegeFilter filter = new PrivilegeFilter(roles, schemas, objects);
        boolean several = byDatabase.size() > 1;
        if (format == Format.json) {
            try (PrivilegeJsonWriter json = new PrivilegeJsonWriter(out)) {
                if (several) {
                    json.startDatabases();
                }
                byDatabase.forEach((id, db) -> {
                    if (several) {
                        json.startRows(id);
                    } else {
                        json.startRows();
                    }
                    new PrivilegeStream(db, filter).forEach(json::row);
                    json.endRows();
                });
                if (several) {
                    json.endDatabases();
                }
            }
        } else {
            byDatabase.forEach((id, db) -> {
                if (several) {
                    out.println("== " + id);
                }
                PrivilegeStream rows = new PrivilegeStream(db, filter);
                rows.forEach(PrivilegeTable.writer(out, rows)::row);
            });
        }
        out.flush();
    }
}
