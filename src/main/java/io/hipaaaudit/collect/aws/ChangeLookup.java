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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
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
 * account and region, within the 90 days of event history CloudTrail keeps. LookupEvents filters by one attribute
 * only and has its own quota (2/s per account and region, which the call counter's per-action limiter respects),
 * so the requests are what costs, and they are spread so that most of them are made while the scan still collects:
 * <ul>
 *   <li><b>A region's write history</b> ({@code ReadOnly=false}, newest first, pages of 50) is read by a
 *       {@link Reader} from the start of collection, over the 90 days before it started: each event names the
 *       resources it touched in {@code Resources}, the list CloudTrail's own {@code ResourceName} filter matches.
 *       Before the failing resources are known it reads on while the whole history looks short enough to read
 *       ({@link #AHEAD} pages at most, estimated from the time the pages so far covered); once their names are
 *       known, only while reading on would cost no more requests than looking the names still open up one by one,
 *       and never for more pages than there are names.</li>
 *   <li><b>The scan's own time</b>, from the start of collection to its end, is read once the names are known (a
 *       page, as a rule). A name is settled when the pages hold {@link #KEPT} of its writes, or when the history
 *       has no more. Pages that settle no name are dropped: every name is then looked up by name over the whole
 *       window, the scan's own time included, as if the history had not been read.</li>
 *   <li><b>A name the history did not settle</b> (and every name of a region with only one) is looked up by
 *       {@code ResourceName}, one page of its newest 50 events, over the part of the 90 days before collection
 *       ended that the history pages did not cover; read-only calls are dropped, what the pages found is kept.</li>
 * </ul>
 * On a quiet account a region is settled by a few pages read during collection; on a busy one, whose first page
 * covers a small part of the 90 days, it costs a page or two more than the lookups by name. A failed lookup is
 * recorded as the reason the change history is unavailable: the finding stays as it is. A replay reads exactly
 * the history pages its bundle holds, so it makes the recording scan's requests whatever its timing; a bundle
 * recorded before regions read their history is answered by the lookups by name it holds.
 */
final class ChangeLookup {
    static final int KEPT = 5;
    static final Duration HISTORY = Duration.ofDays(90);
    /** Pages of a region's history read before the failing resources are known, at most. */
    static final int AHEAD = 100;
    private static final int PAGE = 50;
    private static final Comparator<ChangeEvent> NEWEST_FIRST =
            Comparator.comparing(ChangeEvent::eventTime).reversed().thenComparing(ChangeEvent::eventId);

    private ChangeLookup() {}

    /** What the history pages left to a lookup by name: what they found, and where they stopped reading. */
    record Open(ChangeTarget target, List<ChangeEvent> found, Instant before) {}

    /** A region's history read: the names it settled and those left to a lookup by name. */
    private record Read(List<ResourceChanges> settled, List<Open> open) {}

    /** An event of a history page: when, the names it touched, and its record (parsed only for a wanted name). */
    private record Seen(Instant time, List<String> resources, String record) {}

    /** The key of a region's reader. */
    static String key(String account, String region) {
        return account + "/" + region;
    }

    /**
     * The changes of {@code targets} (none: the readers only stop). {@code readers} are the regions' history reads
     * started with collection (none when the session did not read ahead), all finished when this returns;
     * {@code started} and {@code end} are when collection started and ended.
     */
    static List<ResourceChanges> lookup(AwsClients clients, Map<String, Reader> readers,
                                        Collection<ChangeTarget> targets, Instant started, Instant end,
                                        boolean replaying, ExecutorService pool) {
        List<ChangeTarget> order = byRegionInTurn(targets);
        Map<String, List<ChangeTarget>> perRegion = new LinkedHashMap<>();
        order.forEach(t -> perRegion.computeIfAbsent(key(t.account(), t.region()), k -> new ArrayList<>()).add(t));
        readers.forEach((region, reader) -> reader.names(names(perRegion.getOrDefault(region, List.of()))));
        List<CompletableFuture<Read>> reads = new ArrayList<>();
        perRegion.forEach((region, names) -> {
            if (names.size() < 2) {
                reads.add(CompletableFuture.completedFuture(new Read(List.of(), everyName(names, end))));
                return;
            }
            Reader reader = readers.get(region);
            if (reader == null) {
                ChangeTarget first = names.get(0);
                reader = new Reader(clients.cloudTrail(first.region()), started, replaying, Duration.ZERO);
                reader.names(names(names));
                reader.start(pool);
            }
            reads.add(reader.done.thenApplyAsync(r -> settle(r, names, started, end), pool));
        });
        Map<ChangeTarget, ResourceChanges> done = new HashMap<>();
        Map<ChangeTarget, Open> open = new HashMap<>();
        reads.forEach(f -> {
            Read r = f.join();
            r.settled().forEach(c -> done.put(ChangeTarget.of(c), c));
            r.open().forEach(o -> open.put(o.target(), o));
        });
        List<Map.Entry<ChangeTarget, CompletableFuture<Optional<ResourceChanges>>>> running =
                byRegionInTurn(open.keySet()).stream()
                        .map(t -> Map.entry(t, CompletableFuture.supplyAsync(() -> one(clients, open.get(t), end), pool)))
                        .toList();
        running.forEach(e -> e.getValue().join().ifPresent(c -> done.put(e.getKey(), c)));
        // no request of a reader is in flight after this: a recording holds them all, the counts are final
        readers.values().forEach(r -> r.done.join());
        return order.stream().map(done::get).filter(Objects::nonNull).toList();
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
                .forEach(t -> perRegion.computeIfAbsent(key(t.account(), t.region()), k -> new ArrayDeque<>()).add(t));
        List<ChangeTarget> out = new ArrayList<>();
        while (!perRegion.isEmpty()) {
            perRegion.values().removeIf(queue -> {
                out.add(queue.poll());
                return queue.isEmpty();
            });
        }
        return out;
    }

    private static Set<String> names(List<ChangeTarget> targets) {
        Set<String> out = new LinkedHashSet<>();
        targets.forEach(t -> out.add(t.resourceName()));
        return out;
    }

    private static List<Open> everyName(List<ChangeTarget> names, Instant end) {
        return names.stream().map(t -> new Open(t, List.of(), end)).toList();
    }

    /**
     * One region's write history, read page after page on a thread of its own from the start of collection, over
     * the 90 days before collection started. Told the region's failing names ({@link #names}), it decides how far
     * to read by them; told none, it stops.
     */
    static final class Reader {
        private final CloudTrailClient cloudTrail;
        private final Instant started;
        private final boolean replaying;
        private final Duration pace;
        private final CompletableFuture<Set<String>> wanted = new CompletableFuture<>();
        private final CompletableFuture<Reader> done = new CompletableFuture<>();
        // written by the reading thread only, read once done is complete
        private final List<Seen> seen = new ArrayList<>();
        private Instant oldest;
        private int pages;
        private boolean exhausted;
        private Optional<SdkException> refused = Optional.empty();

        /**
         * {@code pace}: the client's interval between two LookupEvents of a region. Before the names are known
         * the reader waits that long for them before it asks for the next page, so a page they make useless is not
         * sent (the limiter would have held it that long anyway).
         */
        Reader(CloudTrailClient cloudTrail, Instant started, boolean replaying, Duration pace) {
            this.cloudTrail = cloudTrail;
            this.started = started;
            this.replaying = replaying;
            this.pace = pace;
            this.oldest = started;
        }

        Reader start(Executor executor) {
            executor.execute(this::read);
            return this;
        }

        /** The region's failing resource names: from now on they decide how far to read (none: stop). */
        void names(Set<String> names) {
            wanted.complete(Set.copyOf(names));
        }

        /** Stops after the page in flight. */
        void stop() {
            wanted.complete(Set.of());
        }

        private void read() {
            try {
                String token = null;
                while (true) {
                    LookupEventsResponse page;
                    try {
                        page = history(cloudTrail, started.minus(HISTORY), started, token);
                    } catch (SdkException e) {
                        if (pages == 0 && !Faults.NOT_IN_EVIDENCE.equals(Faults.code(e))) {
                            refused = Optional.of(e);
                        }
                        return; // a later page failed, or the bundle holds no more: what was read stands
                    }
                    pages++;
                    for (Event e : page.events()) {
                        if (e.eventTime() != null && e.eventTime().isBefore(oldest)) {
                            oldest = e.eventTime();
                        }
                    }
                    writes(page, seen);
                    token = page.nextToken();
                    if (token == null || token.isEmpty()) {
                        exhausted = true;
                        return;
                    }
                    if (replaying) {
                        continue; // every page the bundle holds: what the recording scan read
                    }
                    Set<String> names = wanted.getNow(null);
                    if (names == null && pages < AHEAD && projected() <= AHEAD) {
                        names = namesWithin(pace);
                        if (names == null) {
                            continue;
                        }
                    }
                    if (!worthReading(names == null ? wanted.join() : names)) {
                        return;
                    }
                }
            } finally {
                done.complete(this);
            }
        }

        /** The names, if they come within {@code wait}; null if not. */
        private Set<String> namesWithin(Duration wait) {
            try {
                return wait.isZero() ? wanted.getNow(null)
                        : wanted.get(wait.toNanos(), java.util.concurrent.TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Set.of();
            } catch (java.util.concurrent.ExecutionException e) {
                return Set.of();
            }
        }

        /** Pages the whole history would take, going by the time the pages so far covered. */
        private double projected() {
            long covered = Duration.between(oldest, started).toMillis();
            return covered <= 0 ? Double.POSITIVE_INFINITY : (double) pages * HISTORY.toMillis() / covered;
        }

        /** How many writes the pages read hold for each of {@code names} that has any. */
        private Map<String, Integer> writesOf(Set<String> names) {
            Map<String, Integer> writes = new HashMap<>();
            seen.forEach(s -> s.resources().stream().filter(names::contains).forEach(n -> writes.merge(n, 1, Integer::sum)));
            return writes;
        }

        /** Whether the pages read hold the newest {@link #KEPT} writes of any of {@code names}. */
        private boolean settlesAny(Set<String> names) {
            return writesOf(names).values().stream().anyMatch(n -> n >= KEPT);
        }

        /** Whether reading on is likely to cost no more requests than looking the open names up one by one. */
        private boolean worthReading(Set<String> names) {
            if (names.size() < 2 || pages >= names.size()) {
                return false;
            }
            Map<String, Integer> writes = writesOf(names);
            long open = names.stream().filter(n -> writes.getOrDefault(n, 0) < KEPT).count();
            long covered = Duration.between(oldest, started).toMillis();
            long rest = Duration.between(started.minus(HISTORY), oldest).toMillis();
            return open > 0 && covered > 0 && (double) pages * rest / covered <= open;
        }
    }

    /** The write events of a history page that name resources, added to {@code into}. */
    private static void writes(LookupEventsResponse page, List<Seen> into) {
        for (Event e : page.events()) {
            if (!"true".equalsIgnoreCase(e.readOnly()) && e.cloudTrailEvent() != null && e.hasResources()) {
                into.add(new Seen(e.eventTime(), e.resources().stream().map(Resource::resourceName)
                        .filter(Objects::nonNull).distinct().toList(), e.cloudTrailEvent()));
            }
        }
    }

    private static LookupEventsResponse history(CloudTrailClient cloudTrail, Instant from, Instant to, String token) {
        return cloudTrail.lookupEvents(r -> r
                .lookupAttributes(a -> a.attributeKey(LookupAttributeKey.READ_ONLY).attributeValue("false"))
                .startTime(from).endTime(to).maxResults(PAGE).nextToken(token));
    }

    /** What a region's history pages, and the writes of the scan's own time, give its names. */
    private static Read settle(Reader r, List<ChangeTarget> names, Instant started, Instant end) {
        if (r.refused.isPresent()) {
            // the lookups by name would ask the same API, under the same permission and quota
            String why = failed(r.refused.get());
            return new Read(names.stream().map(t -> new ResourceChanges(t.account(), t.region(), t.resourceName(),
                    List.of(), Optional.of(why))).toList(), List.of());
        }
        if (r.pages == 0) {
            return new Read(List.of(), everyName(names, end)); // a bundle recorded with lookups by name
        }
        if (!r.exhausted && !r.settlesAny(names(names))) {
            // the pages settle no name: each is looked up by name over the whole window, the scan's own time too
            return new Read(List.of(), everyName(names, end));
        }
        List<Seen> pages = new ArrayList<>();
        boolean recent = true;
        try {
            String token = null;
            Set<String> tokens = new HashSet<>();
            do {
                if (token != null && !tokens.add(token)) {
                    throw SdkException.builder().message("LookupEvents returned the page token " + token
                            + " a second time").build();
                }
                LookupEventsResponse page = history(r.cloudTrail, started, end, token);
                writes(page, pages);
                token = page.nextToken();
            } while (token != null && !token.isEmpty());
        } catch (SdkException e) {
            recent = false; // each name is then looked up by name up to the end of collection
        }
        pages.addAll(r.seen);
        Set<String> wanted = names(names);
        Map<String, List<ChangeEvent>> found = new HashMap<>();
        for (Seen s : pages) {
            List<String> named = s.resources().stream().filter(wanted::contains).toList();
            if (!named.isEmpty()) {
                CloudTrailEvents.parse(s.record()).ifPresent(w ->
                        named.forEach(n -> found.computeIfAbsent(n, k -> new ArrayList<>()).add(w)));
            }
        }
        List<ResourceChanges> settled = new ArrayList<>();
        List<Open> open = new ArrayList<>();
        for (ChangeTarget t : names) {
            List<ChangeEvent> writes = found.getOrDefault(t.resourceName(), List.of());
            if (recent && (r.exhausted || distinct(writes) >= KEPT)) {
                settled.add(changes(t, writes, Optional.empty()));
            } else {
                // a second more: events of the instant the pages stopped at may not all have been read
                open.add(new Open(t, List.copyOf(writes), recent ? r.oldest.plusSeconds(1) : end));
            }
        }
        return new Read(settled, open);
    }

    private static long distinct(List<ChangeEvent> events) {
        Set<String> ids = new HashSet<>();
        return events.stream().filter(e -> e.eventId().isEmpty() || ids.add(e.eventId())).count();
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
        Set<String> seen = new HashSet<>();
        List<ChangeEvent> newest = events.stream()
                .filter(e -> e.eventId().isEmpty() || seen.add(e.eventId()))
                .distinct().sorted(NEWEST_FIRST).limit(KEPT).toList();
        return new ResourceChanges(t.account(), t.region(), t.resourceName(), newest, unavailable);
    }

    private static String failed(SdkException e) {
        return "cloudtrail:LookupEvents failed (" + Faults.code(e) + "): " + Faults.message(e);
    }
}
