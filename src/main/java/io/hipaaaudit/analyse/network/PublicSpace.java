package io.hipaaaudit.analyse.network;

import java.util.List;
import java.util.Optional;

/**
 * What counts as the internet: every address that the IANA special-purpose registries do not mark as not
 * globally reachable. Private (RFC 1918, ULA), shared (CGNAT), loopback, link-local, documentation, benchmark,
 * multicast and reserved ranges are not public; everything else is, including ranges no one announces today.
 */
public final class PublicSpace {
    private PublicSpace() {}

    static final List<Cidr> NOT_PUBLIC_V4 = parse("0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8",
            "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24", "192.0.2.0/24", "192.168.0.0/16", "198.18.0.0/15",
            "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4");
    static final List<Cidr> NOT_PUBLIC_V6 = parse("::/128", "::1/128", "::ffff:0:0/96", "64:ff9b:1::/48",
            "100::/64", "2001:db8::/32", "3fff::/20", "fc00::/7", "fe80::/10", "ff00::/8");

    public static List<Cidr> notPublic(boolean v6) {
        return v6 ? NOT_PUBLIC_V6 : NOT_PUBLIC_V4;
    }

    /** True when the prefix holds at least one public address. */
    public static boolean hasPublic(Cidr c) {
        return firstPublic(c).isPresent();
    }

    /** The lowest public part of the prefix, as evidence of which internet sources it admits. */
    public static Optional<Cidr> firstPublic(Cidr c) {
        return CidrSets.uncovered(c, notPublic(c.v6()));
    }

    /** The public parts of the prefix. */
    public static List<Cidr> publicParts(Cidr c) {
        return CidrSets.subtract(c, notPublic(c.v6()));
    }

    private static List<Cidr> parse(String... cidrs) {
        return java.util.Arrays.stream(cidrs).map(Cidr::parse).toList();
    }
}
