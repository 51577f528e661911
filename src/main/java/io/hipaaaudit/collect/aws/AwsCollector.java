package io.hipaaaudit.collect.aws;

import io.hipaaaudit.inventory.CollectionError;
import io.hipaaaudit.inventory.Inventory;
import io.hipaaaudit.inventory.ResourceTypes;
import io.hipaaaudit.inventory.aws.Account;
import io.hipaaaudit.inventory.aws.Arns;
import io.hipaaaudit.inventory.aws.ChangeTarget;
import io.hipaaaudit.inventory.aws.ResourceChanges;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/**
 * Entry point of AWS collection: identifies the account (STS GetCallerIdentity), resolves the regions (given, or
 * every enabled one from DescribeRegions), collects every region concurrently with read-only calls and returns the
 * inventory with its collection errors and the API calls made. {@link #open} keeps the session for the change
 * history lookups of the resources that fail.
 *
 * @throws AwsCredentialsException when there are no usable credentials or AWS rejects them
 */
public final class AwsCollector {
    private final AwsTransport transport;

    public AwsCollector() {
        this(AwsTransport.network());
    }

    AwsCollector(AwsTransport transport) {
        this.transport = transport;
    }

    /** Collects and closes the session: no change history is looked up. */
    public AwsCollection collect(AwsCollectorOptions options) {
        try (AwsSession session = open(options)) {
            return session.collection();
        }
    }

    /**
     * Collects, and keeps the session open so that the change history of the resources that then fail can be
     * looked up in it ({@link AwsSession#withChanges}).
     */
    public AwsSession open(AwsCollectorOptions options) {
        Instant startedAt = transport.startedAt(options.clock());
        String baseRegion = transport.baseRegion(() -> options.regions().isEmpty() ? defaultRegion(options)
                : options.regions().get(0));
        ApiCallCounter counter = new ApiCallCounter(options.ratesPerSecond(), options.bursts());
        // twice as many threads as requests may be in flight (AwsClients holds them to that): while some wait on
        // AWS, the others sign and marshal the next requests and parse the answers
        ExecutorService pool = Executors.newFixedThreadPool(2 * options.concurrency(), runnable -> {
            Thread thread = new Thread(runnable, "aws-collector");
            thread.setDaemon(true);
            return thread;
        });
        Credentials credentials = null;
        AwsClients clients = null;
        java.util.Map<String, ChangeLookup.Reader> readers = new java.util.LinkedHashMap<>();
        ExecutorService history = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "cloudtrail-history");
            thread.setDaemon(true);
            return thread;
        });
        try {
            credentials = new Credentials(options, baseRegion, transport);
            clients = new AwsClients(options, credentials.verified(), counter, transport);
            transport.credentials(credentials.verified().resolveCredentials());
            var identity = identify(clients, baseRegion);
            InventorySink sink = new InventorySink();
            List<Account> scanned = List.of();
            Optional<String> known = Tags.text(identity.account());
            if (known.isEmpty()) {
                // nothing can be attributed to an account that is not known: all of it is unknown, the scan goes on
                sink.error(accountUnknown());
            } else {
                String account = known.get();
                List<String> regions = options.regions().isEmpty()
                        ? EnabledRegions.of(clients, new RegionScope(account, baseRegion, sink)) : options.regions();
                Double lookupRate = options.ratesPerSecond().get("cloudtrail:LookupEvents");
                Duration pace = lookupRate == null || lookupRate <= 0 ? Duration.ZERO
                        : Duration.ofNanos((long) (1e9 / lookupRate));
                if (options.changeHistory()) {
                    // read while collecting: the change history of what then fails is mostly in by the time it does
                    for (String region : regions) {
                        readers.put(ChangeLookup.key(account, region), new ChangeLookup.Reader(
                                clients.cloudTrail(region), startedAt, transport.replaying(), pace).start(history));
                    }
                }
                new RegionTasks(clients, sink, account, pool, options.concurrency(), options.progress()).run(regions);
                scanned = List.of(new Account(account, Optional.empty(), partition(identity.arn(), baseRegion),
                        regions));
            }
            Instant finishedAt = transport.finishedAt(options.clock());
            transport.collected(options, baseRegion, startedAt, finishedAt);
            Inventory collected = InventoryAssembly.of(sink, scanned, startedAt, finishedAt);
            return new Open(collected, startedAt, finishedAt, counter, pool, credentials, clients, readers, history,
                    transport.replaying());
        } catch (RuntimeException | Error e) {
            readers.values().forEach(ChangeLookup.Reader::stop);
            history.shutdownNow();
            close(pool, credentials, clients);
            throw e;
        }
    }

    private static void close(ExecutorService pool, Credentials credentials, AwsClients clients) {
        pool.shutdownNow();
        try {
            if (clients != null) {
                clients.close();
            }
        } finally {
            if (credentials != null) {
                credentials.close();
            }
        }
    }

    /** The session of one account: its clients, pool and counter stay until {@link #close()}. */
    private static final class Open implements AwsSession {
        private final Inventory collected;
        private final Instant startedAt;
        private final Instant finishedAt;
        private final ApiCallCounter counter;
        private final ExecutorService pool;
        private final Credentials credentials;
        private final AwsClients clients;
        private final java.util.Map<String, ChangeLookup.Reader> readers;
        private final ExecutorService history;
        private final boolean replaying;

        Open(Inventory collected, Instant startedAt, Instant finishedAt, ApiCallCounter counter, ExecutorService pool,
             Credentials credentials, AwsClients clients, java.util.Map<String, ChangeLookup.Reader> readers,
             ExecutorService history, boolean replaying) {
            this.collected = collected;
            this.startedAt = startedAt;
            this.readers = readers;
            this.history = history;
            this.replaying = replaying;
            this.finishedAt = finishedAt;
            this.counter = counter;
            this.pool = pool;
            this.credentials = credentials;
            this.clients = clients;
        }

        @Override
        public Inventory inventory() {
            return collected;
        }

        @Override
        public List<ResourceChanges> changes(Collection<ChangeTarget> targets) {
            java.util.Set<String> accounts = new java.util.HashSet<>();
            collected.accounts().forEach(a -> accounts.add(a.id()));
            List<ChangeTarget> mine = targets.stream().filter(t -> accounts.contains(t.account())).toList();
            return ChangeLookup.lookup(clients, readers, mine, startedAt, finishedAt, replaying, pool);
        }

        @Override
        public Optional<SecurityHubFindings> securityHub(String region) {
            return collected.accounts().size() != 1 ? Optional.empty() : Optional.of(
                    new SecurityHubFindings(clients.securityHub(region), collected.accounts().get(0).id(), region));
        }

        @Override
        public java.util.Map<String, Long> apiCalls() {
            return counter.calls();
        }

        @Override
        public java.util.Map<String, Long> retries() {
            return counter.retries();
        }

        @Override
        public void close() {
            readers.values().forEach(ChangeLookup.Reader::stop);
            history.shutdownNow();
            AwsCollector.close(pool, credentials, clients);
        }
    }

    private static software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse identify(AwsClients clients,
                                                                                               String region) {
        try {
            return clients.sts(region).getCallerIdentity();
        } catch (SdkException e) {
            throw new AwsCredentialsException("Cannot identify the AWS account (" + Faults.code(e) + ": "
                    + Faults.message(e) + ")");
        }
    }

    /** The region for account-level calls when none is given: the SDK's chain (env, profile), else us-east-1. */
    private static String defaultRegion(AwsCollectorOptions options) {
        try {
            var chain = options.profile().map(p -> DefaultAwsRegionProviderChain.builder().profileName(p).build())
                    .orElseGet(DefaultAwsRegionProviderChain::new);
            return chain.getRegion().id();
        } catch (SdkException e) {
            return "us-east-1";
        }
    }

    /** GetCallerIdentity answered without the account: every AWS type is unknown, in every region. */
    private static CollectionError accountUnknown() {
        List<String> awsTypes = ResourceTypes.ALL.stream().filter(t -> t.startsWith("aws.")).toList();
        return new CollectionError("aws", Optional.empty(), Optional.empty(), Optional.empty(),
                "sts:GetCallerIdentity", awsTypes, MissingField.CODE,
                MissingField.message("sts:GetCallerIdentity", "Account"));
    }

    /** The partition of the caller's ARN; from the region when the answer has no ARN. */
    private static String partition(String callerArn, String region) {
        return Arns.partition(callerArn, region);
    }

    /** Everything a failed DescribeRegions leaves unknown: every AWS type, in every region. */
    static CollectionError regionsUnknown(String account, SdkException e) {
        List<String> awsTypes = ResourceTypes.ALL.stream().filter(t -> t.startsWith("aws.")).toList();
        return new CollectionError("aws", Optional.of(account), Optional.empty(), Optional.empty(),
                "ec2:DescribeRegions", awsTypes, Faults.code(e), Faults.message(e));
    }
}
