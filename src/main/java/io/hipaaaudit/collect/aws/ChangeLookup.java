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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.stream.Stream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.Event;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttributeKey;
import software.amazon.awssdk.services.cloudtrail.model.LookupEventsResponse;
import software.amazon.awssdk.services.cloudtrail.model.Resource;

/**
 * Who last changed a resource: the newest {@link #KEPT} write events CloudTrail holds for each resource name, per
 * account and region, over the 90 days of event history CloudTrail keeps, ending when collection ended (so the
 * same evidence gives the same requests). LookupEvents filters by one attribute only and has its own quota
 * (2/s per account and region, which the call counter's per-action limiter respects), so the requests are what
 * costs:
 * <ul>
 *   <li><b>A region with several names</b> first reads the region's write events newest first
 *       ({@code ReadOnly=false}, pages of 50) and gives each event to the names in its {@code Resources}, the
 *       list CloudTrail's own {@code ResourceName} filter matches. A name is settled when it has {@link #KEPT}
 *       writes, or when the history ends. Paging goes on only while reading the rest of the history (estimated
 *       from the time the pages so far covered) would cost no more requests than looking up the names still open
 *       one by one, and never for more pages than there are names: a quiet account is settled in a page or two;
 *       on a busy one, whose first page covers a small part of the 90 days, it costs one request more than the
 *       lookups by name, and at most twice as many.</li>
 *   <li><b>A name the history did not settle</b> (and every name of a region with one) is looked up by
 *       {@code ResourceName}, one page of its newest 50 events, over the part of the window the history pages did
 *       not cover; read-only calls are dropped, and what the history pages found is kept.</li>
 * </ul>
 * A failed lookup is recorded as the reason the change history is unavailable: the finding stays as it is. A
 * replayed bundle that holds no history read (one recorded before there was one) is answered by the lookups by
 * name it holds.
 */
final class ChangeLookup {
    static final int KEPT = 5;
    static final Duration HISTORY = Duration.ofDays(90);
    private static final int PAGE = 50;
    private static final Comparator<ChangeEvent> NEWEST_FIRST =
            Comparator.comparing(ChangeEvent::eventTime).reversed().thenComparing(ChangeEvent::eventId);

    private ChangeLookup() {}

    /** What the history pages left to a lookup by name: what they found, and where they stopped reading. */
    record Open(ChangeTarget target, List<ChangeEvent> found, Instant before) {}

    /** A region's history read: the names it settled and those left to a lookup by name. */
    private record Read(List<ResourceChanges> settled, List<Open> open) {}

    static List<ResourceChanges> lookup(AwsClients clients, Collection<ChangeTarget> targets, Instant end,
                                        ExecutorService pool) {
        List<ChangeTarget> order = byRegionInTurn(targets);
        Map<String, List<ChangeTarget>> perRegion = new LinkedHashMap<>();
        order.forEach(t -> perRegion.computeIfAbsent(t.account() + "/" + t.region(), k -> new ArrayList<>()).add(t));
        List<CompletableFuture<Read>> reads = perRegion.values().stream()
                .map(names -> names.size() < 2
                        ? CompletableFuture.completedFuture(new Read(List.of(), everyName(names, end)))
                        : CompletableFuture.supplyAsync(() -> history(clients.cloudTrail(names.get(0).region()),
                                names, end), pool))
                .toList();
        Map<ChangeTarget, ResourceChanges> done = new HashMap<>();
        List<Open> open = new ArrayList<>();
        reads.forEach(f -> {
            Read r = f.join();
            r.settled().forEach(c -> done.put(ChangeTarget.of(c), c));
            open.addAll(r.open());
        });
        Map<ChangeTarget, Open> byTarget = new HashMap<>();
        open.forEach(o -> byTarget.put(o.target(), o));
        List<Map.Entry<ChangeTarget, CompletableFuture<Optional<ResourceChanges>>>> running =
                byRegionInTurn(byTarget.keySet()).stream()
                        .map(t -> Map.entry(t, CompletableFuture.supplyAsync(() -> one(clients, byTarget.get(t), end), pool)))
                        .toList();
        running.forEach(e -> e.getValue().join().ifPresent(c -> done.put(e.getKey(), c)));
        return order.stream().map(done::get).filter(java.util.Objects::nonNull).toList();
    }

    /**
     * The distinct targets, one region after another in turn (sorted within each, so the order does not depend on
     * the collection's). A lookup holds its pool thread while it waits for its region's limiter; submitted region
     * by region, every thread would wait on the first region while the others sat idle in the queue, and the
     * regions' 2-per-second quotas would be used one after another.
     */
    static List<ChangeTarget> byRegionInTurn(Collection<ChangeTarget> targets) {
        Map<String, Deque<ChangeTarget>> perRegion = new LinkedHashMap<>();
        targets.stream().distinct()
                .sorted(Comparator.comparing(ChangeTarget::account).thenComparing(ChangeTarget::region)
                        .thenComparing(ChangeTarget::resourceName))
                .forEach(t -> perRegion.computeIfAbsent(t.account() + "/" + t.region(), k -> new ArrayDeque<>()).add(t));
        List<ChangeTarget> out = new ArrayList<>();
        while (!perRegion.isEmpty()) {
            perRegion.values().removeIf(queue -> {
                out.add(queue.poll());
                return queue.isEmpty();
            });
        }
        return out;
    }

    private static List<Open> everyName(List<ChangeTarget> names, Instant end) {
        return names.stream().map(t -> new Open(t, List.of(), end)).toList();
    }

    /** Reads one region's write events newest first for all of {@code names} (at least two) at once. */
    private static Read history(CloudTrailClient cloudTrail, List<ChangeTarget> names, Instant end) {
        Instant start = end.minus(HISTORY);
        Map<String, List<ChangeEvent>> found = new LinkedHashMap<>();
        names.forEach(t -> found.put(t.resourceName(), new ArrayList<>()));
        Set<String> open = new LinkedHashSet<>(found.keySet());
        Instant oldest = end;
        String token = null;
        int pages = 0;
        while (true) {
            LookupEventsResponse page;
            try {
                String next = token;
                page = cloudTrail.lookupEvents(r -> r
                        .lookupAttributes(a -> a.attributeKey(LookupAttributeKey.READ_ONLY).attributeValue("false"))
                        .startTime(start).endTime(end).maxResults(PAGE).nextToken(next));
            } catch (SdkException e) {
                if (pages == 0 && Faults.NOT_IN_EVIDENCE.equals(Faults.code(e))) {
                    return new Read(List.of(), everyName(names, end)); // a bundle recorded with lookups by name
                }
                if (pages == 0) {
                    // the lookups by name would ask the same API, under the same permission and quota
                    String why = failed(e);
                    return new Read(names.stream().map(t -> new ResourceChanges(t.account(), t.region(),
                            t.resourceName(), List.of(), Optional.of(why))).toList(), List.of());
                }
                return unsettled(names, found, open, oldest);
            }
            pages++;
            for (Event e : page.events()) {
                if (e.eventTime() != null && e.eventTime().isBefore(oldest)) {
                    oldest = e.eventTime();
                }
                List<String> named = e.resources().stream().map(Resource::resourceName)
                        .filter(open::contains).distinct().toList();
                if (named.isEmpty() || "true".equalsIgnoreCase(e.readOnly()) || e.cloudTrailEvent() == null) {
                    continue;
                }
                Optional<ChangeEvent> write = CloudTrailEvents.parse(e.cloudTrailEvent());
                write.ifPresent(w -> named.forEach(n -> {
                    found.get(n).add(w);
                    if (found.get(n).size() >= KEPT) {
                        open.remove(n);
                    }
                }));
            }
            token = page.nextToken();
            if (open.isEmpty() || token == null || token.isEmpty()) {
                // every name has its newest writes, or the history has no more: what was found is all there is
                return new Read(names.stream().map(t -> changes(t, found.get(t.resourceName()), Optional.empty()))
                        .toList(), List.of());
            }
            long covered = Duration.between(oldest, end).toMillis();
            long rest = Duration.between(start, oldest).toMillis();
            boolean cheaper = covered > 0 && (double) pages * rest / covered <= open.size();
            if (!cheaper || pages >= names.size()) {
                return unsettled(names, found, open, oldest);
            }
        }
    }

    /** The names with their newest writes settled, the others left to a lookup by name before {@code oldest}. */
    private static Read unsettled(List<ChangeTarget> names, Map<String, List<ChangeEvent>> found, Set<String> open,
                                  Instant oldest) {
        List<ResourceChanges> settled = new ArrayList<>();
        List<Open> rest = new ArrayList<>();
        for (ChangeTarget t : names) {
            if (open.contains(t.resourceName())) {
                // a second more: events of the instant the pages stopped at may not all have been read
                rest.add(new Open(t, List.copyOf(found.get(t.resourceName())), oldest.plusSeconds(1)));
            } else {
                settled.add(changes(t, found.get(t.resourceName()), Optional.empty()));
            }
        }
        return new Read(settled, rest);
    }

    private static Optional<ResourceChanges> one(AwsClients clients, Open o, Instant end) {
        ChangeTarget t = o.target();
        try {
            LookupEventsResponse page = clients.cloudTrail(t.region()).lookupEvents(r -> r
                    .lookupAttributes(a -> a.attributeKey(LookupAttributeKey.RESOURCE_NAME).attributeValue(t.resourceName()))
                    .startTime(end.minus(HISTORY)).endTime(o.before()).maxResults(PAGE));
            Stream<ChangeEvent> writes = page.events().stream()
                    .filter(e -> !"true".equalsIgnoreCase(e.readOnly()))
                    .flatMap(e -> Optional.ofNullable(e.cloudTrailEvent()).flatMap(CloudTrailEvents::parse).stream());
            return Optional.of(changes(t, Stream.concat(o.found().stream(), writes).toList(), Optional.empty()));
        } catch (SdkException e) {
            if (Faults.NOT_IN_EVIDENCE.equals(Faults.code(e)) && o.found().isEmpty()) {
                // replaying a bundle that holds no lookup for this resource: nothing was observed, nothing is said
                return Optional.empty();
            }
            return Optional.of(changes(t, o.found(), Optional.of(failed(e))));
        }
    }

    /** The newest {@link #KEPT} distinct writes of {@code events}. */
    private static ResourceChanges changes(ChangeTarget t, List<ChangeEvent> events, Optional<String> unavailable) {
        Set<String> seen = new java.util.HashSet<>();
        List<ChangeEvent> newest = events.stream()
                .filter(e -> e.eventId().isEmpty() || seen.add(e.eventId()))
                .distinct().sorted(NEWEST_FIRST).limit(KEPT).toList();
        return new ResourceChanges(t.account(), t.region(), t.resourceName(), newest, unavailable);
    }

    private static String failed(SdkException e) {
        return "cloudtrail:LookupEvents failed (" + Faults.code(e) + "): " + Faults.message(e);
    }
}
