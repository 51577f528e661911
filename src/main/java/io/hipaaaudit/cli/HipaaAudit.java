package io.hipaaaudit.cli;

import io.hipaaaudit.collect.aws.AwsCollectorOptions;
import io.hipaaaudit.collect.aws.AwsCredentialsException;
import io.hipaaaudit.engine.Scan;
import io.hipaaaudit.json.InputException;
import io.hipaaaudit.redact.Redaction;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The root command; every subcommand is its own class. The subcommands are added by {@link #commandLine}, not
 * named in the annotation: picocli builds the model of every command it is given by reflection (about a tenth of
 * a second of a cold start for all of them), and a command line that names its command needs only that one.
 */
@Command(name = "hipaa-audit", mixinStandardHelpOptions = true, versionProvider = HipaaAudit.VersionProvider.class,
        description = "Audits a deployed AWS environment and its PostgreSQL databases against the HIPAA Security Rule.")
public final class HipaaAudit implements Runnable {
    /** The subcommands, in the order the usage lists them. */
    static final List<Class<?>> SUBCOMMANDS = List.of(ScanCommand.class, DriftCommand.class, ReportCommand.class,
            RulesCommand.class, DbCommand.class, HistoryCommand.class, VersionCommand.class,
            CommandLine.HelpCommand.class);
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
        return execute(commandLine(root, args), out, err, args);
    }

    /**
     * The command line for {@code args}: when the first argument is the name of a subcommand other than
     * {@code help}, the root with that subcommand alone (what picocli would parse, execute and print for those
     * arguments is the same); otherwise the root with all of them, for its usage, {@code help} and the error that
     * suggests a name.
     */
    static CommandLine commandLine(Object root, String... args) {
        CommandLine cli = new CommandLine(root);
        String first = args.length == 0 ? "" : args[0];
        Optional<Class<?>> named = SUBCOMMANDS.stream()
                .filter(c -> c != CommandLine.HelpCommand.class && c.getAnnotation(Command.class).name().equals(first))
                .findFirst();
        if (named.isPresent()) {
            cli.addSubcommand(named.get());
        } else {
            SUBCOMMANDS.forEach(cli::addSubcommand);
        }
        return cli;
    }

    /** Runs {@code cli} with the project's error handling and returns the exit code; never throws. */
    static int execute(CommandLine cli, PrintWriter out, PrintWriter err, String... args) {
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
                return ExitCodes.USAGE;
            }
            return internalError(ex, c, err);
        });
        try {
            return cli.execute(args);
        } catch (OutOfMemoryError | StackOverflowError | LinkageError | AssertionError ex) {
            // picocli hands only Exceptions to the handler above; an Error thrown by a command arrives here
            return internalError(ex, leaf(cli), err);
        }
    }

    /**
     * One line naming the failure, never a stack trace (set HIPAA_AUDIT_DEBUG to get one). Out of memory, the line
     * says how the command that ran out could do with less, when it knows.
     */
    static int internalError(Throwable ex, CommandLine command, PrintWriter err) {
        if (ex instanceof OutOfMemoryError) {
            String hint = command != null && command.getCommand() instanceof OutOfMemoryHint h
                    ? h.outOfMemoryHint() : "give Java more heap (HIPAA_AUDIT_JAVA_OPTS=-Xmx4g)";
            err.println("hipaa-audit: internal error: out of memory (" + firstLine(ex) + "): " + hint);
        } else {
            err.println("hipaa-audit: internal error: " + ex.getClass().getSimpleName()
                    + (ex.getMessage() == null ? "" : ": " + Redaction.text(firstLine(ex))));
        }
        if (System.getenv("HIPAA_AUDIT_DEBUG") != null) {
            ex.printStackTrace(err);
        }
        err.flush();
        return ExitCodes.INTERNAL;
    }

    private static String firstLine(Throwable ex) {
        return ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage().lines().findFirst().orElse("");
    }

    /** The subcommand the arguments chose (the root when none was parsed). */
    private static CommandLine leaf(CommandLine cli) {
        CommandLine.ParseResult parsed = cli.getParseResult();
        if (parsed == null) {
            return cli;
        }
        while (parsed.subcommand() != null) {
            parsed = parsed.subcommand();
        }
        return parsed.commandSpec().commandLine();
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"hipaa-audit " + Scan.Version.get()};
        }
    }
}
