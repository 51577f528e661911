package io.hipaaaudit.analyse.network;

import io.hipaaaudit.inventory.aws.RouteTable;

/**
 * One destination of a route, with prefix-list routes expanded to one entry per list entry. {@code destination}
 * is what the route says ({@code 0.0.0.0/1}, {@code pl-0a1b (10.8.0.0/16)}), for evidence. {@code target} is the
 * route's target type with VPC endpoints told apart (see {@link Routes#targetOf}).
 */
public record RouteEntry(Cidr cidr, String destination, String tableId, RouteTable.Route route, String target) {
    public boolean blackhole() {
        return "blackhole".equals(route.state());
    }

    /** {@code rtb-1: 0.0.0.0/1 -> igw-1}: names the table, the destination as written and the target. */
    public String label() {
        String to = blackhole() ? route.targetId() + " (blackhole)" : route.targetId();
        return tableId + ": " + destination + " -> " + (to.isEmpty() ? route.targetType() : to);
    }
}
