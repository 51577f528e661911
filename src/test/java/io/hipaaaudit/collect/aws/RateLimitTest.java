package io.hipaaaudit.collect.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The client-side limiter spaces one service's requests in one region, retries included: its burst at once, the
 * rest at its rate.
 */
class RateLimitTest {
    @Test
    void requestsOfOneServiceAndRegionStayUnderTheConfiguredRate() {
        try (AwsWire wire = new AwsWire().region("us-east-1")) {
            long start = System.nanoTime();
            AwsCollection result = new AwsCollector()
                    .collect(wire.options("us-east-1").withRatesPerSecond(Map.of("ec2", 20.0)).withBursts(Map.of()));
            long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

            long ec2Calls = result.apiCalls().entrySet().stream().filter(e -> e.getKey().startsWith("ec2:"))
                    .mapToLong(Map.Entry::getValue).sum();
            assertThat(ec2Calls).isEqualTo(16);
            // 20 per second: the first request goes at once, each later one waits 50 ms for its permit.
            assertThat(elapsedMillis).isGreaterThanOrEqualTo((ec2Calls - 1) * 50 - 20);
        }
    }

    @Test
    void aBurstGoesAtOnceAndTheRestFollowAtTheRate() {
        try (AwsWire wire = new AwsWire().region("us-east-1")) {
            long start = System.nanoTime();
            AwsCollection result = new AwsCollector().collect(wire.options("us-east-1")
                    .withRatesPerSecond(Map.of("ec2", 20.0)).withBursts(Map.of("ec2", 10)));
            long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
            long ec2Calls = result.apiCalls().entrySet().stream().filter(e -> e.getKey().startsWith("ec2:"))
                    .mapToLong(Map.Entry::getValue).sum();
            // ten at once, each of the other six waits 50 ms for its token
            assertThat(elapsedMillis).isGreaterThanOrEqualTo((ec2Calls - 10) * 50 - 20);
        }
    }

    @Test
    void theBucketStartsFullRefillsAtItsRateAndNeverHoldsMoreThanItsCapacity() {
        TokenBucket bucket = new TokenBucket(10.0, 3);
        long t = System.nanoTime();
        assertThat(bucket.reserve(t)).isZero();
        assertThat(bucket.reserve(t)).isZero();
        assertThat(bucket.reserve(t)).isZero();
        // empty: the fourth waits one refill (100 ms), the fifth two
        assertThat(bucket.reserve(t)).isBetween(99_000_000L, 101_000_000L);
        assertThat(bucket.reserve(t)).isBetween(199_000_000L, 201_000_000L);
        // an hour idle refills to the capacity, not beyond
        long later = t + java.util.concurrent.TimeUnit.HOURS.toNanos(1);
        for (int i = 0; i < 3; i++) {
            assertThat(bucket.reserve(later)).isZero();
        }
        assertThat(bucket.reserve(later)).isPositive();
    }
}
