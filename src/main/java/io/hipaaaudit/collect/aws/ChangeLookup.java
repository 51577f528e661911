package io.hipaaaudit.collect.aws;

import io.hipaaaudit.inventory.aws.ChangeEvent;
import io.hipaaaudit.inventory.aws.ChangeTarget;
import io.hipaaaudit.inventory.aws.ResourceChanges;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
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
        List<CompletableFuture<Optional<ResourceChanges>>> running = targets.stream().distinct()
                .map(t -> CompletableFuture.supplyAsync(() -> one(clients, t, end), pool)).toList();
        List<ResourceChanges> out = new ArrayList<>();
        running.forEach(f -> f.join().ifPresent(out::add));
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
