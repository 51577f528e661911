package io.hipaaaudit.bench.aws;

import static io.hipaaaudit.bench.aws.AwsScaleBenchmark.fmt;

import io.hipaaaudit.collect.aws.AwsCollection;
import io.hipaaaudit.findings.FindingsDocument;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Prints the AWS scale figures: per-action table, inventory check, bound, and the FIGURE lines. */
record Report(SyntheticAccount account, AwsCollection collection, Map<String, Long> minimum, ServerStats server,
              double wall, CriticalPath bound, CriticalPath configuredBound, double evaluation,
              FindingsDocument doc, long peakHeap, Map<String, Double> clientRates,
              List<MinimumCalls.Calls> minimumCalls) {

    void print() {
        System.out.println(fmt("%n%-46s %8s %8s %8s %8s %9s", "action", "calls", "retries", "minimum", "served",
                "throttled"));
        TreeSet<String> actions = new TreeSet<>(minimum.keySet());
        actions.addAll(collection.apiCalls().keySet());
        for (String a : actions) {
            System.out.println(fmt("%-46s %8d %8d %8d %8d %9d", a, collection.apiCalls().getOrDefault(a, 0L),
                    collection.retries().getOrDefault(a, 0L), minimum.getOrDefault(a, 0L),
                    server.requests().getOrDefault(a, 0L), server.throttled().getOrDefault(a, 0L)));
        }
        long calls = sum(collection.apiCalls());
        long retries = sum(collection.retries());
        long min = sum(minimum);
        System.out.println(fmt("%-46s %8d %8d %8d %8d %9d", "total", calls, retries, min, sum(server.requests()),
                server.totalThrottled()));

        Map<String, Long> expected = InventoryCounts.expected(account);
        Map<String, Long> collected = InventoryCounts.collected(collection.inventory());
        boolean complete = expected.equals(collected) && collection.inventory().collectionErrors().isEmpty();
        System.out.println(fmt("%ninventory: %d resources, %s; collection errors: %d", sum(collected),
                complete ? "exactly the generated counts" : "MISMATCH " + diff(expected, collected),
                collection.inventory().collectionErrors().size()));
        collection.inventory().collectionErrors().stream().limit(5).forEach(e -> System.out.println("  " + e));
        System.out.println(fmt("findings: %d %s; attribution lookups: %d", doc.findings().size(),
                io.hipaaaudit.findings.Status.counts(doc.findings()), minimum.getOrDefault("cloudtrail:LookupEvents", 0L)));
        System.out.println(fmt("%nscan wall time (collection + attribution) %.2f s; most requests in flight at the "
                + "endpoint: %d", wall, server.peakInFlight()));
        System.out.println(bound.explain());
        System.out.println(fmt("  floor set by the collector's own client-side rates (not a quota): %s", clientFloor()));

        double callRatio = (double) calls / min;
        double timeRatio = wall / bound.total();
        figure(fmt("AWS requests / minimum pages (%d / %d)", calls, min), fmt("%.3f", callRatio), "1.00",
                Math.abs(callRatio - 1.0) < 0.0005);
        figure(fmt("scan wall time / critical-path bound (%.1f s / %.1f s)", wall, bound.total()),
                fmt("%.2f", timeRatio), fmt("<= %.2f", boundTarget()), timeRatio <= boundTarget());
        figure(fmt("same, the bound at the endpoint's configured latency of %.0f ms, not its round trip (%.1f s)",
                configuredBound.latency() * 1000, configuredBound.total()),
                fmt("%.2f", wall / configuredBound.total()), "reported", true);
        figure("throttled responses / retries", server.totalThrottled() + " / " + retries, "reported", true);
        figure("inventory = generated model, no collection errors", complete ? "yes" : "no", "yes", complete);
        long maxHeap = Runtime.getRuntime().maxMemory() >> 20;
        figure(fmt("peak heap during the scan (the whole scan ran under -Xmx %d MiB)", maxHeap),
                fmt("%d MiB", peakHeap >> 20), "<= 512 MiB", maxHeap <= 512 && peakHeap >> 20 <= 512);
        figure(fmt("rule evaluation of the collected inventory (%d findings)", doc.findings().size()),
                fmt("%.2f s", evaluation), "reported", true);
    }

    /** The product's target for wall time over the critical-path bound: 1.10 for the large account, 1.25 else. */
    private double boundTarget() {
        return account.size().name().equals("large") ? 1.10 : 1.25;
    }

    /** The slowest (region, limiter) if requests went exactly at the collector's configured rates. */
    private String clientFloor() {
        Map<String, Long> perLimiter = new TreeMap<>();
        for (MinimumCalls.Calls c : minimumCalls) {
            String service = c.action().substring(0, c.action().indexOf(':'));
            String limiter = clientRates.containsKey(c.action()) ? c.action() : service;
            if (clientRates.containsKey(limiter)) {
                perLimiter.merge(c.region() + "/" + limiter, c.count(), Long::sum);
            }
        }
        return perLimiter.entrySet().stream().max(Map.Entry.comparingByValue((a, b) -> 0)).isEmpty() ? "-"
                : perLimiter.entrySet().stream()
                        .map(e -> Map.entry(e.getKey(), e.getValue() / clientRates.get(e.getKey().substring(e.getKey().indexOf('/') + 1))))
                        .max(Map.Entry.comparingByValue())
                        .map(e -> fmt("%s %d requests at %.1f/s = %.1f s", e.getKey(), perLimiter.get(e.getKey()),
                                clientRates.get(e.getKey().substring(e.getKey().indexOf('/') + 1)), e.getValue()))
                        .orElse("-");
    }

    private static void figure(String name, String value, String target, boolean met) {
        System.out.println("FIGURE|" + name + "|" + value + "|" + target + "|" + (met ? "yes" : "NO"));
    }

    private static long sum(Map<String, Long> m) {
        return m.values().stream().mapToLong(Long::longValue).sum();
    }

    private static Map<String, String> diff(Map<String, Long> expected, Map<String, Long> collected) {
        Map<String, String> out = new TreeMap<>();
        expected.forEach((k, v) -> {
            if (!v.equals(collected.get(k))) {
                out.put(k, "expected " + v + ", got " + collected.get(k));
            }
        });
        return out;
    }
}
