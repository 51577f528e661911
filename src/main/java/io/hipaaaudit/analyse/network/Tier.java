package io.hipaaaudit.analyse.network;

/**
 * How far a subnet's traffic can go, least exposed first. PUBLIC: some public destination is routed to an
 * internet (or carrier) gateway, so hosts with a public address are reachable from the internet.
 * PRIVATE_EGRESS: public destinations go through a NAT gateway, an egress-only internet gateway or an appliance
 * (instance, interface) that may forward them; outbound only. CONNECTED: other networks only (peering, transit
 * gateway, VPN, endpoints, Outposts, Cloud WAN). ISOLATED: the VPC's local route only.
 */
public enum Tier {
    ISOLATED, CONNECTED, PRIVATE_EGRESS, PUBLIC;

    public Tier max(Tier other) {
        return compareTo(other) >= 0 ? this : other;
    }

    /**
     * The tier a route to this target type gives when it wins {@code reachesPublic} destinations; empty for a
     * target type we do not know, which leaves the tier unknown rather than guessed.
     */
    static java.util.Optional<Tier> of(String targetType, boolean reachesPublic) {
        Tier t = switch (targetType) {
            case "local" -> ISOLATED;
            case "internet-gateway", "carrier-gateway" -> reachesPublic ? PUBLIC : CONNECTED;
            case "nat-gateway", "egress-only-internet-gateway", "instance", "network-interface" ->
                    reachesPublic ? PRIVATE_EGRESS : CONNECTED;
            case "virtual-private-gateway", "transit-gateway", "vpc-peering-connection", "vpc-endpoint",
                 "local-gateway", "core-network" -> CONNECTED;
            default -> null;
        };
        return java.util.Optional.ofNullable(t);
    }
}
