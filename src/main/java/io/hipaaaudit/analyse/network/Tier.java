package io.hipaaaudit.analyse.network;

/**
 * How far a subnet's traffic can go, least exposed first.
 * <ul>
 *   <li>ISOLATED: the VPC's local route only.</li>
 *   <li>GATEWAY_ENDPOINT: besides local routes, only the prefix-list routes of gateway VPC endpoints (S3,
 *       DynamoDB): traffic to those services stays on the AWS network and nothing else leaves the VPC.</li>
 *   <li>CONNECTED: other networks (peering, transit gateway, VPN, Outposts local gateway, Cloud WAN), or private
 *       destinations through an appliance.</li>
 *   <li>PRIVATE_EGRESS: public destinations go through a NAT gateway, an egress-only internet gateway or an
 *       appliance (instance, interface, Gateway Load Balancer endpoint) that may forward them; outbound only.</li>
 *   <li>PUBLIC: some public destination is routed to an internet (or carrier) gateway, so hosts with a public
 *       address are reachable from the internet.</li>
 * </ul>
 */
public enum Tier {
    ISOLATED, GATEWAY_ENDPOINT, CONNECTED, PRIVATE_EGRESS, PUBLIC;

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
            case "gateway-endpoint" -> GATEWAY_ENDPOINT;
            case "nat-gateway", "egress-only-internet-gateway", "instance", "network-interface",
                 "gateway-load-balancer-endpoint" -> reachesPublic ? PRIVATE_EGRESS : CONNECTED;
            case "virtual-private-gateway", "transit-gateway", "vpc-peering-connection", "local-gateway",
                 "core-network" -> CONNECTED;
            default -> null;
        };
        return java.util.Optional.ofNullable(t);
    }
}
