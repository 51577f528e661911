package io.hipaaaudit.analyse.network;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Protocol names and numbers as security groups ("tcp", "-1") and network ACLs ("6", "-1") give them. */
class PortsTest {
    @Test
    void protocolNamesAndNumbers() {
        assertThat(Ports.protocolNumber("tcp")).isEqualTo(6);
        assertThat(Ports.protocolNumber(" TCP ")).isEqualTo(6);
        assertThat(Ports.protocolNumber("6")).isEqualTo(6);
        assertThat(Ports.protocolNumber("006")).isEqualTo(6);
        assertThat(Ports.protocolNumber("17")).isEqualTo(17);
        assertThat(Ports.protocolNumber("udp")).isEqualTo(17);
        assertThat(Ports.protocolNumber("-1")).isEqualTo(-1);
        assertThat(Ports.protocolNumber("all")).isEqualTo(-1);
        assertThat(Ports.protocolNumber("icmpv6")).isEqualTo(58);
        assertThat(Ports.protocolNumber("255")).isEqualTo(255);
    }

    @Test
    void anythingElseNeverMatches() {
        assertThat(Ports.protocolNumber("")).isEqualTo(-2);
        assertThat(Ports.protocolNumber("1234")).isEqualTo(-2);
        assertThat(Ports.protocolNumber("-2")).isEqualTo(-2);
        assertThat(Ports.protocolNumber("\u0666")).isEqualTo(-2); // an Arabic-Indic six is no protocol number
        assertThat(Ports.protocolNumber("gre")).isEqualTo(-2);
        assertThat(Ports.coversTcp("\u0666")).isFalse();
    }
}
