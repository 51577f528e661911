package io.hipaaaudit.analyse.network;

import io.hipaaaudit.inventory.aws.NetworkAcl;
import io.hipaaaudit.inventory.aws.SecurityGroup;
import java.util.Locale;

/**
 * Protocol and port matching for TCP traffic to a database port. Security groups name protocols as
 * {@code -1}, {@code tcp} or an IANA number; network ACLs always use the number. {@code -1} is every protocol and
 * every port; a TCP rule without ports (or with -1) also covers every port, as the EC2 API reports it.
 */
public final class Ports {
    private Ports() {}

    public static final int TCP = 6;
    /** Client ports a reply can go to: the widest range an OS or load balancer uses (RFC 6335 allows from 1024). */
    public static final int EPHEMERAL_FROM = 1024;
    public static final int EPHEMERAL_TO = 65535;

    /** The IANA number of a protocol name or number; -1 for all. Unknown names give -2 (never matches). */
    public static int protocolNumber(String protocol) {
        String p = protocol.trim().toLowerCase(Locale.ROOT);
        return switch (p) {
            case "-1", "all" -> -1;
            case "tcp" -> 6;
            case "udp" -> 17;
            case "icmp" -> 1;
            case "icmpv6" -> 58;
            default -> number(p);
        };
    }

    /** One to three ASCII digits as a number (ACL entries give their protocol so: "6"), else -2. */
    private static int number(String p) {
        if (p.isEmpty() || p.length() > 3) {
            return -2;
        }
        int n = 0;
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c < '0' || c > '9') {
                return -2;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    public static boolean coversTcp(String protocol) {
        int n = protocolNumber(protocol);
        return n == -1 || n == TCP;
    }

    /** True when the security-group rule admits TCP to {@code port}. */
    public static boolean admits(SecurityGroup.Rule r, int port) {
        if (!coversTcp(r.protocol())) {
            return false;
        }
        if (protocolNumber(r.protocol()) == -1) {
            return true;
        }
        int from = r.fromPort().orElse(-1);
        int to = r.toPort().orElse(-1);
        return from == -1 && to == -1 || from <= port && port <= to;
    }

    /** True when the ACL entry matches TCP to {@code port} (the action is the caller's concern). */
    public static boolean matches(NetworkAcl.Entry e, int port) {
        if (!coversTcp(e.protocol())) {
            return false;
        }
        return protocolNumber(e.protocol()) == -1
                || e.portRange().map(r -> r.from() <= port && port <= r.to()).orElse(true);
    }

    /** A short label for evidence: {@code tcp/5432}, {@code tcp/5000-6000}, {@code all}. */
    public static String label(String protocol, int from, int to) {
        int n = protocolNumber(protocol);
        if (n == -1) {
            return "all traffic";
        }
        String name = n == TCP ? "tcp" : protocol;
        return from == -1 || from == to && from < 0 ? name + "/all" : from == to ? name + "/" + from : name + "/" + from + "-" + to;
    }
}
