package io.hipaaaudit.analyse.network;

import java.util.BitSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Prefixes inside one /24 (IPv4 10.1.2.0/24 or IPv6 2001:db8::/120), so every set of addresses can be enumerated:
 * the brute-force reference the prefix arithmetic is checked against.
 */
final class SmallUniverse {
    private SmallUniverse() {}

    static Arbitrary<Cidr> prefixes(boolean v6) {
        return Combinators.combine(Arbitraries.integers().between(0, 255), Arbitraries.integers().between(24, 32))
                .as((host, len) -> at(v6, host, len - 24));
    }

    static Arbitrary<Cidr> prefixes() {
        return Arbitraries.of(false, true).flatMap(SmallUniverse::prefixes);
    }

    /** The prefix of {@code bits} (0..8) extra bits below the universe's /24 (or /120) holding {@code host}. */
    static Cidr at(boolean v6, int host, int bits) {
        return v6 ? Cidr.parse(String.format("2001:db8::%x/%d", host, 120 + bits))
                : Cidr.parse("10.1.2." + host + "/" + (24 + bits));
    }

    static Cidr address(boolean v6, int host) {
        return at(v6, host, 8);
    }

    static int host(Cidr c) {
        return (int) (c.lo() & 0xff);
    }

    static BitSet addresses(Cidr c) {
        BitSet b = new BitSet(256);
        int size = 1 << (c.width() - c.prefix());
        b.set(host(c), host(c) + size);
        return b;
    }

    static BitSet union(Iterable<Cidr> cidrs) {
        BitSet b = new BitSet(256);
        cidrs.forEach(c -> b.or(addresses(c)));
        return b;
    }
}
