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
                "Exit codes: 0 written; 2 usage or input error, or (with --security-hub) a finding Security Hub did "
                        + "not take."})
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

    @Option(names = "--security-hub", description = "Also import the findings into the Security Hub of the account "
            + "the AWS credentials reach (a write: securityhub:BatchImportFindings). Only imports; archiving what a "
            + "scan no longer produces is done by scan --security-hub.")
    boolean securityHub;

    @Option(names = "--security-hub-region", paramLabel = "REGION",
            description = "The Security Hub region that receives the findings (default: the scan's first region).")
    String securityHubRegion;

    @Option(names = "--profile", paramLabel = "NAME", description = "AWS profile for --security-hub.")
    String profile;

    @Option(names = "--role-arn", paramLabel = "ARN", description = "IAM role to assume for --security-hub.")
    String roleArn;

    @Option(names = "--external-id", paramLabel = "ID", description = "External id for --role-arn.")
    String externalId;

    @Option(names = "--endpoint-url", paramLabel = "URL", description = "AWS endpoint for --security-hub.")
    String endpointUrl;

    @CommandLine.ParentCommand
    HipaaAudit root;

    @Override
    public Integer call() {
        formats.forEach(Reporters::of);
        if (!securityHub && (securityHubRegion != null || profile != null || roleArn != null || endpointUrl != null)) {
            throw new io.hipaaaudit.json.InputException("--security-hub-region, --profile, --role-arn and "
                    + "--endpoint-url are for --security-hub");
        }
        if (externalId != null && roleArn == null) {
            throw new io.hipaaaudit.json.InputException("--external-id needs --role-arn");
        }
        FindingsDocument doc = FindingsDocument.read(input);
        ReportInput report = new ReportInput(doc, RuleLoader.load(ruleDirs), java.util.Optional.empty(),
                links.sarifIncludeWaived, links.docsUrl());
        List<Path> written = Reporters.write(report, formats, outputDir);
        PrintWriter out = spec.commandLine().getOut();
        written.forEach(p -> out.println("wrote: " + p));
        out.flush();
        if (securityHub) {
            var hub = io.hipaaaudit.scan.SecurityHubImport.importOnly(report, awsOptions(),
                    java.util.Optional.ofNullable(securityHubRegion));
            ConsoleSummary.printSecurityHub(out, spec.commandLine().getErr(), hub);
            return hub.failed() ? ExitCodes.USAGE : ExitCodes.OK;
        }
        return ExitCodes.OK;
    }

    private io.hipaaaudit.collect.aws.AwsCollectorOptions awsOptions() {
        var o = io.hipaaaudit.collect.aws.AwsCollectorOptions.defaults();
        if (profile != null) {
            o = o.withProfile(profile);
        }
        if (roleArn != null) {
            o = o.withRole(roleArn, externalId);
        }
        if (endpointUrl != null) {
            java.net.URI uri;
            try {
                uri = new java.net.URI(endpointUrl);
            } catch (java.net.URISyntaxException e) {
                uri = null;
            }
            if (uri == null || uri.getScheme() == null || uri.getHost() == null) {
                // the URL may carry user-info or a signed query: it is shown only without them
                throw new io.hipaaaudit.json.InputException("--endpoint-url '"
                        + io.hipaaaudit.redact.Redaction.url(endpointUrl) + "' is not a URL");
            }
            o = o.withEndpointUrl(uri);
        }
        return root == null ? o : root.awsOptions().apply(o);
    }
}
