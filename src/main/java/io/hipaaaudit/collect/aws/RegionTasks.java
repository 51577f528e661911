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
 * once per account) and CloudTrail listing concurrently, KMS once the region's RDS resources, database log groups,
 * secrets, functions and buckets have named the keys they use,
 * then trail status and selectors once per trail ARN.
 */
final class RegionTasks {
    private final AwsClients clients;
    private final InventorySink sink;
    private final String account;
    private final ExecutorService pool;
    private final CollectionProgress progress;

    RegionTasks(AwsClients clients, InventorySink sink, String account, ExecutorService pool,
                CollectionProgress progress) {
        this.clients = clients;
        this.sink = sink;
        this.account = account;
        this.pool = pool;
        this.progress = progress;
    }

    void run(List<String> regions) {
        progress.planned(regions.size() * 8); // ec2, rds, kms, logs, secretsmanager, lambda, s3, cloudtrail
        List<CompletableFuture<?>> work = new ArrayList<>();
        // ListBuckets is account-level: once per account, each bucket then read in its own region
        var buckets = CompletableFuture.supplyAsync(() -> S3Collector.list(clients.s3(regions.get(0)),
                clients.s3Control(regions.get(0)), sink, account, regions), pool);
        Map<String, List<Trail>> listedTrails = new TreeMap<>();
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
                var routePrefixLists = new Ec2NetworkCollector(clients.ec2(region), scope).collect();
                new Ec2SecurityCollector(clients.ec2(region), scope).collect(routePrefixLists);
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
            work.add(CompletableFuture.supplyAsync(() -> {
                var keys = new RdsCollector(clients.rds(region), scope).collect();
                progress.finished("rds", region);
                return keys;
            }, pool).thenCombine(logKeys, RegionTasks::union).thenCombine(secretKeys, RegionTasks::union)
                    .thenCombine(lambdaKeys, RegionTasks::union).thenCombine(bucketKeys, RegionTasks::union)
                    .thenAcceptAsync(keys -> {
                new KmsCollector(clients.kms(region), scope, pool).collect(keys);
                progress.finished("kms", region);
            }, pool));
            work.add(CompletableFuture.runAsync(() -> {
                var trails = CloudTrailCollector.list(clients.cloudTrail(region), scope).stream()
                        .map(t -> CloudTrailCollector.trail(t, scope)).toList();
                synchronized (listedTrails) {
                    trails.forEach(t -> listedTrails.computeIfAbsent(t.arn(), k -> new ArrayList<>()).add(t));
                }
            }, pool));
        }
        CompletableFuture.allOf(work.toArray(CompletableFuture[]::new)).join();
        trailStates(listedTrails);
        regions.forEach(region -> progress.finished("cloudtrail", region));
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    private void trailStates(Map<String, List<Trail>> listedTrails) {
        List<CompletableFuture<?>> work = new ArrayList<>();
        listedTrails.forEach((arn, listings) -> work.add(CompletableFuture.runAsync(() -> {
            String home = CloudTrailCollector.homeRegion(arn, listings);
            sink.addAll(Trail.class, CloudTrailCollector.state(clients.cloudTrail(home), sink, account, arn, listings));
        }, pool)));
        CompletableFuture.allOf(work.toArray(CompletableFuture[]::new)).join();
    }
}
