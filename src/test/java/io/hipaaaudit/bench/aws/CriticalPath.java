package io.hipaaaudit.bench.aws;

import java.util.List;
import java.util.Locale;

/**
 * The shortest time any collector could read the minimum requests in, given the per-request latency L, the
 * collector's concurrency C (requests in flight at once) and the service quotas (burst B, refill q per second,
 * per region and bucket). Three lower bounds; the scan can be no faster than the largest:
 * <ul>
 *   <li>work: every request holds one of C workers for L, so Σn·L / C;</li>
 *   <li>quota: a bucket holding n requests needs (n − B)/q seconds of refill before the last is accepted, + L;</li>
 *   <li>chain: requests that depend on each other: STS, DescribeRegions, then the longest paginated listing (its
 *       pages follow one another's tokens), then two dependent per-resource calls (DescribeKey → GetKeyPolicy).</li>
 * </ul>
 * Attribution cannot start before collection and the first evaluation have finished (it looks up the resources of
 * failing findings), so its own bound (work and the LookupEvents quota) is added, with the measured evaluation.
 */
public record CriticalPath(double latency, int concurrency, double collectWork, double collectQuota,
                           double collectChain, String quotaBucket, double attributionWork, double attributionQuota,
                           double evaluation) {

    public static CriticalPath of(List<MinimumCalls.Calls> calls, double latencySeconds, int concurrency,
                                  double evaluationSeconds) {
        double work = 0;
        double quota = 0;
        String bucket = "-";
        double attrWork = 0;
        double attrQuota = 0;
        long longestListing = 0;
        var perBucket = new java.util.TreeMap<String, Long>();
        for (MinimumCalls.Calls c : calls) {
            boolean lookup = c.action().equals("cloudtrail:LookupEvents");
            if (lookup) {
                attrWork += c.count() * latencySeconds / concurrency;
            } else {
                work += c.count() * latencySeconds / concurrency;
                perBucket.merge(c.region() + "/" + c.bucket(), c.count(), Long::sum);
            }
            if (c.listing()) {
                longestListing = Math.max(longestListing, c.count());
            }
            if (lookup && c.count() > 0) {
                Quotas.Quota q = Quotas.of(c.bucket());
                attrQuota = Math.max(attrQuota, Math.max(0, (c.count() - q.burst()) / q.perSecond()) + latencySeconds);
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
        return new CriticalPath(latencySeconds, concurrency, work, quota, chain, bucket, attrWork, attrQuota,
                evaluationSeconds);
    }

    public double collection() {
        return Math.max(collectWork, Math.max(collectQuota, collectChain));
    }

    public double attribution() {
        return Math.max(attributionWork, attributionQuota);
    }

    /** collection + evaluation for attribution (measured) + attribution, in seconds. */
    public double total() {
        return collection() + evaluation + attribution();
    }

    public String explain() {
        return String.format(Locale.ROOT, """
                  critical-path bound = collection + evaluation for attribution + attribution
                    inputs: L = %.0f ms per request, C = %d requests in flight (collector concurrency)
                    collection = max(work %.2f s, quota %.2f s, chain %.2f s) = %.2f s
                      quota-bound bucket: %s
                    evaluation for attribution (measured, CPU) = %.2f s
                    attribution = max(work %.2f s, LookupEvents quota %.2f s) = %.2f s
                    total = %.2f s""",
                latency * 1000, concurrency, collectWork, collectQuota, collectChain, collection(), quotaBucket,
                evaluation, attributionWork, attributionQuota, attribution(), total());
    }
}
