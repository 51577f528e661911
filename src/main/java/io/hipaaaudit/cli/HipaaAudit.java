package io.hipaaaudit.cli;

import io.hipaaaudit.collect.aws.AwsCredentialsException;
import io.hipaaaudit.engine.Scan;
import io.hipaaaudit.json.InputException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root command; every subcommand is its own class. */
@Command(name = "hipaa-audit", mixinStandardHelpOptions = true, versionProvider = HipaaAudit.VersionProvider.class,
        description = "Audits a deployed AWS environment and its PostgreSQL databases against the HIPAA Security Rule.",
        subcommands = {ScanCommand.class, ReportCommand.class, RulesCommand.class, DbCommand.class, HistoryCommand.class, VersionCommand.class,
                CommandLine.HelpCommand.class})
public final class HipaaAudit implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: scan, rules or version");
    }

    /** Runs the CLI and returns the exit code; never throws. */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new HipaaAudit());
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setParameterExceptionHandler((ex, a) -> {
            err.println("hipaa-audit: " + ex.getMessage());
            err.println("Try 'hipaa-audit " + (ex.getCommandLine().getCommandName().equals("hipaa-audit") ? ""
                    : ex.getCommandLine().getCommandName() + " ") + "--help'.");
            return ExitCodes.USAGE;
        });
        cli.setExecutionExceptionHandler((ex, c, parsed) -> {
            if (ex instanceof InputException || ex instanceof AwsCredentialsException) {
                err.println("hipaa-audit: " + ex.getMessage());
            } else {
                err.println("hipaa-audit: internal error: " + ex.getClass().getSimpleName()
                        + (ex.getMessage() == null ? "" : ": " + ex.getMessage().lines().findFirst().orElse("")));
                if (System.getenv("HIPAA_AUDIT_DEBUG") != null) {
                    ex.printStackTrace(err);
                }
            }
            return ExitCodes.USAGE;
        });
        return cli.execute(args);
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"hipaa-audit " + Scan.Version.get()};
        }
    }
}
