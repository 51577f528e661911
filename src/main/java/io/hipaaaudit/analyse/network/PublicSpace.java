package io.hipaaaudit.analyse.network;

import java.util.List;
import java.util.Optional;

/**
 * What counts as the internet.
 * <ul>
 *   <li>IPv4: every address that the IANA IPv4 special-purpose registry does not mark as not globally reachable.
 *       Private (RFC 1918), shared (CGNAT), loopback, link-local, documentation, benchmark, multicast and reserved
 *       ranges are not public; everything else is, including ranges no one announces today.</li>
 *   <li>IPv6: global unicast, {@code 2000::/3} (the only part of the space IANA allocates to the regional
 *       registries, RFC 4291 section 2.4 and the IANA IPv6 address space registry), less its documentation
 *       ({@code 2001:db8::/32}, {@code 3fff::/20}) and benchmarking ({@code 2001:2::/48}) ranges. Everything outside
 *       {@code 2000::/3} (loopback, IPv4-mapped, ULA, link-local, multicast, the unassigned rest) is not the
 *       internet, so a rule open to {@code ::2/127} admits no internet source.</li>
 * </ul>
 */
public final class PublicSpace {
    private PublicSpace() {}

    static final List<Cidr> NOT_PUBLIC_V4 = parse("0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8",
            "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24", "192.0.2.0/24", "192.168.0.0/16", "198.18.0.0/15",
            "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4");
    /** The complement of {@code 2000::/3} ({@code ::/3}, {@code 4000::/2}, {@code 8000::/1}) and the ranges inside it. */
    static final List<Cidr> NOT_PUBLIC_V6 = parse("::/3", "4000::/2", "8000::/1", "2001:2::/48", "2001:db8::/32",
            "3fff::/20");

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
