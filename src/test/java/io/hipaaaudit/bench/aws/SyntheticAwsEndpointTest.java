package io.hipaaaudit.bench.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.hipaaaudit.collect.aws.AwsCollection;
import io.hipaaaudit.collect.aws.AwsCollector;
import io.hipaaaudit.collect.aws.AwsCollectorOptions;
import io.hipaaaudit.collect.aws.LocalEndpointOptions;
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
        try (var endpoint = new SyntheticAwsEndpoint(account, new SyntheticAwsEndpoint.Settings(Duration.ZERO, 0, 5, 0, 0))) {
            RulePack pack = RuleLoader.load(List.of());
            AtomicReference<List<ChangeTarget>> targets = new AtomicReference<>(List.of());
            AwsCollection collection;
            try (io.hipaaaudit.collect.aws.AwsSession session = new AwsCollector().open(options(endpoint))) {
                Evaluator evaluator = new Evaluator(session.inventory(), new Environments("prod", null));
                evaluator.evaluate(pack);
                targets.set(evaluator.attributionTargets());
                collection = new AwsCollection(session.inventory().withResourceChanges(session.changes(targets.get())),
                        session.apiCalls(), session.retries());
            }

            Map<String, Long> lookups = new History(account, 0).fewestLookups(targets.get(), 5);
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
    void theChangesOfFailingResourcesAreTheNewestWritesOfTheGeneratedHistoryInTheFewestLookups() {
        int perDay = 2; // 178 events a region: four pages of the history
        History history = new History(account, perDay);
        for (boolean readAhead : List.of(false, true)) {
            try (var endpoint = new SyntheticAwsEndpoint(account,
                    new SyntheticAwsEndpoint.Settings(Duration.ZERO, 0, Integer.MAX_VALUE, 0, perDay))) {
                List<ChangeTarget> targets;
                List<io.hipaaaudit.inventory.aws.ResourceChanges> changes;
                long lookups;
                try (io.hipaaaudit.collect.aws.AwsSession session = new AwsCollector().open(options(endpoint)
                        .withRatesPerSecond(Map.of("cloudtrail:LookupEvents", 1000.0)).withChangeHistory(readAhead))) {
                    Evaluator evaluator = new Evaluator(session.inventory(), new Environments("prod", null));
                    evaluator.evaluate(RuleLoader.load(List.of()));
                    targets = evaluator.attributionTargets();
                    changes = session.changes(targets);
                    lookups = session.apiCalls().get("cloudtrail:LookupEvents");
                }
                assertThat(changes).hasSameSizeAs(targets);
                for (var c : changes) {
                    List<String> expected = history.events(c.region()).stream()
                            .filter(e -> e.resource().equals(c.resourceName())).limit(History.KEPT)
                            .map(History.Event::id).toList();
                    assertThat(c.events()).as(c.resourceName() + ", read ahead: " + readAhead)
                            .extracting(io.hipaaaudit.inventory.aws.ChangeEvent::eventId)
                            .containsExactlyElementsOf(expected);
                    assertThat(c.unavailable()).isEmpty();
                }
                assertThat(changes).as("some names have writes in the history")
                        .anySatisfy(c -> assertThat(c.events()).isNotEmpty());
                long fewest = history.fewestLookups(targets, Integer.MAX_VALUE).values().stream()
                        .mapToLong(Long::longValue).sum();
                if (readAhead) {
                    // read during collection, before the names are known: how many pages depends on the timing
                    assertThat(lookups).isGreaterThanOrEqualTo(fewest);
                } else {
                    assertThat(lookups).isEqualTo(fewest);
                }
            }
        }
    }

    @Test
    void throttlingErrorsAreRetriedAsThrottlingAndRecordedWhenRetriesRunOut() {
        try (var endpoint = new SyntheticAwsEndpoint(account,
                new SyntheticAwsEndpoint.Settings(Duration.ZERO, 0.001, Integer.MAX_VALUE, 0, 0))) {
            AwsCollection collection = new AwsCollector().collect(options(endpoint));

            assertThat(endpoint.throttled()).isNotEmpty();
            assertThat(collection.retries()).isNotEmpty();
            assertThat(collection.inventory().collectionErrors()).extracting(CollectionError::code)
                    .contains("RequestLimitExceeded", "Throttling");
        }
    }

    @Test
    void noMoreRequestsAreInFlightThanTheConcurrencyWhateverTheThreads() {
        // 20 ms a request, so the collector's threads (twice the concurrency) would overlap more if they could
        try (var endpoint = new SyntheticAwsEndpoint(account,
                new SyntheticAwsEndpoint.Settings(Duration.ofMillis(20), 0, 5, 0, 2))) {
            AwsCollection collection = new AwsCollector().collect(options(endpoint).withConcurrency(3));

            assertThat(collection.inventory().collectionErrors()).isEmpty();
            assertThat(InventoryCounts.collected(collection.inventory())).isEqualTo(InventoryCounts.expected(account));
            assertThat(endpoint.peakInFlight()).isBetween(2, 3);
        }
    }

    @Test
    void theWarmUpLeavesNoTraceAndNoAnswerLeavesBeforeItsLatency() throws Exception {
        try (var endpoint = new SyntheticAwsEndpoint(account,
                new SyntheticAwsEndpoint.Settings(Duration.ofMillis(40), 1.0, 5, 0, 2))) {
            endpoint.warmUp();
            assertThat(endpoint.requests()).isEmpty();
            assertThat(endpoint.peakInFlight()).isZero();
            assertThat(timeline(endpoint)).isEmpty();

            AwsCollection collection = new AwsCollector().collect(options(endpoint));

            assertThat(collection.inventory().collectionErrors()).isEmpty();
            assertThat(endpoint.throttled()).as("the warm-up took no quota").isEmpty();
            var answers = timeline(endpoint);
            assertThat(answers).hasSize((int) endpoint.requests().values().stream().mapToLong(Long::longValue).sum());
            assertThat(answers).allSatisfy(a -> assertThat(a.get("sentAtMs").asLong() - a.get("receivedAtMs").asLong())
                    .as(a.get("action").asText()).isGreaterThanOrEqualTo(40));
        }
    }

    @Test
    void theRoundTripProbeTakesAboutTheLatencyAndLeavesNoCount() throws Exception {
        try (var endpoint = new SyntheticAwsEndpoint(account,
                new SyntheticAwsEndpoint.Settings(Duration.ofMillis(20), 1.0, 5, 0, 2))) {
            double roundTrip = RoundTrip.median(endpoint.endpoint(), 2, 3, 5);

            // the endpoint stamps a request's arrival in whole milliseconds: its answer may leave up to 1 ms early
            assertThat(roundTrip).isGreaterThanOrEqualTo(0.019).isLessThan(1.0);
            assertThat(endpoint.requests()).isEmpty();
            assertThat(endpoint.peakInFlight()).isZero();
            assertThat(timeline(endpoint)).isEmpty();
        }
    }

    private static List<com.fasterxml.jackson.databind.JsonNode> timeline(SyntheticAwsEndpoint endpoint)
            throws Exception {
        var client = java.net.http.HttpClient.newHttpClient();
        String body = client.send(java.net.http.HttpRequest.newBuilder(endpoint.endpoint().resolve("/__timeline"))
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        List<com.fasterxml.jackson.databind.JsonNode> out = new java.util.ArrayList<>();
        JsonWire.MAPPER.readTree(body).forEach(out::add);
        return out;
    }

    private static AwsCollectorOptions options(SyntheticAwsEndpoint endpoint) {
        return LocalEndpointOptions.of(endpoint.endpoint(), Duration.ofSeconds(5));
    }
}
