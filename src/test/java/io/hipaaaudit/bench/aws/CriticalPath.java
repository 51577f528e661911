package io.hipaaaudit.bench.aws;

import java.util.List;
import java.util.Locale;

/**
 * The shortest time any collector could read the minimum requests in, given the per-request time L (the round trip
 * a minimal client sees at the endpoint, {@link RoundTrip}: the configured latency and the endpoint's handling), the
 * collector's concurrency C (requests in flight at once) and the service quotas (burst B, refill q per second,
 * per region and bucket). Three lower bounds; the scan can be no faster than the largest:
 * <ul>
 *   <li>work: every request holds one of C workers for L, so Σn·L / C, the history pages read while collecting
 *       included (the collector's C counts every request it has in flight);</li>
 *   <li>quota: a bucket holding n requests needs (n − B)/q seconds of refill before the last is accepted, + L;</li>
 *   <li>chain: requests that depend on each other: STS, DescribeRegions, then the longest paginated listing (its
 *       pages follow one another's tokens), then two dependent per-resource calls (DescribeKey → GetKeyPolicy).</li>
 * </ul>
 * Attribution reads each region's write history from the start of collection (its pages follow one another's
 * tokens, under the LookupEvents quota), so that part overlaps collection; what needs the failing resources' names
 * (the page of the scan's own time and the lookups by name, {@link History.Plan#after}) cannot start before
 * collection, the history pages and the first evaluation have finished, so its bound is added, with the measured
 * evaluation.
 */
public record CriticalPath(double latency, int concurrency, double collectWork, double collectQuota,
                           double collectChain, String quotaBucket, double historyAhead, double attributionWork,
                           double attributionQuota, double evaluation) {

    public static CriticalPath of(List<MinimumCalls.Calls> calls, java.util.Map<String, History.Plan> plans,
                                  double latencySeconds, int concurrency, double evaluationSeconds) {
        double work = 0;
        double quota = 0;
        String bucket = "-";
        double attrWork = 0;
        double attrQuota = 0;
        long longestListing = 0;
        var perBucket = new java.util.TreeMap<String, Long>();
        Quotas.Quota lookups = Quotas.of("cloudtrail:LookupEvents");
        double ahead = 0;
        for (History.Plan p : plans.values()) {
            // after STS and DescribeRegions; the pages one after another, and no faster than the quota refills
            ahead = Math.max(ahead, 2 * latencySeconds + Math.max(p.pages() * latencySeconds,
                    Math.max(0, (p.pages() - lookups.burst()) / lookups.perSecond()) + latencySeconds));
            work += p.pages() * latencySeconds / concurrency;
            attrWork += p.after() * latencySeconds / concurrency;
            if (p.after() > 0) {
                attrQuota = Math.max(attrQuota, Math.max(0, (p.after() - lookups.burst()) / lookups.perSecond())
                        + latencySeconds);
            }
        }
        for (MinimumCalls.Calls c : calls) {
            boolean lookup = c.action().equals("cloudtrail:LookupEvents");
            if (!lookup) {
                work += c.count() * latencySeconds / concurrency;
                perBucket.merge(c.region() + "/" + c.bucket(), c.count(), Long::sum);
            }
            if (c.listing()) {
                longestListing = Math.max(longestListing, c.count());
            }
        }
        for (var e : perBucket.entrySet()) {
            Quotas.Quota q = Quotas.of(e.getKey().substring(e.getKey().indexOf('/') + 1));
            double t = Math.max(0, (e.getValue() - q.burst()) / q.perSecond()) + latencySeconds;
            if (t > quota) {
                quota = t;
                bucket = e.getKey() + " (" + e.getValue() + " requests, burst " + (long) q.burst() + ", "
                        + q.perSecond() + "/s)";
            }
        }
        double chain = (2 + longestListing + 2) * latencySeconds;
        return new CriticalPath(latencySeconds, concurrency, work, quota, chain, bucket, ahead, attrWork, attrQuota,
                evaluationSeconds);
    }

    public double collection() {
        return Math.max(collectWork, Math.max(collectQuota, collectChain));
    }

    public double attribution() {
        return Math.max(attributionWork, attributionQuota);
    }

    /** max(collection, history pages) + evaluation for attribution (measured) + attribution, in seconds. */
    public double total() {
        return Math.max(collection(), historyAhead) + evaluation + attribution();
    }

    public String explain() {
        return String.format(Locale.ROOT, """
                  critical-path bound = max(collection, history pages) + evaluation for attribution + attribution
                    inputs: L = %.1f ms per request (round trip), C = %d requests in flight (collector concurrency)
                    collection = max(work %.2f s, quota %.2f s, chain %.2f s) = %.2f s
                      quota-bound bucket: %s
                    history pages, read during collection (chain and LookupEvents quota) = %.2f s
                    evaluation for attribution (measured, CPU) = %.2f s
                    attribution once the names are known = max(work %.2f s, LookupEvents quota %.2f s) = %.2f s
                    total = %.2f s""",
                latency * 1000, concurrency, collectWork, collectQuota, collectChain, collection(), quotaBucket,
                historyAhead, evaluation, attributionWork, attributionQuota, attribution(), total());
    }
}
