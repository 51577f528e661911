package io.hipaaaudit.cli;

import io.hipaaaudit.history.ScanDiff;
import io.hipaaaudit.json.InputException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code history diff [A] [B]}: what changed between two scans (default: the last two). */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = "What changed between scan A and scan B (default: the last two): new, resolved, still failing, "
                + "newly waived.")
final class HistoryDiffCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    HistoryOptions history = new HistoryOptions();

    @Parameters(arity = "0..2", paramLabel = "SCAN", description = "History ids from 'history list'.")
    List<Long> scans = List.of();

    @Override
    public Integer call() {
        if (scans.size() == 1) {
            throw new InputException("history diff takes two scan ids, or none for the last two");
        }
        ScanDiff d = HistoryCommand.with(history, s -> scans.isEmpty()
                ? s.sinceLastScan().orElseThrow(() -> new InputException("history diff: fewer than two scans recorded"))
                : s.diff(scans.get(0), scans.get(1)));
        PrintWriter out = spec.commandLine().getOut();
        out.printf("scan %d (%s) -> scan %d (%s)%n", d.from().id(), d.from().recordedAt(), d.to().id(), d.to().recordedAt());
        section(out, "new", d.newFailing());
        section(out, "resolved", d.resolved());
        section(out, "still failing", d.stillFailing());
        section(out, "newly waived", d.newlyWaived());
        out.printf("summary: %d new, %d resolved, %d still failing, %d newly waived%n", d.newFailing().size(),
                d.resolved().size(), d.stillFailing().size(), d.newlyWaived().size());
        out.flush();
        return ExitCodes.OK;
    }

    private static void section(PrintWriter out, String title, List<ScanDiff.Change> changes) {
        out.printf("%n%s (%d)%n", title.toUpperCase(java.util.Locale.ROOT), changes.size());
        for (ScanDiff.Change c : changes) {
            String severity = c.after().or(c::before).map(s -> s.severity().label()).orElse("");
            out.printf("  %-8s %-40s %s%s%n", severity, c.key().ruleId(), ConsoleSummary.safe(c.key().id()),
                    c.key().account().isEmpty() ? "" : " (" + c.key().account() + "/" + c.key().region() + ")");
        }
    }
}
