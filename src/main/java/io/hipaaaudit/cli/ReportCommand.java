package io.hipaaaudit.cli;

import io.hipaaaudit.findings.FindingsDocument;
import io.hipaaaudit.report.ReportInput;
import io.hipaaaudit.report.Reporters;
import io.hipaaaudit.rules.RuleLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Re-renders an earlier scan's findings.json in other formats, without collecting or evaluating anything. */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Write reports from an earlier scan's findings.json.",
                "Exit codes: 0 written; 2 usage or input error."})
final class ReportCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--input", paramLabel = "FILE", required = true, description = "A findings.json written by scan.")
    Path input;

    @Option(names = "--format", paramLabel = "FORMATS", split = ",", defaultValue = "html",
            description = "Output formats, comma-separated: json, html, pdf, junit, sarif, allure, ocsf, asff, csv "
                    + "(default: ${DEFAULT-VALUE}).")
    List<String> formats;

    @Option(names = "--output-dir", paramLabel = "DIR", defaultValue = "reports",
            description = "Where reports are written (default: ${DEFAULT-VALUE}).")
    Path outputDir;

    @CommandLine.Mixin
    LinkOptions links = new LinkOptions();

    @Option(names = "--rules", paramLabel = "DIR",
            description = "Extra rule folder (repeatable) whose metadata the scan used, for rule help and citations.")
    List<Path> ruleDirs = new ArrayList<>();

    @Override
    public Integer call() {
        formats.forEach(Reporters::of);
        FindingsDocument doc = FindingsDocument.read(input);
        List<Path> written = Reporters.write(new ReportInput(doc, RuleLoader.load(ruleDirs), java.util.Optional.empty(),
                links.sarifIncludeWaived, links.docsUrl()), formats, outputDir);
        PrintWriter out = spec.commandLine().getOut();
        written.forEach(p -> out.println("wrote: " + p));
        out.flush();
        return ExitCodes.OK;
    }
}
