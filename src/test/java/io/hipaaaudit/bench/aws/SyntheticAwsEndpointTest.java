package io.hipaaaudit.bench.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.hipaaaudit.collect.aws.AwsCollection;
import io.hipaaaudit.collect.aws.AwsCollector;
import io.hipaaaudit.collect.aws.AwsCollectorOptions;
import io.hipaaaudit.engine.Environments;
import io.hipaaaudit.engine.Evaluator;
import io.hipaaaudit.inventory.CollectionError;
import io.hipaaaudit.inventory.aws.ChangeTarget;
import io.hipaaaudit.rules.RuleLoader;
import io.hipaaaudit.rules.RulePack;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;

/**
 * Keeps the benchmark's generator and its minimality claim honest: a scan of a tiny synthetic account (pages
 * capped at 5 items, so every listing pages) makes exactly the minimum requests per action and collects exactly
 * the generated resources; and the endpoint's throttling errors are ones the SDK retries as throttling.
 */
class SyntheticAwsEndpointTest {
    private final SyntheticAccount account = new SyntheticAccount(AccountSize.tiny());

    @BeforeEach
    void baseRegion() {
        System.setProperty("aws.region", account.regionNames().get(0));
    }

    @AfterEach
    void clear() {
        System.clearProperty("aws.region");
    }

    @Test
    void aScanMakesTheMinimumRequestsAndCollectsEveryGeneratedResource() {
        try (var endpoint = new SyntheticAwsEndpoint(account, new SyntheticAwsEndpoint.Settings(Duration.ZERO, 0, 5, 0))) {
            RulePack pack = RuleLoader.load(List.of());
            AtomicReference<List<ChangeTarget>> targets = new AtomicReference<>(List.of());
            AwsCollection collection = new AwsCollector().collect(options(endpoint), inventory -> {
                targets.set(new Evaluator(inventory, new Environments("prod", null)).attributionTargets(pack));
                return targets.get();
            });

            Map<String, Long> lookups = new TreeMap<>();
            targets.get().forEach(t -> lookups.merge(t.region(), 1L, Long::sum));
            var minimum = MinimumCalls.perAction(MinimumCalls.of(account, 5, true, lookups));
            assertThat(targets.get()).as("the generated drifts fail some rules").isNotEmpty();
            assertThat(collection.apiCalls()).isEqualTo(minimum);
            assertThat(collection.retries()).isEmpty();
            assertThat(endpoint.requests()).isEqualTo(minimum);
            assertThat(collection.inventory().collectionErrors()).isEmpty();
            assertThat(InventoryCounts.collected(collection.inventory())).isEqualTo(InventoryCounts.expected(account));
        }
    }

    @Test
    void throttlingErrorsAreRetriedAsThrottlingAndRecordedWhenRetriesRunOut() {
        try (var endpoint = new SyntheticAwsEndpoint(account,
                new SyntheticAwsEndpoint.Settings(Duration.ZERO, 0.001, Integer.MAX_VALUE, 0))) {
            AwsCollection collection = new AwsCollector().collect(options(endpoint));

            assertThat(endpoint.throttled()).isNotEmpty();
            assertThat(collection.retries()).isNotEmpty();
            assertThat(collection.inventory().collectionErrors()).extracting(CollectionError::code)
                    .contains("RequestLimitExceeded", "Throttling");
        }
    }

    private static AwsCollectorOptions options(SyntheticAwsEndpoint endpoint) {
        return AwsCollectorOptions.defaults()
                .withEndpointUrl(endpoint.endpoint())
                .withCredentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")))
                .withRetryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                        .maxAttempts(3)
                        .backoffStrategy(BackoffStrategy.retryImmediately())
                        .throttlingBackoffStrategy(BackoffStrategy.retryImmediately())
                        .circuitBreakerEnabled(false)
                        .build())
                .withRatesPerSecond(Map.of())
                .withAttemptTimeout(Duration.ofSeconds(5));
    }
}
