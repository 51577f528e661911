package io.hipaaaudit.analyse.network;

import io.hipaaaudit.inventory.aws.RouteTable;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Parsed routes and tiers per route table. Many subnets share a table (every subnet without an association
 * shares the main one), so each table is parsed and tiered once per scan, not once per subnet.
 */
public final class TableCache {
    private final NetworkIndex index;
    private final Map<String, Optional<Routes>> routes = new HashMap<>();
    private final Map<String, Optional<TableTier>> tiers = new HashMap<>();

    public TableCache(NetworkIndex index) {
        this.index = index;
    }

    public synchronized Optional<Routes> routes(RouteTable t) {
        return routes.computeIfAbsent(NetworkIndex.key(t.account(), t.region(), t.id()),
                k -> Routes.of(t, id -> index.prefixList(t.account(), t.region(), id)));
    }

    public synchronized Optional<TableTier> tier(RouteTable t, boolean v6) {
        String k = NetworkIndex.key(t.account(), t.region(), t.id()) + (v6 ? "|6" : "|4");
        Optional<TableTier> cached = tiers.get(k);
        if (cached == null) {
            cached = routes(t).flatMap(r -> TableTier.of(r, v6));
            tiers.put(k, cached);
        }
        return cached;
    }
}
