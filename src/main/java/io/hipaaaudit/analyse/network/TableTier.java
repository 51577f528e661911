package io.hipaaaudit.analyse.network;

import java.util.List;
import java.util.Optional;

/**
 * The tier one route table gives one address family, and the route that decides it. Each route counts only for
 * the destinations it wins by longest prefix, so {@code 0.0.0.0/1} + {@code 128.0.0.0/1} to an internet gateway
 * is as public as {@code 0.0.0.0/0}, and a public /32 to an internet gateway makes the subnet public too, while a
 * default route shadowed everywhere by longer routes decides nothing.
 *
 * @param decidedBy the route that sets the tier ({@code rtb-1: 0.0.0.0/1 -> igw-1}); empty for ISOLATED
 * @param example   a destination that takes that route, public where the tier is about the internet
 */
public record TableTier(Tier tier, Optional<String> decidedBy, Optional<String> example) {

    /** Empty when a route's target type is unknown. */
    public static Optional<TableTier> of(Routes routes, boolean v6) {
        TableTier best = new TableTier(Tier.ISOLATED, Optional.empty(), Optional.empty());
        for (RouteEntry e : routes.entries()) {
            if (e.cidr().v6() != v6 || e.blackhole() || "local".equals(e.target())) {
                continue;
            }
            List<Cidr> won = routes.wins(e);
            if (won.isEmpty()) {
                continue;
            }
            Optional<Cidr> publicDest = won.stream().map(PublicSpace::firstPublic).flatMap(Optional::stream).findFirst();
            Optional<Tier> tier = Tier.of(e.target(), publicDest.isPresent());
            if (tier.isEmpty()) {
                return Optional.empty();
            }
            if (tier.get().compareTo(best.tier()) > 0) {
                String example = publicDest.orElse(won.get(0)).toString();
                best = new TableTier(tier.get(), Optional.of(e.label()), Optional.of(example));
            }
        }
        return Optional.of(best);
    }
}
