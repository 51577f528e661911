package io.hipaaaudit.analyse.network;

import java.util.Optional;

/**
 * Whether a database has an IPv6 endpoint, and who may reach it over IPv6. RDS gives a DB instance IPv6 addresses
 * only in dual-stack mode ({@code NetworkType} {@code DUAL}, which needs an IPv6 CIDR block on every subnet of its
 * DB subnet group); an {@code IPV4} database has none, so no IPv6 source reaches it, whatever the routes and
 * security groups say. Of a dual-stack database that is not publicly accessible the RDS User Guide ("Dual-stack
 * mode") says that RDS disables internet gateway access for its IPv6 endpoint, so that the endpoint is private and
 * reached only from within the VPC: such an endpoint is PRIVATE, and an internet gateway carries no connection to
 * it. A publicly accessible dual-stack database's IPv6 endpoint is PUBLIC: reachable through an internet gateway.
 *
 * <p>When the network type or the public flag is unknown, {@code kind} is the most exposed possibility and
 * {@code known} is false: a path that needs it leaves the reach unknown rather than shown or hidden on a guess.
 * An answer without {@code NetworkType} is unknown, not IPV4: the API reference documents the field's values
 * (IPV4 | DUAL) but no default for an answer that omits it. Only when no DB subnet has an IPv6 CIDR block is the
 * type beside the point: the database then cannot have an IPv6 address.
 */
record Ipv6Endpoint(Kind kind, boolean known) {
    enum Kind { NONE, PRIVATE, PUBLIC }

    static Ipv6Endpoint of(Optional<String> networkType, Optional<Boolean> publiclyAccessible, boolean anySubnetHasV6) {
        if (!anySubnetHasV6 || networkType.filter("IPV4"::equals).isPresent()) {
            return new Ipv6Endpoint(Kind.NONE, true);
        }
        if (networkType.filter("DUAL"::equals).isPresent()) {
            return publiclyAccessible.map(p -> new Ipv6Endpoint(p ? Kind.PUBLIC : Kind.PRIVATE, true))
                    .orElse(new Ipv6Endpoint(Kind.PUBLIC, false));
        }
        // not observed, or a value this analysis does not know
        return new Ipv6Endpoint(publiclyAccessible.filter(p -> !p).isPresent() ? Kind.PRIVATE : Kind.PUBLIC, false);
    }
}
