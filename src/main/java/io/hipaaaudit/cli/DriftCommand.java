package io.hipaaaudit.cli;

import io.hipaaaudit.config.HipaaAuditConfig;
import io.hipaaaudit.config.Targets;
import io.hipaaaudit.scan.drift.Drift;
import io.hipaaaudit.scan.drift.DriftReport;
import io.hipaaaudit.scan.drift.DriftTable;
import io.hipaaaudit.engine.Environments;
import io.hipaaaudit.json.InputException;
import io.hipaaaudit.rules.RuleLoader;
import io.hipaaaudit.rules.RulePack;
import io.hipaaaudit.scan.ScanRequest;
import io.hipaaaudit.scan.Source;
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

@Command(name = "drift", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Compare what a CloudFormation template plans with what is deployed: the rule pack runs on the "
                + "template (--template) and on one deployed side (--snapshot, --replay or the live AWS options), "
                + "resources are paired by the tags aws:cloudformation:stack-name and aws:cloudformation:logical-id "
                + "(or, for a deployed resource without tags, the explicit name the template gives it), and every rule "
                + "whose verdict differs is reported, with the resources on one side only.",
                "A rule NOT_ASSESSED on a side is listed as such, neither drift nor agreement. See docs/pre-deploy.md."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:no drift, and every comparison was assessed",
                "1:drift found: a verdict changed, or a resource is planned-only or deployed-only",
                "2:usage, input, configuration or rule error (no template, no deployed side or two): nothing was "
                        + "compared",
                "3:no drift found, but some comparisons are NOT_ASSESSED on a side (see --allow-incomplete)",
                "4:internal error (a defect or out of memory): one line names it; the run stopped"})
final class DriftCommand implements Callable<Integer> {
    /** Options that choose a live deployed side. */
    private static final List<String> LIVE = List.of("--profile", "--role-arn", "--external-id", "--regions",
            "--endpoint-url", "--accounts-from-organization", "--account");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.ParentCommand
    HipaaAudit root;

    @CommandLine.Mixin
    SourceOptions sources = new SourceOptions();

    @CommandLine.Mixin
    ConfigOptions config = new ConfigOptions();

    @Option(names = "--environment", paramLabel = "NAME", defaultValue = "default",
            description = "Environment whose rule parameters apply on both sides (default: ${DEFAULT-VALUE}). A "
                    + "resource's environment tag overrides it.")
    String environment;

    @Option(names = "--environment-tag", paramLabel = "KEY", defaultValue = Environments.DEFAULT_TAG,
            description = "Tag from which a resource takes its environment (default: ${DEFAULT-VALUE}).")
    String environmentTag;

    @Option(names = "--rules", paramLabel = "DIR",
            description = "Extra rule folder (repeatable); a rule with a bundled rule's id replaces it.")
    List<Path> ruleDirs = new ArrayList<>();

    @Option(names = "--output", paramLabel = "FILE",
            description = "Also write the drift report as JSON (drift.json; its shape is in docs/pre-deploy.md).")
    Path output;

    @Option(names = "--allow-incomplete", description = "Do not exit 3 when some comparisons are NOT_ASSESSED.")
    boolean allowIncomplete;

    @Override
    public Integer call() {
        ConfigOptions.Configured c = config.load(spec.commandLine().getParseResult());
        Source.Template plan = sources.planned();
        refuse(c);
        RulePack pack = c.pack(RuleLoader.load(ruleDirs));
        Clock clock = root == null ? Clock.systemUTC() : root.clock();
        SourceOptions.Mapped deployed = sources.deployed(c, clock,
                root == null ? UnaryOperator.identity() : root.awsOptions());
        Environments environments = c.environments(environment, environmentTag, pack);
        var waivers = c.waivers(pack);
        ScanRequest planned = ScanRequest.builder(plan, pack).environments(environments).waivers(waivers)
                .attribution(false).clock(clock).build();
        ScanRequest account = ScanRequest.builder(deployed.source(), pack).environments(environments)
                .waivers(waivers).attribution(!sources.noAttribution)
                .maxDuration(sources.maxDuration.value()).saveInventory(Optional.ofNullable(sources.saveInventory))
                .clock(clock).build();
        DriftReport report = Drift.run(planned, account);
        if (output != null) {
            report.write(output);
        }
        DriftTable.print(spec.commandLine().getOut(), report);
        if (output != null) {
            spec.commandLine().getOut().println("wrote " + output);
        }
        if (report.hasDrift()) {
            return ExitCodes.FAILED;
        }
        return report.notAssessed().isEmpty() || allowIncomplete ? ExitCodes.OK : ExitCodes.INCOMPLETE;
    }

    /** Exactly one deployed side, and nothing that only a scan does. */
    private void refuse(ConfigOptions.Configured c) {
        for (String o : List.of("--db", "--skip-aws", "--record")) {
            if (c.given(o)) {
                throw new InputException(o + " cannot be used with drift: it compares the AWS resources of a "
                        + "template with those deployed");
            }
        }
        Optional<String> live = LIVE.stream().filter(c::given).findFirst();
        if (sources.snapshot != null && sources.replay != null) {
            throw new InputException("--snapshot and --replay are two deployed sides: drift compares the template "
                    + "with one");
        }
        if (sources.snapshot != null && live.isPresent()) {
            throw new InputException(live.get() + " cannot be used with --snapshot: the snapshot is the deployed side");
        }
        boolean configured = c.config().map(HipaaAuditConfig::targets).map(DriftCommand::anyTarget).orElse(false);
        if (sources.snapshot == null && sources.replay == null && live.isEmpty() && !configured) {
            throw new InputException("drift needs the deployed side: --snapshot FILE, --replay DIR, or the live AWS "
                    + "options (--profile, --role-arn, --regions, --endpoint-url, or targets in --config)");
        }
    }

    private static boolean anyTarget(Targets t) {
        return t.profile().isPresent() || !t.regions().isEmpty() || t.endpointUrl().isPresent()
                || !t.accounts().isEmpty();
    }
}
