package io.hipaaaudit.analyse.network;

import io.hipaaaudit.inventory.ResourceTypes;
import io.hipaaaudit.inventory.aws.RouteTable;
import io.hipaaaudit.inventory.aws.Subnet;
import java.util.Optional;

/**
 * A subnet's routing: its route table (explicit association, else the VPC's main table) and the tier per address
 * family the subnet has. A family the subnet has no addresses in cannot carry its traffic, so an IPv6 default
 * route in the table of an IPv4-only subnet does not make the subnet public.
 *
 * @param tier the highest tier over the subnet's families; empty when any of them is unknown
 */
public record SubnetRouting(Subnet subnet, RouteTable table, Routes routes, boolean mainTable,
                            Optional<TableTier> ipv4, Optional<TableTier> ipv6, Optional<Tier> tier) {

    /** Empty when the route table, or a prefix list it routes to, was not observed. */
    public static Optional<SubnetRouting> of(Subnet s, NetworkIndex index, TableCache tables) {
        if (index.unknown(ResourceTypes.ROUTE_TABLE, s.account(), s.region())) {
            return Optional.empty();
        }
        Optional<RouteTable> table = index.routeTable(s);
        if (table.isEmpty()) {
            return Optional.empty();
        }
        RouteTable t = table.get();
        boolean usesLists = t.routes().stream().anyMatch(r -> r.destinationPrefixListId().isPresent());
        if (usesLists && index.unknown(ResourceTypes.MANAGED_PREFIX_LIST, s.account(), s.region())) {
            return Optional.empty();
        }
        Optional<Routes> routes = tables.routes(t);
        if (routes.isEmpty()) {
            return Optional.empty();
        }
        boolean hasV4 = s.cidrBlock().isPresent();
        boolean hasV6 = !s.ipv6CidrBlocks().isEmpty();
        Optional<TableTier> v4 = hasV4 ? tables.tier(t, false) : Optional.empty();
        Optional<TableTier> v6 = hasV6 ? tables.tier(t, true) : Optional.empty();
        Optional<Tier> tier = Optional.of(Tier.ISOLATED);
        if (hasV4) {
            tier = v4.isEmpty() ? Optional.empty() : tier.map(x -> x.max(v4.get().tier()));
        }
        if (hasV6) {
            Optional<Tier> sofar = tier;
            tier = v6.isEmpty() ? Optional.empty() : sofar.map(x -> x.max(v6.get().tier()));
        }
        boolean main = t.isMain() && t.associations().stream().noneMatch(a -> a.subnetId().filter(s.id()::equals).isPresent());
        return Optional.of(new SubnetRouting(s, t, routes.get(), main, v4, v6, tier));
    }

    public boolean hasV4() {
        return subnet.cidrBlock().isPresent();
    }

    public boolean hasV6() {
        return !subnet.ipv6CidrBlocks().isEmpty();
    }
}
