package io.hipaaaudit.cli;

import io.hipaaaudit.history.ScanRow;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code history list}: the most recent scans, newest first. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List recorded scans, newest first.")
final class HistoryListCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    HistoryOptions history = new HistoryOptions();

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "How many scans (default: ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() {
        List<ScanRow> rows = HistoryCommand.with(history, s -> s.list(limit));
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%6s  %-20s  %-10s  %-28s %6s %6s %6s %6s%n", "scan", "recorded", "env", "accounts", "fail",
                "waived", "n/a'd", "pass");
        for (ScanRow r : rows) {
            out.printf("%6d  %-20s  %-10s  %-28s %6d %6d %6d %6d%n", r.id(),
                    r.recordedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), ConsoleSummary.safe(r.environment()),
                    ConsoleSummary.safe(String.join(",", r.accounts())), r.counts().getOrDefault("FAIL", 0L),
                    r.counts().getOrDefault("WAIVED", 0L), r.counts().getOrDefault("NOT_ASSESSED", 0L),
                    r.counts().getOrDefault("PASS", 0L));
        }
        out.flush();
        return ExitCodes.OK;
    }
}
