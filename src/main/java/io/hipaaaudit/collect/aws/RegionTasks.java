package io.hipaaaudit.collect.aws;

import io.hipaaaudit.inventory.aws.Trail;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * Runs the collectors of one account: per region EC2, RDS, CloudWatch Logs, Secrets Manager, Lambda, S3 (listed
 * once per account), CloudTrail listing and the region's own KMS keys concurrently, the AWS-managed and other
 * accounts' keys once the region's RDS resources, database log groups, secrets, functions and buckets have named
 * the keys they use, and trail status and selectors once per trail ARN as soon as every region has listed its
 * trails. Within a service, the calls that do not depend on each other
 * (EC2's and RDS's listings, the calls about one key, snapshot, parameter group or trail) run at once on the
 * shared pool ({@link Fanout}), taking the threads other tasks leave idle.
 */
final class RegionTasks {
    private final AwsClients clients;
    private final InventorySink sink;
    private final String account;
    private final ExecutorService pool;
    private final CollectionProgress progress;
    /**
     * Pool threads a service's independent calls may take beside their own: with it, half the requests that may
     * be in flight, so a service whose calls hang (until their timeout) leaves the other services room to run.
     */
    private final int helpers;
    /**
     * For the calls about one KMS key, every other thread: the keys are most of a large account's requests and
     * come last, when the other services are done with theirs.
     */
    private final int keyHelpers;

    /** {@code inFlight}: the requests the clients let be in flight at once; {@code pool} has twice as many threads. */
    RegionTasks(AwsClients clients, InventorySink sink, String account, ExecutorService pool, int inFlight,
                CollectionProgress progress) {
        this.clients = clients;
        this.sink = sink;
        this.account = account;
        this.pool = pool;
        this.helpers = Math.max(0, inFlight / 2 - 1);
        this.keyHelpers = Math.max(0, 2 * inFlight - 1);
        this.progress = progress;
    }

    void run(List<String> regions) {
        progress.planned(regions.size() * 8); // ec2, rds, kms, logs, secretsmanager, lambda, s3, cloudtrail
        List<CompletableFuture<?>> work = new ArrayList<>();
        // ListBuckets is account-level: once per account, each bucket then read in its own region
        var buckets = CompletableFuture.supplyAsync(() -> S3Collector.list(clients.s3(regions.get(0)),
                clients.s3Control(regions.get(0)), sink, account, regions), pool);
        Map<String, List<Trail>> listedTrails = new TreeMap<>();
        List<CompletableFuture<?>> trailListings = new ArrayList<>();
        for (String region : regions) {
            RegionScope scope = new RegionScope(account, region, sink);
            // the log groups' keys are described with the RDS keys, so KMS waits for both listings
            var logKeys = CompletableFuture.supplyAsync(() -> {
                var keys = new LogsCollector(clients.logs(region), scope).collect();
                progress.finished("logs", region);
                return keys;
            }, pool);
            work.add(logKeys);
            work.add(CompletableFuture.runAsync(() -> {
                var network = new Ec2NetworkCollector(clients.ec2(region), scope);
                var security = new Ec2SecurityCollector(clients.ec2(region), scope);
                // what the prefix lists' entries wait for first: route tables, security groups, prefix lists
                List<Runnable> listings = new ArrayList<>(security.listings());
                listings.addAll(2, network.listings());
                Fanout.run(listings, pool, helpers);
                security.prefixListEntries(network.routePrefixLists(), pool, helpers);
                progress.finished("ec2", region);
            }, pool));
            var secretKeys = CompletableFuture.supplyAsync(() -> {
                var keys = new SecretsManagerCollector(clients.secretsManager(region), scope, pool).collect();
                progress.finished("secretsmanager", region);
                return keys;
            }, pool);
            var lambdaKeys = CompletableFuture.supplyAsync(() -> {
                var keys = new LambdaCollector(clients.lambda(region), scope).collect();
                progress.finished("lambda", region);
                return keys;
            }, pool);
            var bucketKeys = buckets.thenApplyAsync(listing -> {
                var keys = new S3Collector(clients.s3(region), scope, pool).collect(listing);
                progress.finished("s3", region);
                return keys;
            }, pool);
            var rdsKeys = CompletableFuture.supplyAsync(() -> {
                var keys = new RdsCollector(clients.rds(region), scope).collect(pool, helpers);
                progress.finished("rds", region);
                return keys;
            }, pool);
            work.add(rdsKeys);
            // the region's own keys are listed and described meanwhile; a referenced key the listing does not
            // give as the region's own (AWS-managed, another account's) once every service has named its keys
            var kms = CompletableFuture.supplyAsync(() -> new KmsCollector(clients.kms(region), scope, pool,
                    keyHelpers), pool);
            var kmsListing = kms.thenApplyAsync(collector -> {
                var listing = collector.list();
                collector.describeOwn(listing);
                return listing;
            }, pool);
            work.add(rdsKeys.thenCombine(logKeys, RegionTasks::union).thenCombine(secretKeys, RegionTasks::union)
                    .thenCombine(lambdaKeys, RegionTasks::union).thenCombine(bucketKeys, RegionTasks::union)
                    .thenCombine(kmsListing, (keys, listing) -> Map.entry(keys, listing))
                    .thenAcceptBothAsync(kms, (referenced, collector) -> {
                        collector.describeReferenced(referenced.getValue(), referenced.getKey());
                        progress.finished("kms", region);
                    }, pool));
            trailListings.add(CompletableFuture.runAsync(() -> {
                var trails = CloudTrailCollector.list(clients.cloudTrail(region), scope).stream()
                        .map(t -> CloudTrailCollector.trail(t, scope)).toList();
                synchronized (listedTrails) {
                    trails.forEach(t -> listedTrails.computeIfAbsent(t.arn(), k -> new ArrayList<>()).add(t));
                }
            }, pool));
        }
        // a trail's state is read once, in its home region, when every region has listed the trails it sees
        work.add(CompletableFuture.allOf(trailListings.toArray(CompletableFuture[]::new)).thenRunAsync(() -> {
            trailStates(listedTrails);
            regions.forEach(region -> progress.finished("cloudtrail", region));
        }, pool));
        CompletableFuture.allOf(work.toArray(CompletableFuture[]::new)).join();
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    private void trailStates(Map<String, List<Trail>> listedTrails) {
        List<Runnable> work = new ArrayList<>();
        synchronized (listedTrails) {
            listedTrails.forEach((arn, listings) -> work.add(() -> {
                String home = CloudTrailCollector.homeRegion(arn, listings);
                sink.addAll(Trail.class, CloudTrailCollector.state(clients.cloudTrail(home), sink, account, arn,
                        listings));
            }));
        }
        Fanout.run(work, pool, helpers);
    }
}
