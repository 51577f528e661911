package io.hipaaaudit.analyse.network;

/**
 * An IPv4 or IPv6 prefix. The address is held as 128 bits in two longs ({@code hi}, {@code lo}); IPv4 uses the
 * low 32 bits of {@code lo}. Host bits are always zero, so two equal prefixes are equal records; AWS accepts
 * {@code 10.0.0.1/16} in some APIs and treats it as {@code 10.0.0.0/16}, and so do we.
 */
public record Cidr(boolean v6, long hi, long lo, int prefix) implements Comparable<Cidr> {
    public static final Cidr ALL_V4 = parse("0.0.0.0/0");
    public static final Cidr ALL_V6 = parse("::/0");

    public Cidr {
        if (prefix < 0 || prefix > (v6 ? 128 : 32)) {
            throw new IllegalArgumentException("prefix length " + prefix + " out of range");
        }
        int host = (v6 ? 128 : 32) - prefix;
        if (host >= 64) {
            lo = 0;
            hi = host == 128 ? 0 : hi & ~((1L << (host - 64)) - 1);
        } else if (host > 0) {
            lo &= ~((1L << host) - 1);
        }
    }

    public int width() {
        return v6 ? 128 : 32;
    }

    /** Parses {@code a.b.c.d/n}, {@code x:y::/n}, or a bare address (a host prefix). */
    public static Cidr parse(String text) {
        return CidrText.parse(text);
    }

    /** True when every address of {@code other} is in this prefix. */
    public boolean contains(Cidr other) {
        return v6 == other.v6 && other.prefix >= prefix && new Cidr(v6, other.hi, other.lo, prefix).equals(this);
    }

    /** Two prefixes overlap exactly when one contains the other. */
    public boolean overlaps(Cidr other) {
        return contains(other) || other.contains(this);
    }

    /** The lower and upper half; a host prefix has none. */
    public Cidr[] halves() {
        if (prefix == width()) {
            throw new IllegalStateException(this + " has no halves");
        }
        int bit = width() - prefix - 1;
        Cidr low = new Cidr(v6, hi, lo, prefix + 1);
        Cidr high = bit >= 64 ? new Cidr(v6, hi | (1L << (bit - 64)), lo, prefix + 1)
                : new Cidr(v6, hi, lo | (1L << bit), prefix + 1);
        return new Cidr[] {low, high};
    }

    @Override
    public int compareTo(Cidr o) {
        int c = Boolean.compare(v6, o.v6);
        c = c != 0 ? c : Long.compareUnsigned(hi, o.hi);
        c = c != 0 ? c : Long.compareUnsigned(lo, o.lo);
        return c != 0 ? c : Integer.compare(prefix, o.prefix);
    }

    /** {@code 10.0.0.0/16}, {@code 2600:1f18::/56}: the form AWS prints. */
    @Override
    public String toString() {
        return CidrText.format(this);
    }
}
