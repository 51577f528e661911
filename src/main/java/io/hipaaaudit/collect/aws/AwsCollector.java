package io.hipaaaudit.collect.aws;

import io.hipaaaudit.inventory.CollectionError;
import io.hipaaaudit.inventory.Inventory;
import io.hipaaaudit.inventory.ResourceTypes;
import io.hipaaaudit.inventory.aws.Account;
import io.hipaaaudit.inventory.aws.Arns;
import io.hipaaaudit.inventory.aws.ChangeTarget;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/**
 * Entry point of AWS collection: identifies the account (STS GetCallerIdentity), resolves the regions (given, or
 * every enabled one from DescribeRegions), collects every region concurrently with read-only calls and returns the
 * inventory with its collection errors and the API calls made.
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

    public AwsCollection collect(AwsCollectorOptions options) {
        return collect(options, inventory -> List.of());
    }

    /**
     * Collects, then asks {@code attribution} which resources of the collected inventory need their recent
     * changes explained (the resources of failing findings) and adds their CloudTrail change history, in the same
     * session: the same credentials, call counter, rate limits and transport (so the lookups are recorded and
     * replayed with the rest).
     */
    public AwsCollection collect(AwsCollectorOptions options,
                                 Function<Inventory, Collection<ChangeTarget>> attribution) {
        Instant startedAt = transport.startedAt(options.clock());
        String baseRegion = transport.baseRegion(() -> options.regions().isEmpty() ? defaultRegion(options)
                : options.regions().get(0));
        ApiCallCounter counter = new ApiCallCounter(options.ratesPerSecond());
        ExecutorService pool = Executors.newFixedThreadPool(options.concurrency(), runnable -> {
            Thread thread = new Thread(runnable, "aws-collector");
            thread.setDaemon(true);
            return thread;
        });
        try (Credentials credentials = new Credentials(options, baseRegion, transport);
             AwsClients clients = new AwsClients(options, credentials.verified(), counter, transport)) {
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
                new RegionTasks(clients, sink, account, pool, options.progress()).run(regions);
                scanned = List.of(new Account(account, Optional.empty(), partition(identity.arn(), baseRegion),
                        regions));
            }
            Instant finishedAt = transport.finishedAt(options.clock());
            transport.collected(options, baseRegion, startedAt, finishedAt);
            Inventory collected = InventoryAssembly.of(sink, scanned, startedAt, finishedAt);
            // the lookup window ends when collection ended, so a replay sends the same requests
            Collection<ChangeTarget> targets = attribution.apply(collected);
            Inventory inventory = targets.isEmpty() ? collected : collected.withResourceChanges(
                    ChangeLookup.lookup(clients, targets, finishedAt, pool));
            return new AwsCollection(inventory, counter.calls(), counter.retries());
        } finally {
            pool.shutdownNow();
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
