package io.hipaaaudit.analyse.network;

import io.hipaaaudit.inventory.aws.ManagedPrefixList;
import io.hipaaaudit.inventory.aws.RouteTable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Longest-prefix-match over one route table. A blackhole route still wins the match for its destination and
 * then drops the packet: it does not fall back to a shorter route, so it masks, and never routes.
 */
public final class Routes {
    private final String tableId;
    private final List<RouteEntry> entries;

    private Routes(String tableId, List<RouteEntry> entries) {
        this.tableId = tableId;
        this.entries = entries.stream().sorted(Comparator.comparingInt((RouteEntry e) -> -e.cidr().prefix())).toList();
    }

    /** The table's routes, or empty when a prefix list it routes to is unknown or a destination is unreadable. */
    public static Optional<Routes> of(RouteTable table, Function<String, Optional<ManagedPrefixList>> prefixLists) {
        List<RouteEntry> out = new ArrayList<>();
        try {
            for (RouteTable.Route r : table.routes()) {
                if (r.destinationCidrBlock().isPresent()) {
                    out.add(new RouteEntry(Cidr.parse(r.destinationCidrBlock().get()), r.destinationCidrBlock().get(),
                            table.id(), r, targetOf(r, Optional.empty())));
                } else if (r.destinationIpv6CidrBlock().isPresent()) {
                    out.add(new RouteEntry(Cidr.parse(r.destinationIpv6CidrBlock().get()),
                            r.destinationIpv6CidrBlock().get(), table.id(), r, targetOf(r, Optional.empty())));
                } else if (r.destinationPrefixListId().isPresent()) {
                    Optional<ManagedPrefixList> list = prefixLists.apply(r.destinationPrefixListId().get());
                    if (list.isEmpty()) {
                        return Optional.empty();
                    }
                    String target = targetOf(r, list);
                    for (ManagedPrefixList.Entry e : list.get().entries()) {
                        out.add(new RouteEntry(Cidr.parse(e.cidr()), list.get().id() + " (" + e.cidr() + ")",
                                table.id(), r, target));
                    }
                }
            }
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.of(new Routes(table.id(), out));
    }

    /** The target types of VPC endpoints, as collected now and as older snapshots name them. */
    private static final java.util.Set<String> ENDPOINTS = java.util.Set.of("vpc-endpoint", "gateway-endpoint",
            "gateway-load-balancer-endpoint");

    /**
     * The route's target type, with a {@code vpce-} target told apart by what the route leads to. A gateway
     * endpoint (S3, DynamoDB) is reached only through the routes AWS adds for it, whose destination is the
     * service's AWS-managed prefix list ({@code com.amazonaws.<region>.s3}, owner {@code AWS}): such a route is a
     * {@code gateway-endpoint}. Any other route to a {@code vpce-} target (a CIDR destination, or a prefix list of
     * the customer's) goes to a Gateway Load Balancer endpoint, the only other endpoint type CreateRoute accepts:
     * a {@code gateway-load-balancer-endpoint}, which hands the traffic to appliances that may forward it anywhere.
     */
    static String targetOf(RouteTable.Route r, Optional<ManagedPrefixList> list) {
        if (!ENDPOINTS.contains(r.targetType())) {
            return r.targetType();
        }
        boolean serviceList = list.filter(l -> l.ownerId().equals("AWS") && l.name().startsWith("com.amazonaws."))
                .isPresent();
        return serviceList ? "gateway-endpoint" : "gateway-load-balancer-endpoint";
    }

    public String tableId() {
        return tableId;
    }

    public List<RouteEntry> entries() {
        return entries;
    }

    /** One piece of an address range and the route its packets take (empty: no route, dropped). */
    public record Hop(Cidr part, Optional<RouteEntry> route) {}

    /** Splits {@code x} into the pieces that different routes win, in address order. */
    public List<Hop> lookup(Cidr x) {
        List<Hop> out = new ArrayList<>();
        lookup(x, out);
        return out;
    }

    private void lookup(Cidr x, List<Hop> out) {
        boolean moreSpecificInside = false;
        RouteEntry best = null;
        for (RouteEntry e : entries) {
            if (e.cidr().v6() != x.v6()) {
                continue;
            }
            if (best == null && e.cidr().contains(x)) {
                best = e; // entries are sorted longest prefix first
            } else if (e.cidr().prefix() > x.prefix() && x.contains(e.cidr())) {
                moreSpecificInside = true;
            }
        }
        if (!moreSpecificInside) {
            out.add(new Hop(x, Optional.ofNullable(best)));
            return;
        }
        Cidr[] halves = x.halves();
        lookup(halves[0], out);
        lookup(halves[1], out);
    }

    /** The part of the entry's destination that it wins (no longer route holds it), as disjoint prefixes. */
    public List<Cidr> wins(RouteEntry entry) {
        List<Cidr> longer = new ArrayList<>();
        for (RouteEntry e : entries) {
            if (e.cidr().prefix() > entry.cidr().prefix() && entry.cidr().contains(e.cidr())) {
                longer.add(e.cidr());
            }
        }
        return CidrSets.subtract(entry.cidr(), longer);
    }
}
