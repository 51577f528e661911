package io.hipaaaudit.collect.aws;

import io.hipaaaudit.inventory.aws.ChangeEvent;
import io.hipaaaudit.inventory.aws.ChangeTarget;
import io.hipaaaudit.inventory.aws.ResourceChanges;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttributeKey;
import software.amazon.awssdk.services.cloudtrail.model.LookupEventsResponse;

/**
 * Who last changed a resource: one CloudTrail {@code LookupEvents} call per resource name and region (the API
 * filters by one attribute only), over the 90 days of event history CloudTrail keeps, ending when collection
 * ended, so the same evidence gives the same request. One page of the newest 50 events is read; read-only calls
 * are dropped and the newest {@link #KEPT} writes kept. LookupEvents has its own quota (2/s per account and
 * region), which the call counter's per-action limiter respects. A failed lookup is recorded as the reason the
 * change history is unavailable: the finding stays as it is.
 */
final class ChangeLookup {
    static final int KEPT = 5;
    static final Duration HISTORY = Duration.ofDays(90);
    private static final int PAGE = 50;

    private ChangeLookup() {}

    static List<ResourceChanges> lookup(AwsClients clients, Collection<ChangeTarget> targets, Instant end,
                                        ExecutorService pool) {
        List<CompletableFuture<Optional<ResourceChanges>>> running = byRegionInTurn(targets).stream()
                .map(t -> CompletableFuture.supplyAsync(() -> one(clients, t, end), pool)).toList();
        List<ResourceChanges> out = new ArrayList<>();
        running.forEach(f -> f.join().ifPresent(out::add));
        return out;
    }

    /**
     * The distinct targets, one region after another in turn. A lookup holds its pool thread while it waits for its
     * region's limiter; submitted region by region, every thread would wait on the first region while the others
     * sat idle in the queue, and the regions' 2-per-second quotas would be used one after another.
     */
    static List<ChangeTarget> byRegionInTurn(Collection<ChangeTarget> targets) {
        Map<String, Deque<ChangeTarget>> perRegion = new LinkedHashMap<>();
        targets.stream().distinct().forEach(t -> perRegion.computeIfAbsent(t.region(), k -> new ArrayDeque<>()).add(t));
        List<ChangeTarget> out = new ArrayList<>();
        while (!perRegion.isEmpty()) {
            perRegion.values().removeIf(queue -> {
                out.add(queue.poll());
                return queue.isEmpty();
            });
        }
        return out;
    }

    private static Optional<ResourceChanges> one(AwsClients clients, ChangeTarget t, Instant end) {
        try {
            LookupEventsResponse page = clients.cloudTrail(t.region()).lookupEvents(r -> r
                    .lookupAttributes(a -> a.attributeKey(LookupAttributeKey.RESOURCE_NAME).attributeValue(t.resourceName()))
                    .startTime(end.minus(HISTORY)).endTime(end).maxResults(PAGE));
            List<ChangeEvent> writes = page.events().stream()
                    .filter(e -> !"true".equalsIgnoreCase(e.readOnly()))
                    .flatMap(e -> Optional.ofNullable(e.cloudTrailEvent()).flatMap(CloudTrailEvents::parse).stream())
                    .sorted(Comparator.comparing(ChangeEvent::eventTime).reversed().thenComparing(ChangeEvent::eventId))
                    .limit(KEPT)
                    .toList();
            return Optional.of(new ResourceChanges(t.account(), t.region(), t.resourceName(), writes, Optional.empty()));
        } catch (SdkException e) {
            if (Faults.NOT_IN_EVIDENCE.equals(Faults.code(e))) {
                // replaying a bundle that holds no lookup for this resource: nothing was observed, nothing is said
                return Optional.empty();
            }
            return Optional.of(new ResourceChanges(t.account(), t.region(), t.resourceName(), List.of(),
                    Optional.of("cloudtrail:LookupEvents failed (" + Faults.code(e) + "): " + Faults.message(e))));
        }
    }
}
