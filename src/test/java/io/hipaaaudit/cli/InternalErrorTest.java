package io.hipaaaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** An unexpected failure is exit 4 with one line naming it, never exit 2 and never a stack trace. */
class InternalErrorTest {
    @Command(name = "boom")
    static final class Boom implements Callable<Integer>, OutOfMemoryHint {
        @CommandLine.Option(names = "--oom")
        boolean oom;

        @Override
        public Integer call() {
            if (oom) {
                throw new OutOfMemoryError("Java heap space");
            }
            throw new IllegalStateException("cannot serialise ListN\n\tat somewhere");
        }

        @Override
        public String outOfMemoryHint() {
            return "try less";
        }
    }

    @Command(name = "root", subcommands = Boom.class)
    static final class Root implements Runnable {
        @Override
        public void run() {}
    }

    private static Cli run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = HipaaAudit.execute(new CommandLine(new Root()), new PrintWriter(out, true),
                new PrintWriter(err, true), args);
        return new Cli(exit, out.toString(), err.toString());
    }

    @Test
    void anUnexpectedExceptionIsAnInternalErrorInOneLine() {
        Cli r = run("boom");
        assertThat(r.exit()).isEqualTo(ExitCodes.INTERNAL).isNotEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).isEqualTo("hipaa-audit: internal error: IllegalStateException: cannot serialise ListN"
                + System.lineSeparator());
    }

    @Test
    void outOfMemoryNamesItAndSaysWhatTheCommandSuggests() {
        Cli r = run("boom", "--oom");
        assertThat(r.exit()).isEqualTo(ExitCodes.INTERNAL);
        assertThat(r.err().lines().toList()).containsExactly(
                "hipaa-audit: internal error: out of memory (Java heap space): try less");
    }

    @Test
    void dbPrivilegesSaysHowToNarrowTheReportOrRaiseTheHeap() {
        assertThat(new DbPrivilegesCommand().outOfMemoryHint()).contains("--role", "--schema", "--object", "-Xmx");
    }

    @Test
    void usageErrorsStayExitTwoAndHelpListsExitFour() {
        assertThat(Cli.run("db", "privileges").exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(Cli.run("scan", "--help").out()).containsPattern("\\s+4\\s+internal error");
    }
}
