package io.hipaaaudit.bench.aws;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The CloudTrail write history of a {@link SyntheticAccount}: per region, {@code perDay} write events a day over
 * the last 89 days (inside the 90 days LookupEvents keeps, with a day to spare for the scan's own duration), evenly
 * spaced, newest first, each naming one resource of the region drawn at random (seeded per region) from those a
 * scan attributes changes to: security groups, subnets, route tables, DB instances, clusters, snapshots, parameter
 * groups and customer KMS keys (by ARN). Reads are not modelled: LookupEvents' {@code ReadOnly=false} answer is the
 * whole list, a {@code ResourceName} answer the events naming that resource.
 */
final class History {
    static final Duration SPAN = Duration.ofDays(89);
    static final int DEFAULT_PER_DAY = 10;

    /** One write event: how long before the history's anchor it happened, the call, its source and the resource. */
    record Event(String id, Duration before, String name, String source, String resourceType, String resource) {}

    private final Map<String, List<Event>> byRegion = new LinkedHashMap<>();
    private final int perDay;

    History(SyntheticAccount account, int perDay) {
        this.perDay = perDay;
        List<String> regions = account.regionNames();
        for (int r = 0; r < regions.size(); r++) {
            byRegion.put(regions.get(r), region(account.region(regions.get(r)), r, perDay));
        }
    }

    int perDay() {
        return perDay;
    }

    /** The region's events, newest first. */
    List<Event> events(String region) {
        return byRegion.getOrDefault(region, List.of());
    }

    private static List<Event> region(RegionModel m, int r, int perDay) {
        List<String[]> pool = new ArrayList<>(); // {resource, type, call, source}
        m.securityGroups().forEach(g -> pool.add(new String[] {g.id(), "AWS::EC2::SecurityGroup",
                "AuthorizeSecurityGroupIngress", "ec2.amazonaws.com"}));
        m.subnets().forEach(s -> pool.add(new String[] {s.id(), "AWS::EC2::Subnet", "ModifySubnetAttribute",
                "ec2.amazonaws.com"}));
        m.routeTables().forEach(t -> pool.add(new String[] {t.id(), "AWS::EC2::RouteTable", "CreateRoute",
                "ec2.amazonaws.com"}));
        m.dbInstances().forEach(i -> pool.add(new String[] {i.id(), "AWS::RDS::DBInstance", "ModifyDBInstance",
                "rds.amazonaws.com"}));
        m.dbClusters().forEach(c -> pool.add(new String[] {c.id(), "AWS::RDS::DBCluster", "ModifyDBCluster",
                "rds.amazonaws.com"}));
        Stream.concat(m.snapshots().stream(), m.clusterSnapshots().stream()).filter(s -> s.type().equals("manual"))
                .forEach(s -> pool.add(new String[] {s.id(), "AWS::RDS::DBSnapshot", "ModifyDBSnapshotAttribute",
                        "rds.amazonaws.com"}));
        Stream.concat(m.instanceParameterGroups().stream(), m.clusterParameterGroups().stream())
                .forEach(g -> pool.add(new String[] {g, "AWS::RDS::DBParameterGroup", "ModifyDBParameterGroup",
                        "rds.amazonaws.com"}));
        m.keys().stream().filter(RegionModel.Key::customer).forEach(k -> pool.add(new String[] {k.arn(),
                "AWS::KMS::Key", "PutKeyPolicy", "kms.amazonaws.com"}));
        long count = (long) perDay * SPAN.toDays();
        Random random = new Random(31L * r + 7);
        List<Event> out = new ArrayList<>();
        for (long i = 0; i < count && !pool.isEmpty(); i++) {
            String[] p = pool.get(random.nextInt(pool.size()));
            Duration before = SPAN.multipliedBy(2 * i + 1).dividedBy(2 * count);
            out.add(new Event(String.format("%08x-0000-4000-8000-%012x", r, i), before, p[2], p[3], p[1], p[0]));
        }
        return List.copyOf(out);
    }

    /**
     * How the fewest LookupEvents requests give each of {@code names} its newest {@code kept} writes: {@code pages}
     * pages of the region's write history before collection started (read while it collects), then {@code after}
     * requests once the names are known: one page of the scan's own time and one lookup by name for each name the
     * pages left with fewer than {@code kept} (the history continuing past them); minimised over the pages (none:
     * every name on its own).
     */
    record Plan(long pages, long after) {
        long requests() {
            return pages + after;
        }
    }

    Plan fewest(String region, Set<String> names, int kept, int pageSize) {
        if (names.size() <= 1) {
            return new Plan(0, names.size());
        }
        List<Event> events = events(region);
        Map<String, Integer> found = new LinkedHashMap<>();
        names.forEach(n -> found.put(n, 0));
        Plan best = new Plan(0, names.size());
        int open = names.size();
        int pages = (events.size() + pageSize - 1) / pageSize;
        for (int k = 1; k <= Math.max(1, pages); k++) {
            for (Event e : events.subList(Math.min(events.size(), (k - 1) * pageSize),
                    Math.min(events.size(), k * pageSize))) {
                Integer n = found.get(e.resource());
                if (n != null && n < kept) {
                    found.put(e.resource(), n + 1);
                    if (n + 1 == kept) {
                        open--;
                    }
                }
            }
            Plan plan = new Plan(k, 1 + (k >= pages ? 0 : open));
            if (plan.requests() < best.requests()) {
                best = plan;
            }
            if (open == 0) {
                break;
            }
        }
        return best;
    }

    /** {@link #fewest} per region for the names {@code targets} ask for, pages of the endpoint's size. */
    Map<String, Plan> plans(java.util.Collection<io.hipaaaudit.inventory.aws.ChangeTarget> targets, int pageCap) {
        Map<String, Set<String>> names = new java.util.TreeMap<>();
        targets.forEach(t -> names.computeIfAbsent(t.region(), k -> new java.util.HashSet<>()).add(t.resourceName()));
        Map<String, Plan> out = new java.util.TreeMap<>();
        names.forEach((region, n) -> out.put(region, fewest(region, n, KEPT, Paging.maxPage("LookupEvents", pageCap))));
        return out;
    }

    /** The requests of {@link #plans}, per region. */
    Map<String, Long> fewestLookups(java.util.Collection<io.hipaaaudit.inventory.aws.ChangeTarget> targets, int pageCap) {
        Map<String, Long> out = new java.util.TreeMap<>();
        plans(targets, pageCap).forEach((region, plan) -> out.put(region, plan.requests()));
        return out;
    }

    /** The writes a scan keeps per resource name (the collector's ChangeLookup.KEPT). */
    static final int KEPT = 5;

    /** The instant an event happened, for a history anchored at {@code anchor}. */
    static Instant at(Instant anchor, Event e) {
        return anchor.minus(e.before());
    }
}
