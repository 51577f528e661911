package io.hipaaaudit.collect.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The client-side limiter spaces one service's requests in one region, retries included. */
class RateLimitTest {
    @Test
    void requestsOfOneServiceAndRegionStayUnderTheConfiguredRate() {
        try (AwsWire wire = new AwsWire().region("us-east-1")) {
            long start = System.nanoTime();
            AwsCollection result = new AwsCollector()
                    .collect(wire.options("us-east-1").withRatesPerSecond(Map.of("ec2", 20.0)));
            long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

            long ec2Calls = result.apiCalls().entrySet().stream().filter(e -> e.getKey().startsWith("ec2:"))
                    .mapToLong(Map.Entry::getValue).sum();
            assertThat(ec2Calls).isEqualTo(16);
            // 20 per second: the first request goes at once, each later one waits 50 ms for its permit.
            assertThat(elapsedMillis).isGreaterThanOrEqualTo((ec2Calls - 1) * 50 - 20);
        }
    }
}
