package io.hipaaaudit.analyse.network;

import io.hipaaaudit.inventory.aws.NetworkInterface;
import io.hipaaaudit.inventory.aws.SecurityGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Paths from the members of a referenced security group. A member's traffic carries its private address, so
 * the ACL is checked for each observed member outside the database subnet (a member in the same subnet, as with a
 * group that references itself, crosses no ACL). A group with no observed member still admits whoever joins it
 * later, so it yields one path naming the group. A group across a peering connection needs a route back to the
 * peer; without one in the database subnet's table the connection cannot complete.
 */
final class GroupReach {
    private GroupReach() {}

    static List<Path> paths(SubnetReach at, Ingress in, NetworkIndex index, int port) {
        SecurityGroup.GroupReference ref = in.group().orElseThrow();
        SecurityGroup g = in.securityGroup();
        Exposure e = in.crossVpc() ? Exposure.PEERED_OR_ONPREM : Exposure.RESTRICTED_TO_GROUPS;
        Optional<RouteEntry> anyPeering = at.routing().routes().entries().stream()
                .filter(r -> peering(r, ref)).findFirst();
        if (in.crossVpc() && anyPeering.isEmpty()) {
            return List.of();
        }
        String gateway = in.crossVpc() ? anyPeering.get().route().targetId() : "local";
        String route = in.crossVpc() ? anyPeering.get().label() : "VPC local route";
        List<NetworkInterface> members = index.members(ref.userId().orElse(g.account()), g.region(), ref.groupId());
        List<Path> out = new ArrayList<>();
        if (members.isEmpty()) {
            out.add(at.path(e, "members of " + in.source() + " (none observed)", gateway, route, "not evaluated",
                    "not evaluated", in));
            return out;
        }
        for (NetworkInterface m : members) {
            List<String> ips = new ArrayList<>(m.privateIpAddresses());
            if (at.v6().kind() != Ipv6Endpoint.Kind.NONE) {
                ips.addAll(m.ipv6Addresses()); // an IPv4-only database is reached over IPv4 only
            }
            for (String ip : ips) {
                Cidr c = Cidr.parse(ip);
                String source = ip + " (" + m.id() + " in " + ref.groupId() + ")";
                if (m.subnetId().equals(at.subnetId())) {
                    out.add(at.path(e, source, gateway, "same subnet, no route", "not crossed", "not crossed", in));
                    continue;
                }
                String memberRoute = route;
                if (in.crossVpc()) {
                    // a known peer address must itself route back over the peering connection
                    Optional<RouteEntry> peerRoute = at.routing().routes().lookup(c).get(0).route()
                            .filter(r -> peering(r, ref));
                    if (peerRoute.isEmpty()) {
                        continue;
                    }
                    memberRoute = peerRoute.get().label();
                }
                List<AclEvaluation.Decision> inOk = AclEvaluation.allowedIn(at.acl(), c, port);
                List<AclEvaluation.Decision> back = AclEvaluation.allowedReturn(at.acl(), c);
                if (!inOk.isEmpty() && !back.isEmpty()) {
                    out.add(at.path(e, source, gateway, memberRoute, inOk.get(0).label(at.acl().id()),
                            back.get(0).label(at.acl().id()) + " tcp/" + back.get(0).port(), in));
                }
            }
        }
        return out;
    }

    private static boolean peering(RouteEntry r, SecurityGroup.GroupReference ref) {
        return !r.blackhole() && r.target().equals("vpc-peering-connection")
                && ref.vpcPeeringConnectionId().map(p -> p.equals(r.route().targetId())).orElse(true);
    }
}
