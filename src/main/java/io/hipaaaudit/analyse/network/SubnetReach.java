package io.hipaaaudit.analyse.network;

import io.hipaaaudit.inventory.aws.NetworkAcl;
import io.hipaaaudit.inventory.aws.Subnet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Paths from one address-range source to a database port in one of its subnets: the security group admits the
 * range; traffic from outside the subnet crosses the ACL inbound; the reply needs a route back (longest prefix
 * match, per piece of the range) and the ACL outbound. Traffic inside the subnet crosses no ACL. A reply routed
 * to a NAT or egress-only gateway goes nowhere for an inbound connection; one routed to an internet gateway
 * reaches the internet only from a public address, which an IPv4 database has only when publicly accessible.
 * Over IPv6 the database must be dual-stack, and an internet gateway reaches it only when it is also publicly
 * accessible (see {@link Ipv6Endpoint}).
 */
final class SubnetReach {
    private final SubnetRouting routing;
    private final NetworkAcl acl;
    private final int port;
    private final Optional<Boolean> publiclyAccessible;
    private final Ipv6Endpoint v6;

    SubnetReach(SubnetRouting routing, NetworkAcl acl, int port, Optional<Boolean> publiclyAccessible,
                Ipv6Endpoint v6) {
        this.routing = routing;
        this.acl = acl;
        this.port = port;
        this.publiclyAccessible = publiclyAccessible;
        this.v6 = v6;
    }

    /** The database's IPv6 endpoint, as far as known. */
    Ipv6Endpoint v6() {
        return v6;
    }

    String subnetId() {
        return routing.subnet().id();
    }

    NetworkAcl acl() {
        return acl;
    }

    SubnetRouting routing() {
        return routing;
    }

    List<Cidr> ownCidrs(boolean v6) {
        Subnet s = routing.subnet();
        return v6 ? s.ipv6CidrBlocks().stream().map(Cidr::parse).toList()
                : s.cidrBlock().map(Cidr::parse).stream().toList();
    }

    /** Empty when a route target is unknown, or a reply via an internet gateway depends on an unknown flag. */
    Optional<List<Path>> fromRange(Ingress in) {
        Cidr src = in.cidr().orElseThrow();
        List<Path> out = new ArrayList<>();
        if (src.v6() ? !routing.hasV6() || v6.kind() == Ipv6Endpoint.Kind.NONE : !routing.hasV4()) {
            return Optional.of(out); // the subnet, or the database, has no address of this family
        }
        List<Cidr> own = ownCidrs(src.v6());
        for (Cidr part : CidrSets.intersect(src, own)) {
            out.add(path(Exposure.VPC_WIDE, part.toString(), "local", "same subnet, no route", "not crossed",
                    "not crossed", in));
        }
        for (Cidr piece : CidrSets.subtract(src, own)) {
            for (AclEvaluation.Decision in1 : AclEvaluation.allowedIn(acl, piece, port)) {
                for (Routes.Hop hop : routing.routes().lookup(in1.part())) {
                    if (hop.route().isEmpty() || hop.route().get().blackhole()) {
                        continue;
                    }
                    Optional<Optional<Exposure>> cls = classify(hop);
                    if (cls.isEmpty()) {
                        return Optional.empty();
                    }
                    if (cls.get().isEmpty()) {
                        continue;
                    }
                    Exposure e = cls.get().get();
                    List<Cidr> sources = e == Exposure.INTERNET ? PublicSpace.publicParts(hop.part()) : List.of(hop.part());
                    for (Cidr s : sources) {
                        List<AclEvaluation.Decision> back = AclEvaluation.allowedReturn(acl, s);
                        if (!back.isEmpty()) {
                            AclEvaluation.Decision out1 = back.get(0);
                            out.add(path(e, out1.part().toString(), gateway(hop.route().get()), hop.route().get().label(),
                                    in1.label(acl.id()), out1.label(acl.id()) + " tcp/" + out1.port(), in));
                            break;
                        }
                    }
                }
            }
        }
        if (src.v6() && !v6.known() && !out.isEmpty()) {
            return Optional.empty(); // these paths exist only if the database has an IPv6 endpoint open to them
        }
        return Optional.of(out);
    }

    /** The exposure a reply route gives (inner empty: none, the connection fails); outer empty: unknown. */
    private Optional<Optional<Exposure>> classify(Routes.Hop hop) {
        String target = hop.route().get().target();
        return switch (target) {
            case "local" -> Optional.of(Optional.of(Exposure.VPC_WIDE));
            case "internet-gateway", "carrier-gateway" -> {
                if (!PublicSpace.hasPublic(hop.part())) {
                    yield Optional.of(Optional.empty());
                }
                if (hop.part().v6()) {
                    // RDS disables internet gateway access to a private dual-stack endpoint
                    yield Optional.of(v6.kind() == Ipv6Endpoint.Kind.PUBLIC ? Optional.of(Exposure.INTERNET)
                            : Optional.<Exposure>empty());
                }
                yield publiclyAccessible.map(p -> p ? Optional.of(Exposure.INTERNET) : Optional.<Exposure>empty());
            }
            // a gateway endpoint carries only connections the VPC opens to S3 or DynamoDB, never one to the database
            case "nat-gateway", "egress-only-internet-gateway", "gateway-endpoint" -> Optional.of(Optional.empty());
            case "virtual-private-gateway", "transit-gateway", "vpc-peering-connection", "local-gateway",
                 "core-network", "instance", "network-interface", "gateway-load-balancer-endpoint" ->
                    Optional.of(Optional.of(Exposure.PEERED_OR_ONPREM));
            default -> Optional.empty();
        };
    }

    private static String gateway(RouteEntry r) {
        return r.route().targetId().isEmpty() ? r.target() : r.route().targetId();
    }

    Path path(Exposure e, String source, String gateway, String route, String aclIn, String aclOut, Ingress in) {
        return new Path(e, source, gateway, route, subnetId(), aclIn, aclOut, in.securityGroup().id(),
                in.ruleLabel(), port);
    }
}
