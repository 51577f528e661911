package io.hipaaaudit.analyse.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.hipaaaudit.inventory.aws.NetworkAcl;
import io.hipaaaudit.inventory.aws.RouteTable;
import io.hipaaaudit.inventory.aws.SecurityGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Longest-prefix match, first-match ACLs and port ranges agree with checking one address (or port) at a time. */
class RoutingPropertiesTest {

    @Provide
    Arbitrary<List<Cidr>> destinations() {
        return SmallUniverse.prefixes(false).list().ofMaxSize(8).uniqueElements();
    }

    @Provide
    Arbitrary<Cidr> v4() {
        return SmallUniverse.prefixes(false);
    }

    @Property(tries = 1000)
    void lookupGivesEachAddressItsLongestMatch(@ForAll("destinations") List<Cidr> dests, @ForAll("v4") Cidr query) {
        List<RouteTable.Route> routes = new ArrayList<>();
        for (int i = 0; i < dests.size(); i++) {
            routes.add(new RouteTable.Route(Optional.of(dests.get(i).toString()), null, null, "transit-gateway",
                    "tgw-" + i, "active", null));
        }
        RouteTable t = new RouteTable("1", "r", "rtb-1", null, "vpc-1", routes, List.of(), Map.of());
        Routes r = Routes.of(t, id -> Optional.empty()).orElseThrow();
        List<Routes.Hop> hops = r.lookup(query);
        assertThat(SmallUniverse.union(hops.stream().map(Routes.Hop::part).toList()))
                .isEqualTo(SmallUniverse.addresses(query));
        for (Routes.Hop hop : hops) {
            for (int a = SmallUniverse.host(hop.part()); a < SmallUniverse.host(hop.part())
                    + (1 << (32 - hop.part().prefix())); a++) {
                Cidr addr = SmallUniverse.address(false, a);
                Optional<Cidr> best = dests.stream().filter(d -> d.contains(addr))
                        .max(java.util.Comparator.comparingInt(Cidr::prefix));
                assertThat(hop.route().map(RouteEntry::cidr)).as("route for " + addr).isEqualTo(best);
            }
        }
    }

    @Provide
    Arbitrary<List<NetworkAcl.Entry>> entries() {
        Arbitrary<NetworkAcl.Entry> entry = Combinators.combine(Arbitraries.integers().between(1, 200),
                Arbitraries.of("allow", "deny"), SmallUniverse.prefixes(false), Arbitraries.of("6", "-1", "17"),
                Arbitraries.integers().between(5400, 5440), Arbitraries.integers().between(0, 40))
                .as((n, action, cidr, proto, from, len) -> new NetworkAcl.Entry(n, false, proto, action,
                        Optional.of(cidr.toString()), Optional.empty(),
                        proto.equals("-1") ? Optional.empty() : Optional.of(new NetworkAcl.PortRange(from, from + len))));
        return entry.list().ofMaxSize(6).uniqueElements(NetworkAcl.Entry::ruleNumber);
    }

    @Property(tries = 1000)
    void aclDecidesEachAddressByItsFirstMatchingEntry(@ForAll("entries") List<NetworkAcl.Entry> entries,
                                                      @ForAll("v4") Cidr range,
                                                      @ForAll @IntRange(min = 5400, max = 5480) int port) {
        NetworkAcl acl = new NetworkAcl("1", "r", "acl-1", null, "vpc-1", false, entries, List.of(), Map.of());
        List<AclEvaluation.Decision> decisions = AclEvaluation.evaluate(acl, false, range, port);
        assertThat(SmallUniverse.union(decisions.stream().map(AclEvaluation.Decision::part).toList()))
                .isEqualTo(SmallUniverse.addresses(range));
        for (AclEvaluation.Decision d : decisions) {
            for (int a = SmallUniverse.host(d.part()); a < SmallUniverse.host(d.part())
                    + (1 << (32 - d.part().prefix())); a++) {
                Cidr addr = SmallUniverse.address(false, a);
                Optional<NetworkAcl.Entry> first = entries.stream()
                        .sorted(java.util.Comparator.comparingInt(NetworkAcl.Entry::ruleNumber))
                        .filter(e -> Cidr.parse(e.cidrBlock().orElseThrow()).contains(addr))
                        .filter(e -> e.protocol().equals("-1") || e.protocol().equals("6")
                                && e.portRange().orElseThrow().from() <= port && port <= e.portRange().orElseThrow().to())
                        .findFirst();
                assertThat(d.entry()).as("entry for " + addr).isEqualTo(first);
                assertThat(d.allowed()).isEqualTo(first.map(e -> e.action().equals("allow")).orElse(false));
            }
        }
    }

    @Property(tries = 2000)
    void securityGroupRuleAdmitsExactlyItsPortRange(@ForAll("protocols") String protocol,
                                                     @ForAll @IntRange(min = -1, max = 70) int from,
                                                     @ForAll @IntRange(min = -1, max = 70) int to,
                                                     @ForAll @IntRange(min = 0, max = 70) int port) {
        SecurityGroup.Rule r = new SecurityGroup.Rule(null, protocol, Optional.of(from), Optional.of(to), null, null,
                null, null, null);
        boolean allProtocols = protocol.equals("-1");
        boolean tcp = protocol.equalsIgnoreCase("tcp") || protocol.equals("6");
        boolean expected = allProtocols || tcp && (from == -1 && to == -1 || java.util.stream.IntStream
                .rangeClosed(from, to).anyMatch(p -> p == port));
        assertThat(Ports.admits(r, port)).isEqualTo(expected);
    }

    @Provide
    Arbitrary<String> protocols() {
        return Arbitraries.of("-1", "tcp", "6", "udp", "17", "icmp", "icmpv6", "58", "TCP");
    }
}
