package io.hipaaaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * The command line that names its subcommand is built with that subcommand alone; whatever the arguments, what
 * it prints and the exit code are those of the root with every subcommand.
 */
class NamedSubcommandTest {
    private static Cli run(CommandLine cli, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = HipaaAudit.execute(cli, new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Cli(exit, out.toString(), err.toString());
    }

    private static CommandLine everySubcommand() {
        CommandLine cli = new CommandLine(new HipaaAudit());
        HipaaAudit.SUBCOMMANDS.forEach(cli::addSubcommand);
        return cli;
    }

    @ParameterizedTest
    @ValueSource(strings = {"scan --help", "scan --no-such-option", "scan --format nope --replay x", "rules",
            "rules list --help", "rules nope", "db privileges --help", "db", "history --help", "history diff --help",
            "drift --help", "report --help", "version --help", "help", "help scan", "help rules", "--help",
            "--version", "", "scna", "SCAN --help", "nope --help", "scan,rules"})
    void printsAndExitsAsTheRootWithEverySubcommand(String line) {
        String[] args = line.isEmpty() ? new String[0] : line.split(" ");
        CommandLine named = HipaaAudit.commandLine(new HipaaAudit(), args);
        Cli lazy = run(named, args);
        Cli full = run(everySubcommand(), args);
        assertThat(lazy).isEqualTo(full);
        assertThat(lazy.out() + lazy.err()).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"scan", "rules", "db", "history", "drift", "report", "version"})
    void aNamedSubcommandIsTheOnlyOneBuilt(String name) {
        assertThat(HipaaAudit.commandLine(new HipaaAudit(), name, "--help").getSubcommands()).containsOnlyKeys(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"help", "--help", "nope"})
    void otherwiseEveryOneIs(String first) {
        assertThat(HipaaAudit.commandLine(new HipaaAudit(), first).getSubcommands()).containsOnlyKeys(
                "scan", "drift", "report", "rules", "db", "history", "version", "help");
    }
}
