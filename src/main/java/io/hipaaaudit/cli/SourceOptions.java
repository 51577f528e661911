package io.hipaaaudit.cli;

import io.hipaaaudit.collect.aws.AccountTarget;
import io.hipaaaudit.collect.aws.AwsCollectorOptions;
import io.hipaaaudit.collect.postgres.PgTarget;
import io.hipaaaudit.config.HipaaAuditConfig;
import io.hipaaaudit.config.Targets;
import io.hipaaaudit.json.InputException;
import io.hipaaaudit.redact.Redaction;
import io.hipaaaudit.scan.Source;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * Where the inventory comes from: a saved snapshot, live collection from AWS and PostgreSQL (the databases and
 * their credentials are {@link DbTargetOptions}), optionally recorded as an evidence bundle, or the replay of such
 * a bundle through the same collectors. {@link #map} turns the flags and the configuration into the scan's source.
 */
final class SourceOptions {
    @Option(names = "--snapshot", paramLabel = "FILE", order = 1,
            description = "Evaluate a saved inventory (JSON) instead of collecting from AWS.")
    Path snapshot;

    @Option(names = "--skip-aws", order = 2, description = "Collect only the databases given with --db.")
    boolean skipAws;

    @Option(names = "--profile", paramLabel = "NAME", order = 3, description = "AWS profile (default: the SDK's credential chain).")
    String profile;

    @Option(names = "--role-arn", paramLabel = "ARN", order = 4, description = "Assume this IAM role for the scan (STS).")
    String roleArn;

    @Option(names = "--external-id", paramLabel = "ID", order = 5, description = "External id for --role-arn.")
    String externalId;

    @Option(names = "--regions", paramLabel = "REGIONS", split = ",", order = 6,
            description = "Regions to scan, comma-separated (default: every region enabled for the account).")
    List<String> regions = new ArrayList<>();

    @Option(names = "--endpoint-url", paramLabel = "URL", order = 7,
            description = "Send every AWS request to this endpoint (LocalStack-style). AWS_ENDPOINT_URL also works.")
    String endpointUrl;

    @CommandLine.Mixin
    DbTargetOptions db = new DbTargetOptions();

    @Option(names = "--save-inventory", paramLabel = "FILE", order = 14,
            description = "Also write the collected inventory as JSON (re-evaluate it later with --snapshot).")
    Path saveInventory;

    @Option(names = "--record", paramLabel = "DIR", order = 15,
            description = "Keep the raw evidence of this live scan in DIR (new or empty): every AWS request and response, "
                    + "every catalog query result, and a manifest of SHA-256 hashes. Secrets are never written.")
    Path record;

    @Option(names = "--replay", paramLabel = "DIR", order = 16,
            description = "Verify an evidence bundle written by --record and run the collectors on it instead of AWS "
                    + "and the databases (no network).")
    Path replay;

    @Option(names = "--no-attribution", order = 17,
            description = "Do not look up in CloudTrail who last changed the resources of failing findings.")
    boolean noAttribution;

    @Option(names = "--accounts-from-organization", order = 18,
            description = "Scan every active account of the AWS Organization (listed with organizations:ListAccounts "
                    + "from the management account), each through the role --org-role-name.")
    boolean accountsFromOrganization;

    @Option(names = "--org-role-name", paramLabel = "NAME", order = 19, defaultValue = "hipaa-audit",
            description = "Role assumed in each organization account (default: ${DEFAULT-VALUE}).")
    String orgRoleName;

    @Option(names = "--account-concurrency", paramLabel = "N", order = 20, defaultValue = "4",
            description = "Accounts collected at the same time in a multi-account scan (default: ${DEFAULT-VALUE}).")
    int accountConcurrency;

    @Option(names = "--max-duration", paramLabel = "DURATION", order = 21, defaultValue = "30m",
            converter = MaxDuration.Converter.class,
            description = "Stop collecting after this long, e.g. 90s, 20m, 1h (default: ${DEFAULT-VALUE}): no AWS call "
                    + "starts after it, calls in flight are cut, database timeouts end by it; what was not collected "
                    + "is NOT_ASSESSED and the reports are still written (exit 3).")
    MaxDuration maxDuration = MaxDuration.parse("30m");

    @Option(names = "--template", paramLabel = "PATH", order = 22,
            description = "Judge CloudFormation templates before deploy instead of collecting from AWS: a template "
                    + "file (JSON or YAML) or a cdk.out directory (every stack of its manifest); repeatable.")
    List<Path> templates = new ArrayList<>();

    @Option(names = "--parameters", paramLabel = "FILE", order = 23,
            description = "Parameter values for --template: [{ParameterKey, ParameterValue}] (as the CloudFormation "
                    + "CLI takes them) or a {key: value} map; a parameter not given takes its Default.")
    Path parameters;

    @Option(names = "--template-region", paramLabel = "REGION", order = 24,
            description = "The region --template deploys to (AWS::Region); default: the cdk.out stack's, else unknown.")
    String templateRegion;

    @Option(names = "--template-account", paramLabel = "ID", order = 25,
            description = "The account --template deploys to (AWS::AccountId); default: the cdk.out stack's, else unknown.")
    String templateAccount;

    /** Options that choose what to collect live; the bundle decides that on replay. */
    private static final List<String> LIVE_ONLY = List.of("--snapshot", "--template", "--record", "--skip-aws", "--profile",
            "--role-arn", "--external-id", "--regions", "--endpoint-url");

    /** What the scan collects: the source, the live databases, and where its evidence goes. */
    record Mapped(Source source, List<PgTarget> databases, Optional<Path> record) {}

    /**
     * The scan's source from the flags, then the configuration's targets; {@code adjust} has a last say on the AWS
     * options (see {@link HipaaAudit}).
     */
    Mapped map(ConfigOptions.Configured c, java.time.Clock clock, UnaryOperator<AwsCollectorOptions> adjust) {
        if (replay != null) {
            return replay(c, LIVE_ONLY);
        }
        if (!templates.isEmpty()) {
            List.of("--snapshot", "--replay", "--record", "--skip-aws", "--profile", "--role-arn", "--external-id",
                    "--regions", "--endpoint-url", "--accounts-from-organization").stream().filter(c::given)
                    .findFirst().ifPresent(o -> {
                        throw new InputException(o + " cannot be used with --template: a template scan contacts "
                                + "no AWS account");
                    });
            return new Mapped(new Source.Template(templates, Optional.ofNullable(parameters),
                    Optional.ofNullable(templateRegion), Optional.ofNullable(templateAccount)),
                    db.targets(List.of(), Optional.empty()), Optional.empty());
        }
        if (parameters != null || templateRegion != null || templateAccount != null) {
            throw new InputException("--parameters, --template-region and --template-account need --template");
        }
        return live(c, clock, adjust);
    }

    /** The templates and their options, as {@code drift} compares them with what is deployed. */
    Source.Template planned() {
        if (templates.isEmpty()) {
            throw new InputException("drift needs the plan: --template PATH (a template file or a cdk.out directory)");
        }
        return new Source.Template(templates, Optional.ofNullable(parameters), Optional.ofNullable(templateRegion),
                Optional.ofNullable(templateAccount));
    }

    /**
     * The deployed side of {@code drift}: the same flags as {@link #map} with the template options set aside (they
     * are the plan, see {@link #planned}).
     */
    Mapped deployed(ConfigOptions.Configured c, java.time.Clock clock, UnaryOperator<AwsCollectorOptions> adjust) {
        if (replay != null) {
            return replay(c, LIVE_ONLY.stream().filter(o -> !o.equals("--template")).toList());
        }
        return live(c, clock, adjust);
    }

    private Mapped replay(ConfigOptions.Configured c, List<String> refused) {
        refused.stream().filter(c::given).findFirst().ifPresent(o -> {
            throw new InputException(o + " cannot be used with --replay: the bundle says what was collected");
        });
        // --db adds live databases to the replayed evidence (e.g. a recorded AWS account and a database
        // restored from a dump); databases from the configuration file are not collected on replay
        return new Mapped(new Source.Replay(replay), db.targets(List.of(), Optional.empty()), Optional.empty());
    }

    private Mapped live(ConfigOptions.Configured c, java.time.Clock clock, UnaryOperator<AwsCollectorOptions> adjust) {
        if (record != null && snapshot != null) {
            throw new InputException("--record keeps the evidence of a live scan; it cannot be used with --snapshot");
        }
        Targets t = c.config().map(HipaaAuditConfig::targets).orElse(null);
        String profile = c.pick("--profile", this.profile, cfg -> cfg.targets().profile());
        List<String> regions = c.pick("--regions", this.regions, cfg -> Optional.of(cfg.targets().regions())
                .filter(r -> !r.isEmpty()));
        Optional<Targets.Account> account = t == null ? Optional.empty() : account(c, t);
        String roleArn = c.pick("--role-arn", this.roleArn, cfg -> account.flatMap(Targets.Account::roleArn));
        String externalId = c.pick("--external-id", this.externalId, cfg -> account.flatMap(Targets.Account::externalId));
        if (account.isPresent() && !c.given("--profile") && account.get().profile().isPresent()) {
            profile = account.get().profile().get();
        }
        List<PgTarget> databases = db.targets(regions, Optional.ofNullable(profile));
        if (databases.isEmpty() && c.loaded().isPresent() && snapshot == null) {
            // a snapshot already holds what was collected: configured databases are for live scans
            databases = ConfigDatabases.targets(c.loaded().get().config().databases(), regions,
                    Optional.ofNullable(profile));
        }
        Source source;
        if (snapshot != null) {
            source = new Source.Snapshot(snapshot);
        } else if (skipAws) {
            if (databases.isEmpty()) {
                throw new InputException("--skip-aws needs at least one --db");
            }
            source = new Source.DatabasesOnly();
        } else {
            AwsCollectorOptions options = awsOptions(regions, profile, roleArn, externalId,
                    c.pick("--endpoint-url", endpointUrl, cfg -> cfg.targets().endpointUrl()));
            source = new Source.Aws(adjust.apply(options.withClock(clock)), accounts(c, t, roleArn, account));
        }
        return new Mapped(source, databases, Optional.ofNullable(record));
    }

    /** The configured account this run scans: the one --account names, or the only one listed. */
    private static Optional<Targets.Account> account(ConfigOptions.Configured c, Targets t) {
        if (c.account().isPresent()) {
            String id = c.account().get();
            return Optional.of(t.accounts().stream().filter(a -> a.id().equals(id)).findFirst()
                    .orElseThrow(() -> c.loaded().get().source().error(List.of("targets", "accounts"), "--account "
                            + id + " is not in targets.accounts")));
        }
        return t.accounts().size() == 1 ? t.accounts().stream().findFirst() : Optional.empty();
    }

    private Source.Accounts accounts(ConfigOptions.Configured c, Targets t, String roleArn,
                                     Optional<Targets.Account> account) {
        if (accountsFromOrganization) {
            if (roleArn != null) {
                throw new InputException("--accounts-from-organization assumes --org-role-name in every account; "
                        + "it cannot be combined with --role-arn");
            }
            return new Source.Accounts.Organization(orgRoleName, Optional.ofNullable(externalId), accountConcurrency);
        }
        if (t != null && c.account().isEmpty() && t.accounts().size() > 1 && !c.given("--role-arn")) {
            // several accounts and none chosen: all of them in this run, each through its own role or profile
            return new Source.Accounts.Listed(t.accounts().stream().map(a -> new AccountTarget(a.id(), a.roleArn(),
                    a.externalId(), a.profile())).toList(), accountConcurrency);
        }
        return new Source.Accounts.One(account.map(Targets.Account::id));
    }

    private AwsCollectorOptions awsOptions(List<String> regions, String profile, String roleArn, String externalId,
                                           String endpointUrl) {
        AwsCollectorOptions o = AwsCollectorOptions.defaults().withRegions(regions);
        if (profile != null) {
            o = o.withProfile(profile);
        }
        if (roleArn != null) {
            o = o.withRole(roleArn, externalId);
        } else if (externalId != null && !accountsFromOrganization) {
            throw new InputException("--external-id needs --role-arn");
        }
        if (endpointUrl != null) {
            try {
                URI uri = new URI(endpointUrl);
                if (uri.getScheme() == null || uri.getHost() == null) {
                    throw new URISyntaxException(endpointUrl, "expected http(s)://host[:port]");
                }
                o = o.withEndpointUrl(uri);
            } catch (URISyntaxException e) {
                // the URL may carry user-info or a signed query: it is shown only without them
                throw new InputException("--endpoint-url '" + Redaction.url(endpointUrl) + "' is not a URL: "
                        + e.getReason());
            }
        }
        return o;
    }

    /** A collection time limit as given on the command line, kept for the message that names it. */
    record MaxDuration(Duration value, String text) {
        private static final java.util.regex.Pattern FORM = java.util.regex.Pattern.compile("([1-9][0-9]{0,6})([smh])");

        static MaxDuration parse(String text) {
            var m = FORM.matcher(text.strip());
            if (!m.matches()) {
                throw new IllegalArgumentException("'" + text + "' is not a duration: use a whole number of "
                        + "seconds, minutes or hours, e.g. 90s, 20m, 1h");
            }
            long n = Long.parseLong(m.group(1));
            Duration d = switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofHours(n);
            };
            return new MaxDuration(d, text.strip());
        }

        static final class Converter implements CommandLine.ITypeConverter<MaxDuration> {
            @Override
            public MaxDuration convert(String value) {
                try {
                    return parse(value);
                } catch (IllegalArgumentException e) {
                    throw new CommandLine.TypeConversionException(e.getMessage());
                }
            }
        }
    }
}
