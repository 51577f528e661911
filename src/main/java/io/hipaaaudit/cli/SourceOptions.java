package io.hipaaaudit.cli;

import io.hipaaaudit.collect.DatabaseTargets;
import io.hipaaaudit.collect.aws.AccountTarget;
import io.hipaaaudit.collect.aws.AwsCollection;
import io.hipaaaudit.collect.aws.AwsCollector;
import io.hipaaaudit.collect.aws.AwsCollectorOptions;
import io.hipaaaudit.collect.aws.AwsEvidence;
import io.hipaaaudit.collect.aws.CollectionProgress;
import io.hipaaaudit.collect.aws.MultiAccountCollector;
import io.hipaaaudit.collect.aws.OrganizationAccounts;
import io.hipaaaudit.collect.postgres.PgTarget;
import io.hipaaaudit.evidence.BundleWriter;
import io.hipaaaudit.evidence.EvidenceLog;
import io.hipaaaudit.inventory.CollectionError;
import io.hipaaaudit.inventory.Inventory;
import io.hipaaaudit.inventory.InventoryJson;
import io.hipaaaudit.inventory.ResourceTypes;
import io.hipaaaudit.inventory.aws.ChangeTarget;
import io.hipaaaudit.json.InputException;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import picocli.CommandLine;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Option;

/**
 * Where the inventory comes from: a saved snapshot, live collection from AWS and PostgreSQL (the databases and
 * their credentials are {@link DbTargetOptions}), optionally recorded as an evidence bundle, or the replay of such
 * a bundle through the same collectors.
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

    /** Options that choose what to collect live; the bundle decides that on replay. */
    private static final List<String> LIVE_ONLY = List.of("--snapshot", "--record", "--skip-aws", "--profile",
            "--role-arn", "--external-id", "--regions", "--endpoint-url");

    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec spec;

    /** The clock of collection times and recorded evidence, and a last say on the AWS options (see HipaaAudit). */
    Clock clock = Clock.systemUTC();
    UnaryOperator<AwsCollectorOptions> awsOptions = UnaryOperator.identity();

    /** Databases from the configuration file, used when no --db is given. */
    List<PgTarget> configuredTargets = List.of();

    /** The inventory and the AWS API calls made (empty for a snapshot). */
    record Collected(Inventory inventory, Map<String, Long> apiCalls) {}

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

    /** The account a single-account scan must reach, when the configuration names it (targets.accounts). */
    String expectedAccount;

    /** The accounts of the configuration's targets.accounts when it lists several and no --account was chosen. */
    List<AccountTarget> configuredAccounts = List.of();

    @Option(names = "--max-duration", paramLabel = "DURATION", order = 21, defaultValue = "30m",
            converter = MaxDuration.Converter.class,
            description = "Stop collecting after this long, e.g. 90s, 20m, 1h (default: ${DEFAULT-VALUE}): no AWS call "
                    + "starts after it, calls in flight are cut, database timeouts end by it; what was not collected "
                    + "is NOT_ASSESSED and the reports are still written (exit 3).")
    MaxDuration maxDuration = MaxDuration.parse("30m");

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

    /** When collection must end: set as collection starts, from --max-duration. */
    Optional<Instant> deadline = Optional.empty();

    @Option(names = "--no-attribution", order = 17,
            description = "Do not look up in CloudTrail who last changed the resources of failing findings.")
    boolean noAttribution;

    /**
     * Collects (or reads, or replays) the inventory; {@code rulePackSha256} goes into a recorded manifest. For AWS,
     * {@code attribution} names the resources of failing findings whose CloudTrail change history is looked up in
     * the same session (unless --no-attribution); on replay, the lookups the bundle holds are answered from it.
     */
    Collected collect(CollectionProgress progress, String rulePackSha256,
                      Function<Inventory, Collection<ChangeTarget>> attribution) {
        Function<Inventory, Collection<ChangeTarget>> lookups = noAttribution ? inv -> List.of() : attribution;
        if (replay != null) {
            LIVE_ONLY.stream().filter(this::given).findFirst().ifPresent(o -> {
                throw new InputException(o + " cannot be used with --replay: the bundle says what was collected");
            });
            Collected replayed = EvidenceRun.replay(replay, progress, lookups);
            // --db adds live databases to the replayed evidence (e.g. a recorded AWS account and a database
            // restored from a dump); databases from the configuration file are not collected on replay
            List<PgTarget> live = db.targets(List.of(), Optional.empty());
            if (!live.isEmpty()) {
                replayed = new Collected(DatabaseTargets.collectInto(replayed.inventory(), live), replayed.apiCalls());
            }
            save(replayed.inventory());
            return replayed;
        }
        if (record != null && snapshot != null) {
            throw new InputException("--record keeps the evidence of a live scan; it cannot be used with --snapshot");
        }
        if (record != null) {
            BundleWriter.requireEmpty(record);
        }
        Optional<EvidenceLog> log = Optional.ofNullable(record).map(r -> new EvidenceLog());
        Instant startedAt = clock.instant();
        // the system clock, whatever clock stamps the collection: the limit is real time
        deadline = Optional.of(Instant.now().plus(maxDuration.value()));
        List<PgTarget> targets = targets();
        Inventory inventory;
        Map<String, Long> calls = Map.of();
        if (snapshot != null) {
            inventory = InventoryJson.read(snapshot);
        } else if (skipAws) {
            inventory = Inventory.empty();
            if (targets.isEmpty()) {
                throw new InputException("--skip-aws needs at least one --db");
            }
        } else {
            AwsCollectorOptions options = awsOptions(progress);
            List<AccountTarget> accounts = accounts(options);
            AwsCollection aws;
            if (!accounts.isEmpty()) {
                if (log.isPresent()) {
                    throw new InputException("--record keeps the evidence of one account; record each account "
                            + "separately (--account ID)");
                }
                aws = new MultiAccountCollector(accountConcurrency).collect(options, accounts, lookups);
            } else {
                aws = log.map(l -> AwsEvidence.record(options, l, lookups))
                        .orElseGet(() -> new AwsCollector().collect(options, lookups));
                requireExpectedAccount(aws.inventory());
            }
            inventory = aws.inventory();
            calls = aws.apiCalls();
        }
        for (PgTarget target : targets) {
            inventory = collectDatabase(inventory, target, log);
        }
        if (log.isPresent()) {
            EvidenceRun.write(record, log.get(), inventory, rulePackSha256, startedAt, clock.instant());
        }
        save(inventory);
        return new Collected(inventory, calls);
    }

    /**
     * One database, within the deadline: its connect timeout and every query's statement timeout are cut to the
     * time left when it starts, and once the deadline has passed the database is not contacted but left unknown.
     */
    private Inventory collectDatabase(Inventory inventory, PgTarget target, Optional<EvidenceLog> log) {
        Duration left = Duration.between(Instant.now(), deadline.orElse(Instant.MAX));
        if (left.isNegative() || left.isZero()) {
            String id = target.id().orElseGet(() -> {
                java.util.Properties url = org.postgresql.Driver.parseURL(target.jdbcUrl(), new java.util.Properties());
                return url == null ? target.safeUrl() : url.getProperty("PGHOST", "localhost") + ":"
                        + url.getProperty("PGPORT", "5432").split(",")[0] + "/" + url.getProperty("PGDBNAME", "");
            });
            return inventory.withDatabases(List.of(), List.of(new CollectionError("postgres", Optional.empty(),
                    Optional.empty(), Optional.of(id), "connect", ResourceTypes.ALL.stream()
                    .filter(t -> t.startsWith("pg.")).toList(), "ScanDeadline",
                    "not contacted: the scan reached its deadline (--max-duration " + maxDuration.text() + ")")));
        }
        PgTarget bounded = new PgTarget(target.jdbcUrl(), target.user(), target.password(), target.id(),
                min(target.connectTimeout(), left), min(target.statementTimeout(), left));
        return log.map(l -> DatabaseTargets.recordInto(inventory, List.of(bounded), l))
                .orElseGet(() -> DatabaseTargets.collectInto(inventory, List.of(bounded)));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private void save(Inventory inventory) {
        if (saveInventory != null) {
            write(saveInventory, InventoryJson.write(inventory));
        }
    }

    private boolean given(String option) {
        return spec != null && spec.commandLine() != null && spec.commandLine().getParseResult() != null
                && spec.commandLine().getParseResult().hasMatchedOption(option);
    }

    /** A configured account whose role or profile reaches another account is a configuration error, not its audit. */
    private void requireExpectedAccount(Inventory inventory) {
        if (expectedAccount == null) {
            return;
        }
        List<String> reached = inventory.accounts().stream().map(io.hipaaaudit.inventory.aws.Account::id).toList();
        if (!reached.contains(expectedAccount)) {
            throw new InputException("the credentials for account " + expectedAccount + " reach account "
                    + String.join(",", reached) + "; check its role_arn or profile in targets.accounts");
        }
    }

    /** The accounts of a multi-account scan (empty for a single-account scan). */
    private List<AccountTarget> accounts(AwsCollectorOptions options) {
        if (accountConcurrency < 1) {
            throw new InputException("--account-concurrency must be at least 1");
        }
        if (!accountsFromOrganization) {
            return configuredAccounts;
        }
        if (roleArn != null) {
            throw new InputException("--accounts-from-organization assumes --org-role-name in every account; "
                    + "it cannot be combined with --role-arn");
        }
        List<AccountTarget> members = OrganizationAccounts.list(options, orgRoleName, Optional.ofNullable(externalId));
        if (members.isEmpty()) {
            throw new InputException("--accounts-from-organization: the organization lists no active account");
        }
        return members;
    }

    private AwsCollectorOptions awsOptions(CollectionProgress progress) {
        AwsCollectorOptions o = AwsCollectorOptions.defaults().withRegions(regions).withProgress(progress)
                .withClock(clock);
        if (deadline.isPresent()) {
            o = o.withDeadline(deadline.get());
        }
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
                throw new InputException("--endpoint-url '" + endpointUrl + "' is not a URL: " + e.getReason());
            }
        }
        return awsOptions.apply(o);
    }

    private List<PgTarget> targets() {
        List<PgTarget> fromFlags = db.targets(regions, Optional.ofNullable(profile));
        return fromFlags.isEmpty() ? configuredTargets : fromFlags;
    }

    private static void write(Path file, String text) {
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InputException(file + ": cannot write the inventory: " + e.getMessage());
        }
    }
}
