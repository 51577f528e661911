package io.hipaaaudit.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code hipaa-audit db ...}: PostgreSQL views that need no rule pack. */
@Command(name = "db", mixinStandardHelpOptions = true, description = "Inspect PostgreSQL databases directly.",
        subcommands = {DbPrivilegesCommand.class})
final class DbCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: privileges");
    }
}
