package io.hipaaaudit.analyse.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What counts as the internet, and the textual forms AWS uses. */
class PublicSpaceTest {

    @ParameterizedTest
    @CsvSource({
        "0.0.0.0/0, true", "0.0.0.0/1, true", "128.0.0.0/1, true", "::/0, true", "2600:1f18::/32, true",
        "8.8.8.8/32, true", "100.63.255.255/32, true", "172.32.0.0/16, true",
        "10.0.0.0/8, false", "172.16.0.0/12, false", "192.168.1.0/24, false", "100.64.0.0/10, false",
        "127.0.0.1/32, false", "169.254.169.254/32, false", "203.0.113.0/24, false", "224.0.0.0/3, false",
        "fd00::/8, false", "fe80::/10, false", "::1/128, false", "2001:db8::/32, false", "::ffff:0:0/96, false",
        // the IPv6 internet is global unicast 2000::/3 only: nothing outside it is routed there today
        "::2/127, false", "4000::/2, false", "8000::/1, false", "1fff:ffff::/32, false", "2000::/3, true",
        "3ffe::/16, true", "3fff::/20, false", "2001:2::/48, false"
    })
    void hasPublicAddresses(String cidr, boolean expected) {
        assertThat(PublicSpace.hasPublic(Cidr.parse(cidr))).isEqualTo(expected);
    }

    @Test
    void theFirstPublicPartOfTheWorldIsOneSlashEight() {
        assertThat(PublicSpace.firstPublic(Cidr.ALL_V4)).hasValue(Cidr.parse("1.0.0.0/8"));
        assertThat(PublicSpace.firstPublic(Cidr.parse("10.0.0.0/7"))).hasValue(Cidr.parse("11.0.0.0/8"));
    }

    @Test
    void theFirstPublicPartOfTheIpv6WorldIsTheStartOfGlobalUnicast() {
        assertThat(PublicSpace.firstPublic(Cidr.ALL_V6)).hasValue(Cidr.parse("2000::/16"));
        assertThat(PublicSpace.publicParts(Cidr.ALL_V6)).allMatch(p -> Cidr.parse("2000::/3").contains(p));
    }

    @Test
    void textFollowsAwsAndRfc5952() {
        assertThat(Cidr.parse("::/0")).hasToString("::/0");
        assertThat(Cidr.parse("2600:1F18:0:0:0:0:0:0/56")).hasToString("2600:1f18::/56");
        assertThat(Cidr.parse("10.0.0.1/16")).hasToString("10.0.0.0/16");
        assertThat(Cidr.parse("::ffff:10.0.0.1")).hasToString("::ffff:a00:1/128");
        assertThat(Cidr.parse("10.0.0.1")).hasToString("10.0.0.1/32");
    }

    @Test
    void rejectsWhatIsNotAPrefix() {
        for (String bad : new String[] {"10.0.0.0/33", "10.0.0/8", "256.0.0.0/8", "example.com", "::/129", "1::2::3/64"}) {
            assertThatThrownBy(() -> Cidr.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Property(tries = 2000)
    void aPrefixIsPublicWhenAnyAddressInItIs(@ForAll int address, @ForAll @IntRange(max = 32) int len) {
        Cidr host = new Cidr(false, 0, address & 0xffffffffL, 32);
        Cidr prefix = new Cidr(false, 0, address & 0xffffffffL, len);
        if (PublicSpace.hasPublic(host)) {
            assertThat(PublicSpace.hasPublic(prefix)).isTrue();
        }
        PublicSpace.firstPublic(prefix).ifPresent(p -> {
            assertThat(prefix.contains(p)).isTrue();
            assertThat(PublicSpace.NOT_PUBLIC_V4).noneMatch(n -> n.overlaps(p));
        });
    }
}
