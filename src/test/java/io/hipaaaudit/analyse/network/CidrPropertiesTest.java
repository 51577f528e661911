package io.hipaaaudit.analyse.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Prefix arithmetic agrees with enumerating the addresses. */
class CidrPropertiesTest {

    @Provide
    Arbitrary<Cidr> v4() {
        return SmallUniverse.prefixes(false);
    }

    @Provide
    Arbitrary<Cidr> any() {
        return SmallUniverse.prefixes();
    }

    @Provide
    Arbitrary<List<Cidr>> v4list() {
        return SmallUniverse.prefixes(false).list().ofMaxSize(6);
    }

    @Property(tries = 2000)
    void containsIsSubsetOfAddresses(@ForAll("v4") Cidr a, @ForAll("v4") Cidr b) {
        BitSet bs = SmallUniverse.addresses(b);
        BitSet diff = (BitSet) bs.clone();
        diff.andNot(SmallUniverse.addresses(a));
        assertThat(a.contains(b)).isEqualTo(diff.isEmpty());
    }

    @Property(tries = 2000)
    void overlapsIsSharedAddresses(@ForAll("v4") Cidr a, @ForAll("v4") Cidr b) {
        assertThat(a.overlaps(b)).isEqualTo(SmallUniverse.addresses(a).intersects(SmallUniverse.addresses(b)));
    }

    @Property(tries = 1000)
    void textRoundTrips(@ForAll("any") Cidr c) {
        assertThat(Cidr.parse(c.toString())).isEqualTo(c);
    }

    @Property(tries = 1000)
    void largeIpv4PrefixesRoundTrip(@ForAll int address, @ForAll @net.jqwik.api.constraints.IntRange(max = 32) int len) {
        String text = (address >>> 24 & 0xff) + "." + (address >>> 16 & 0xff) + "." + (address >>> 8 & 0xff) + "."
                + (address & 0xff) + "/" + len;
        Cidr c = Cidr.parse(text);
        assertThat(Cidr.parse(c.toString())).isEqualTo(c);
        assertThat(c.contains(Cidr.parse(text.substring(0, text.indexOf('/'))))).isTrue();
    }

    @Property(tries = 2000)
    void anyIpv6PrefixRoundTrips(@ForAll long hi, @ForAll long lo, @ForAll @net.jqwik.api.constraints.IntRange(max = 128) int len) {
        Cidr c = new Cidr(true, hi, lo, len);
        assertThat(Cidr.parse(c.toString())).isEqualTo(c);
    }

    @Property(tries = 1000)
    void halvesPartitionThePrefix(@ForAll("any") Cidr c) {
        if (c.prefix() == c.width()) {
            return;
        }
        Cidr[] h = c.halves();
        BitSet both = SmallUniverse.union(List.of(h[0], h[1]));
        assertThat(both).isEqualTo(SmallUniverse.addresses(c));
        assertThat(h[0].overlaps(h[1])).isFalse();
    }

    @Property(tries = 2000)
    void subtractLeavesExactlyTheDifference(@ForAll("v4") Cidr x, @ForAll("v4list") List<Cidr> minus) {
        List<Cidr> rest = CidrSets.subtract(x, minus);
        BitSet expected = SmallUniverse.addresses(x);
        expected.andNot(SmallUniverse.union(minus));
        assertThat(SmallUniverse.union(rest)).isEqualTo(expected);
        for (int i = 0; i < rest.size(); i++) {
            for (int j = i + 1; j < rest.size(); j++) {
                assertThat(rest.get(i).overlaps(rest.get(j))).as("disjoint pieces").isFalse();
            }
        }
    }

    @Property(tries = 2000)
    void uncoveredFindsTheLowestUncoveredAddress(@ForAll("v4") Cidr x, @ForAll("v4list") List<Cidr> cover) {
        BitSet left = SmallUniverse.addresses(x);
        left.andNot(SmallUniverse.union(cover));
        Optional<Cidr> u = CidrSets.uncovered(x, cover);
        assertThat(u.isPresent()).isEqualTo(!left.isEmpty());
        u.ifPresent(c -> {
            assertThat(SmallUniverse.host(c)).isEqualTo(left.nextSetBit(0));
            BitSet inside = SmallUniverse.addresses(c);
            inside.andNot(left);
            assertThat(inside.isEmpty()).as("the piece is wholly uncovered").isTrue();
        });
    }

    @Property(tries = 1000)
    void intersectIsSharedAddresses(@ForAll("v4") Cidr a, @ForAll("v4") Cidr b) {
        BitSet both = SmallUniverse.addresses(a);
        both.and(SmallUniverse.addresses(b));
        assertThat(CidrSets.intersect(a, b).map(SmallUniverse::addresses).orElse(new BitSet())).isEqualTo(both);
    }

    @Property(tries = 500)
    void familiesNeverMix(@ForAll("any") Cidr a) {
        Cidr other = SmallUniverse.at(!a.v6(), SmallUniverse.host(a), a.prefix() - (a.v6() ? 120 : 24));
        assertThat(a.overlaps(other)).isFalse();
    }

    @Property(tries = 300)
    void ipv4ParsingRejectsWhatIsNotAnAddress(@ForAll("octets") String text) {
        boolean valid = java.util.Arrays.stream(text.split("\\.", -1)).allMatch(o -> o.matches("\\d{1,3}")
                && Integer.parseInt(o) <= 255) && text.split("\\.", -1).length == 4;
        Optional<Cidr> parsed;
        try {
            parsed = Optional.of(Cidr.parse(text + "/32"));
        } catch (IllegalArgumentException e) {
            parsed = Optional.empty();
        }
        assertThat(parsed.isPresent()).isEqualTo(valid);
    }

    @Provide
    Arbitrary<String> octets() {
        return Arbitraries.integers().between(0, 300).map(String::valueOf).list().ofMinSize(3).ofMaxSize(5)
                .map(l -> String.join(".", l));
    }
}
