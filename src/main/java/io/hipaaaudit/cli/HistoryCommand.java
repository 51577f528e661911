package io.hipaaaudit.cli;

import io.hipaaaudit.history.HistoryException;
import io.hipaaaudit.history.HistoryStore;
import io.hipaaaudit.json.InputException;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code hipaa-audit history list|diff|prune}: read and maintain the scan history database. */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = "Scan history kept in PostgreSQL: list scans, diff two scans, prune old ones.",
        subcommands = {HistoryListCommand.class, HistoryDiffCommand.class, HistoryPruneCommand.class})
final class HistoryCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: list, diff or prune");
    }

    /** Runs {@code f} against the store, turning database errors into one-line input errors (exit 2). */
    static <T> T with(HistoryOptions options, Function<HistoryStore, T> f) {
        HistoryStore store = options.open();
        try {
            return f.apply(store);
        } catch (HistoryException e) {
            throw new InputException("history " + io.hipaaaudit.redact.Redaction.url(options.url) + ": " + e.getMessage());
        }
    }
}
