package io.hipaaaudit.cli;

import io.hipaaaudit.json.InputException;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code history prune --older-than DAYS}: the only way scans leave the history. HIPAA documentation is kept six
 * years (45 CFR 164.316(b)(2)), so nothing is deleted unless asked, and a shorter age is allowed but flagged.
 */
@Command(name = "prune", mixinStandardHelpOptions = true,
        description = "Delete scans recorded more than DAYS days ago (HIPAA retention is six years: 2190 days).")
final class HistoryPruneCommand implements Callable<Integer> {
    static final int SIX_YEARS_DAYS = 2190;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    HistoryOptions history = new HistoryOptions();

    @Option(names = "--older-than", paramLabel = "DAYS", required = true, description = "Age in days.")
    int days;

    @Override
    public Integer call() {
        if (days < 1) {
            throw new InputException("--older-than must be at least 1 day");
        }
        if (days < SIX_YEARS_DAYS) {
            spec.commandLine().getErr().printf("hipaa-audit: note: %d days is shorter than the six-year HIPAA "
                    + "documentation retention%n", days);
        }
        int deleted = HistoryCommand.with(history, s -> s.prune(days));
        spec.commandLine().getOut().printf("pruned %d scans recorded more than %d days ago%n", deleted, days);
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
