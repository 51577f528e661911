package io.hipaaaudit.bench.aws;

import io.hipaaaudit.collect.aws.AwsCollection;
import io.hipaaaudit.collect.aws.AwsCollector;
import io.hipaaaudit.collect.aws.AwsCollectorOptions;
import io.hipaaaudit.engine.Environments;
import io.hipaaaudit.engine.Evaluator;
import io.hipaaaudit.engine.Scan;
import io.hipaaaudit.findings.FindingsDocument;
import io.hipaaaudit.inventory.aws.ChangeTarget;
import io.hipaaaudit.rules.RuleLoader;
import io.hipaaaudit.rules.RulePack;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * A complete scan of a synthetic account over the wire, with the product's defaults (standard retry mode,
 * client-side rates, concurrency): collection with change attribution, then evaluation of the rule pack. Prints
 * the requests against their minimum, the wall time against the critical-path bound, throttles, retries and peak
 * heap, and one {@code FIGURE|name|value|target|met} line per figure for {@code scripts/bench.sh}.
 * <p>Usage: {@code AwsScaleBenchmark SIZE [--endpoint URL] [--latency-ms 30] [--history-per-day 10]} (the
 * history setting must be the endpoint's). Without {@code --endpoint} the
 * synthetic endpoint runs in this JVM; {@code scripts/bench.sh} runs it in its own, so heap and CPU are the
 * scanner's.
 */
public final class AwsScaleBenchmark {
    private AwsScaleBenchmark() {}

    public static void main(String[] args) throws Exception {
        AccountSize size = AccountSize.named(args.length > 0 ? args[0] : "small");
        URI endpointUrl = null;
        long latencyMs = 30;
        int historyPerDay = History.DEFAULT_PER_DAY;
        for (int i = 1; i < args.length; i += 2) {
            switch (args[i]) {
                case "--endpoint" -> endpointUrl = URI.create(args[i + 1]);
                case "--latency-ms" -> latencyMs = Long.parseLong(args[i + 1]);
                case "--history-per-day" -> historyPerDay = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        SyntheticAccount account = new SyntheticAccount(size);
        SyntheticAwsEndpoint local = endpointUrl == null
                ? new SyntheticAwsEndpoint(account, SyntheticAwsEndpoint.Settings.of(Duration.ofMillis(latencyMs))
                        .withHistoryPerDay(historyPerDay)) : null;
        URI endpoint = local == null ? endpointUrl : local.endpoint();
        System.setProperty("aws.region", account.regionNames().get(0));
        System.setProperty("aws.disableEc2Metadata", "true");
        try {
            run(account, endpoint, latencyMs, new History(account, historyPerDay));
        } finally {
            if (local != null) {
                local.close();
            }
        }
    }

    private static void run(SyntheticAccount account, URI endpoint, long latencyMs, History history) throws Exception {
        AwsCollectorOptions options = AwsCollectorOptions.defaults().withEndpointUrl(endpoint).withChangeHistory(true)
                .withCredentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")));
        RulePack pack = RuleLoader.load(List.of());
        Environments env = new Environments("prod", null);
        System.out.printf("account %s: %s%n", account.size(), new TreeMap<>(InventoryCounts.expected(account)));
        System.out.printf("CloudTrail history: %d write events a day per region (%d in all)%n", history.perDay(),
                account.regionNames().stream().mapToLong(r -> history.events(r).size()).sum());
        System.out.printf("endpoint %s, latency %d ms; collector defaults: concurrency %d, rates %s, standard retries%n",
                endpoint, latencyMs, options.concurrency(), new TreeMap<>(options.ratesPerSecond()));

        // each request's time for the least demanding client: the endpoint's latency plus its own handling
        double before = RoundTrip.median(endpoint, options.concurrency(), 40, 100);

        HeapPeak heap = HeapPeak.start();
        List<ChangeTarget> targets = new ArrayList<>();
        long[] phase = new long[2];
        long t0 = System.nanoTime();
        AwsCollection collection;
        try (io.hipaaaudit.collect.aws.AwsSession session = new AwsCollector().open(options)) {
            phase[0] = System.nanoTime();
            Evaluator evaluator = new Evaluator(session.inventory(), env);
            evaluator.evaluate(pack);
            targets.addAll(evaluator.attributionTargets());
            phase[1] = System.nanoTime();
            collection = new AwsCollection(session.inventory().withResourceChanges(session.changes(targets)),
                    session.apiCalls(), session.retries());
        }
        long t1 = System.nanoTime();
        System.out.printf("phases: collection %.2f s, evaluation for attribution %.2f s, attribution lookups %.2f s%n",
                (phase[0] - t0) / 1e9, (phase[1] - phase[0]) / 1e9, (t1 - phase[1]) / 1e9);
        FindingsDocument doc = Scan.run(collection.inventory(), pack, env, collection.apiCalls());
        long t2 = System.nanoTime();
        long peakHeap = heap.stop();

        // the fewest lookups: pages of the region's write history, lookups by name, or both
        Map<String, History.Plan> plans = history.plans(targets, Integer.MAX_VALUE);
        Map<String, Long> lookups = history.fewestLookups(targets, Integer.MAX_VALUE);
        System.out.printf("attribution: %d names in %d regions, fewest lookups %s%n", targets.size(),
                targets.stream().map(ChangeTarget::region).distinct().count(), plans);
        List<MinimumCalls.Calls> minimum = MinimumCalls.of(account, Integer.MAX_VALUE, true, lookups);
        Map<String, Long> minPerAction = MinimumCalls.perAction(minimum);
        ServerStats server = ServerStats.fetch(endpoint);
        double after = RoundTrip.median(endpoint, options.concurrency(), 0, 100);
        double roundTrip = Math.min(before, after);
        System.out.printf("%nround trip of one request at the endpoint (raw socket, one connection, median of 100): "
                + "%.2f ms before the scan, %.2f ms after; the lower is the bound's time per request (configured "
                + "latency %d ms)%n", before * 1000, after * 1000, latencyMs);
        double wall = (t1 - t0) / 1e9;
        double forAttribution = (phase[1] - phase[0]) / 1e9;
        CriticalPath bound = CriticalPath.of(minimum, plans, roundTrip, options.concurrency(), forAttribution);
        CriticalPath configured = CriticalPath.of(minimum, plans, latencyMs / 1000.0, options.concurrency(),
                forAttribution);
        new Report(account, collection, minPerAction, server, wall, bound, configured, (t2 - t1) / 1e9, doc,
                peakHeap, options.ratesPerSecond(), minimum).print();
    }

    static String fmt(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
