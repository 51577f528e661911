package io.hipaaaudit.cli;

import io.hipaaaudit.engine.Scan;
import io.hipaaaudit.rules.RuleLoader;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "version", mixinStandardHelpOptions = true, description = "Print the tool version and the bundled rule pack's size and hash.")
final class VersionCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        // the pack's size and hash come from its files: loading it would compile every expression for nothing
        RuleLoader.Summary pack = RuleLoader.bundledSummary();
        spec.commandLine().getOut().printf("hipaa-audit %s%nrule pack: %d rules, sha256 %s%njava: %s%n",
                Scan.Version.get(), pack.rules(), pack.sha256(), System.getProperty("java.version"));
        return ExitCodes.OK;
    }
}
