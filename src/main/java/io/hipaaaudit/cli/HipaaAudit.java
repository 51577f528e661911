package io.hipaaaudit.cli;

import io.hipaaaudit.collect.aws.AwsCollectorOptions;
import io.hipaaaudit.collect.aws.AwsCredentialsException;
import io.hipaaaudit.engine.Scan;
import io.hipaaaudit.json.InputException;
import io.hipaaaudit.redact.Redaction;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.function.UnaryOperator;
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

    private final Clock clock;
    private final UnaryOperator<AwsCollectorOptions> awsOptions;

    public HipaaAudit() {
        this(Clock.systemUTC(), UnaryOperator.identity());
    }

    /**
     * A CLI that takes its time from {@code clock} and adjusts the AWS collection options the command line made
     * with {@code awsOptions}. Only the demo's bundle builder uses this: it records a scan at a fixed collection
     * time, through a local wire-format endpoint (its own HTTP client) and on one thread, so that the committed
     * evidence bundle is the same file for file every time it is rebuilt.
     */
    public HipaaAudit(Clock clock, UnaryOperator<AwsCollectorOptions> awsOptions) {
        this.clock = clock;
        this.awsOptions = awsOptions;
    }

    Clock clock() {
        return clock;
    }

    UnaryOperator<AwsCollectorOptions> awsOptions() {
        return awsOptions;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: scan, rules or version");
    }

    /** Runs the CLI and returns the exit code; never throws. */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return run(new HipaaAudit(), out, err, args);
    }

    /** Runs {@code root} (see {@link #HipaaAudit(Clock, UnaryOperator)}) and returns the exit code; never throws. */
    public static int run(HipaaAudit root, PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(root);
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setParameterExceptionHandler((ex, a) -> {
            // picocli quotes the offending argument, which may be a connection string with its password
            err.println("hipaa-audit: " + Redaction.text(ex.getMessage()));
            // the qualified name names nested commands in full: "hipaa-audit db privileges"
            err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return ExitCodes.USAGE;
        });
        cli.setExecutionExceptionHandler((ex, c, parsed) -> {
            if (ex instanceof InputException || ex instanceof AwsCredentialsException) {
                err.println("hipaa-audit: " + Redaction.text(ex.getMessage()));
            } else {
                err.println("hipaa-audit: internal error: " + ex.getClass().getSimpleName()
                        + (ex.getMessage() == null ? "" : ": " + Redaction.text(ex.getMessage().lines().findFirst().orElse(""))));
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
