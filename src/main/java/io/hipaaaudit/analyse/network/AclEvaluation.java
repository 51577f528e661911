package io.hipaaaudit.analyse.network;

import io.hipaaaudit.inventory.aws.NetworkAcl;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * First-match evaluation of a network ACL over a range of addresses. Entries are taken in rule-number order;
 * each decides the part of the range it matches that no lower-numbered entry already decided, so a DENY at 90
 * beats an ALLOW at 100 for the addresses both match. What no entry matches is denied (the {@code *} rule).
 *
 * <p>ACLs are stateless, so a connection also needs its replies let out: TCP from the database port to the
 * client's port. We do not know the client's port; we accept the reply path when any port in 1024–65535 is
 * allowed back. That is the generous reading on purpose: an ACL that lets out only 32768–60999 still lets Linux
 * clients in, and an exposure check must not call a reachable database unreachable.
 */
public final class AclEvaluation {
    private AclEvaluation() {}

    /** A part of the range and the entry that decided it (empty: the implicit deny). */
    public record Decision(Cidr part, Optional<NetworkAcl.Entry> entry, boolean allowed, int port) {
        public String label(String aclId) {
            return aclId + (entry.map(e -> " #" + e.ruleNumber() + " " + e.action()).orElse(" * deny"));
        }
    }

    /** Every part of {@code range} with its first-match decision for TCP to {@code port}. */
    public static List<Decision> evaluate(NetworkAcl acl, boolean egress, Cidr range, int port) {
        List<Decision> out = new ArrayList<>();
        List<Cidr> remaining = List.of(range);
        List<NetworkAcl.Entry> entries = acl.entries().stream().filter(e -> e.egress() == egress)
                .sorted(Comparator.comparingInt(NetworkAcl.Entry::ruleNumber)).toList();
        for (NetworkAcl.Entry e : entries) {
            Optional<Cidr> c = cidr(e, range.v6());
            if (c.isEmpty() || !Ports.matches(e, port) || remaining.isEmpty()) {
                continue;
            }
            boolean allow = "allow".equalsIgnoreCase(e.action());
            List<Cidr> next = new ArrayList<>();
            for (Cidr r : remaining) {
                CidrSets.intersect(r, c.get()).ifPresent(p -> out.add(new Decision(p, Optional.of(e), allow, port)));
                next.addAll(CidrSets.subtract(r, List.of(c.get())));
            }
            remaining = next;
        }
        remaining.forEach(r -> out.add(new Decision(r, Optional.empty(), false, port)));
        return out;
    }

    /** The allowed parts of {@code range} for inbound TCP to {@code port}. */
    public static List<Decision> allowedIn(NetworkAcl acl, Cidr range, int port) {
        return evaluate(acl, false, range, port).stream().filter(Decision::allowed).toList();
    }

    /**
     * The parts of {@code range} that replies may go back to on some ephemeral port. Decisions only change at
     * entry port boundaries, so one port per interval between boundaries decides exactly.
     */
    public static List<Decision> allowedReturn(NetworkAcl acl, Cidr range) {
        TreeSet<Integer> ports = new TreeSet<>(List.of(Ports.EPHEMERAL_FROM));
        for (NetworkAcl.Entry e : acl.entries()) {
            e.portRange().ifPresent(r -> {
                ports.add(r.from());
                ports.add(r.to() + 1);
            });
        }
        List<Decision> out = new ArrayList<>();
        List<Cidr> covered = new ArrayList<>();
        for (int port : ports.subSet(Ports.EPHEMERAL_FROM, true, Ports.EPHEMERAL_TO, true)) {
            for (Decision d : evaluate(acl, true, range, port)) {
                if (d.allowed()) {
                    for (Cidr fresh : CidrSets.subtract(d.part(), covered)) {
                        out.add(new Decision(fresh, d.entry(), true, port));
                        covered.add(fresh);
                    }
                }
            }
        }
        return out;
    }

    static Optional<Cidr> cidr(NetworkAcl.Entry e, boolean v6) {
        Optional<String> text = v6 ? e.ipv6CidrBlock() : e.cidrBlock();
        return text.map(Cidr::parse);
    }
}
