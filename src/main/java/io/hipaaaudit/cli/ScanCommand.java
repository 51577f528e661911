package io.hipaaaudit.cli;

import io.hipaaaudit.engine.Environments;
import io.hipaaaudit.findings.Severity;
import io.hipaaaudit.rules.RuleLoader;
import io.hipaaaudit.rules.RulePack;
import io.hipaaaudit.scan.GatePolicy;
import io.hipaaaudit.scan.Outputs;
import io.hipaaaudit.scan.RuleInputs;
import io.hipaaaudit.scan.ScanRequest;
import io.hipaaaudit.scan.ScanResult;
import io.hipaaaudit.scan.Scanner;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "scan", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Evaluate the HIPAA rule pack and write findings.",
        exitCodeListHeading = "%nExit codes (when findings both fail and are NOT_ASSESSED, 1 wins over 3):%n",
        exitCodeList = {
                "0:nothing at or above --fail-on failed, and every finding was assessed",
                "1:at least one finding at or above --fail-on failed (even if others are NOT_ASSESSED)",
                "2:usage, input, configuration or rule error: nothing was evaluated; with --security-hub also: some "
                        + "finding could not be imported or archived (the findings were evaluated and written)",
                "3:the scan is incomplete: some findings are NOT_ASSESSED and none failed (see --allow-incomplete)",
                "4:internal error (a defect or out of memory): one line names it; the run stopped"})
final class ScanCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.ParentCommand
    HipaaAudit root;

    @CommandLine.Mixin
    SourceOptions sources = new SourceOptions();

    @CommandLine.Mixin
    ConfigOptions config = new ConfigOptions();

    @CommandLine.Mixin
    GateOptions gate = new GateOptions();

    @CommandLine.Mixin
    HistoryOptions history = new HistoryOptions();

    @CommandLine.Mixin
    PolicyOptions policy = new PolicyOptions();

    @Option(names = "--environment", paramLabel = "NAME", defaultValue = "default",
            description = "Environment whose rule parameters apply (dev, prod, any name the rules define or a "
                    + "configured alias, in any case; default: ${DEFAULT-VALUE}). A resource's environment tag "
                    + "overrides it.")
    String environment;

    @Option(names = "--environment-tag", paramLabel = "KEY", defaultValue = Environments.DEFAULT_TAG,
            description = "Tag from which a resource takes its environment (default: ${DEFAULT-VALUE}).")
    String environmentTag;

    @Option(names = "--rules", paramLabel = "DIR",
            description = "Extra rule folder (repeatable); a rule with a bundled rule's id replaces it.")
    List<Path> ruleDirs = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMATS", split = ",", defaultValue = "json,html",
            description = "Output formats, comma-separated: json, html, pdf, junit, sarif, allure, ocsf, asff, csv "
                    + "(default: ${DEFAULT-VALUE}: the canonical findings.json and the auditor's index.html).")
    List<String> formats;

    @CommandLine.Mixin
    LinkOptions links = new LinkOptions();

    @Option(names = "--output-dir", paramLabel = "DIR", defaultValue = "reports",
            description = "Where reports are written (default: ${DEFAULT-VALUE}).")
    Path outputDir;

    @Option(names = "--fail-on", paramLabel = "SEVERITY", defaultValue = "high",
            converter = SeverityConverter.class,
            description = "Exit 1 when a finding of this severity or worse fails: critical, high, medium, low, info "
                    + "(default: ${DEFAULT-VALUE}).")
    Severity failOn;

    @Option(names = "--allow-incomplete", description = "Do not exit 3 when some findings are NOT_ASSESSED.")
    boolean allowIncomplete;

    @Option(names = "--security-hub", description = "After the scan, import its ASFF findings into the scanned "
            + "account's Security Hub and archive this tool's findings there that the scan no longer produces. A write "
            + "to Security Hub (securityhub:BatchImportFindings, securityhub:GetFindings), not in the read-only scan "
            + "policy. Exit 2 when any finding could not be imported or archived.")
    boolean securityHub;

    @Option(names = "--security-hub-region", paramLabel = "REGION",
            description = "The Security Hub region that receives the findings (default: the first scanned region).")
    String securityHubRegion;

    @Option(names = {"-q", "--quiet"}, description = "Print only the one-line result.")
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, description = "Also print the AWS API calls made, per action.")
    boolean verbose;

    @Override
    public Integer call() {
        ConfigOptions.Configured c = config.load(spec.commandLine().getParseResult());
        // the pack loads while the scan collects, which needs none of it; its errors still come first
        RuleInputs rules = RuleInputs.loading(() -> {
            RulePack pack = c.pack(RuleLoader.load(ruleDirs));
            return new RuleInputs.Loaded(pack, c.environments(environment, environmentTag, pack), c.waivers(pack));
        });
        try {
            return scan(c, rules);
        } catch (RuntimeException e) {
            throw rules.before(e);
        }
    }

    private int scan(ConfigOptions.Configured c, RuleInputs rules) {
        Clock clock = root == null ? Clock.systemUTC() : root.clock();
        SourceOptions.Mapped source = sources.map(c, clock, root == null ? UnaryOperator.identity() : root.awsOptions());
        Optional<Path> baseline = gate.baseline(c);
        Severity threshold = c.pick("--fail-on", failOn, cfg -> cfg.gate().failOn().map(Severity::parse));
        boolean incompleteAllowed = c.pick("--allow-incomplete", allowIncomplete, cfg -> cfg.gate().allowIncomplete());
        ScanRequest request = ScanRequest.builder(source.source(), rules)
                .databases(source.databases())
                .record(source.record())
                .maxDuration(sources.maxDuration.value())
                .dbPolicy(c.dbPolicy(policy.load()))
                .attribution(!sources.noAttribution)
                .history(history.target(c))
                .gate(new GatePolicy(threshold, incompleteAllowed, baseline))
                .outputs(new Outputs(c.formats(formats), c.pick("--output-dir", outputDir,
                        cfg -> cfg.outputs().dir().map(Path::of)), links.sarifIncludeWaived, links.docsUrl()))
                .saveInventory(Optional.ofNullable(sources.saveInventory))
                .clock(clock)
                .securityHub(securityHub || securityHubRegion != null
                        ? Optional.of(new io.hipaaaudit.scan.SecurityHubTarget(Optional.ofNullable(securityHubRegion)))
                        : Optional.empty())
                .build();
        PrintWriter out = spec.commandLine().getOut();
        ScanResult result = Scanner.run(request, new ConsoleProgress.Listener(ConsoleProgress.forTerminal(quiet),
                quiet ? null : out));
        if (result.stoppedAtDeadline()) {
            spec.commandLine().getErr().println("hipaa-audit: the scan stopped at its deadline (--max-duration "
                    + sources.maxDuration.text() + "); what it had not collected is NOT_ASSESSED");
        }
        PrintWriter err = spec.commandLine().getErr();
        ConsoleSummary.warnUndefinedEnvironments(err, result.undefinedEnvironments(), request.environments());
        if (verbose) {
            ConsoleSummary.printApiCalls(err, result.apiCalls());
        }
        int exit = ExitCodes.of(result.verdict().outcome());
        new ConsoleSummary(out).print(result.findings(), threshold, quiet, exit, result.written());
        gate.print(out, result.verdict(), result.waivers(), baseline, quiet);
        if (result.securityHub().isPresent()) {
            io.hipaaaudit.scan.SecurityHubOutcome hub = result.securityHub().get();
            ConsoleSummary.printSecurityHub(out, err, hub);
            if (hub.failed()) {
                return ExitCodes.USAGE;
            }
        }
        return exit;
    }

    static final class SeverityConverter implements CommandLine.ITypeConverter<Severity> {
        @Override
        public Severity convert(String value) {
            try {
                return Severity.parse(value.toLowerCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
