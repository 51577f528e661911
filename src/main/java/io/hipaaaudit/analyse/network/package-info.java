/**
 * Network exposure: the tier of every subnet and who can reach every database port, by which path.
 *
 * <p>Semantics, each proven by a property against enumeration or by a scenario:
 * <ul>
 *   <li>a subnet's route table is its explicit association, else its VPC's main table; routing is
 *       longest-prefix match per address family, prefix-list destinations expanded to their entries. A blackhole
 *       route wins its destinations and drops them, so it masks shorter routes and routes nothing itself;</li>
 *   <li>tiers ({@link io.hipaaaudit.analyse.network.Tier}) count only the destinations a route actually wins,
 *       and only for the families the subnet has addresses in. ISOLATED: local routes only. GATEWAY_ENDPOINT:
 *       besides them only gateway-endpoint routes (the AWS-managed S3 or DynamoDB prefix list to a {@code vpce-}).
 *       CONNECTED: peering, transit gateway, VPN, Outposts, Cloud WAN, or private destinations through an
 *       appliance. PRIVATE_EGRESS: public destinations through a NAT or egress-only gateway or an appliance
 *       (instance, interface, Gateway Load Balancer endpoint: any other route to a {@code vpce-}). PUBLIC: a public
 *       destination through an internet or carrier gateway;</li>
 *   <li>the internet ({@link io.hipaaaudit.analyse.network.PublicSpace}) is, over IPv4, every globally reachable
 *       address of the IANA special-purpose registry, and over IPv6 global unicast {@code 2000::/3} less its
 *       documentation and benchmarking ranges;</li>
 *   <li>security-group rules admit TCP to the port with protocol -1, or tcp/6 with a range holding it; sources
 *       are CIDRs, prefix-list entries, or referenced groups resolved to their observed member interfaces;</li>
 *   <li>network ACLs are first match by rule number over address ranges; traffic between addresses of the same
 *       subnet crosses no ACL. Return traffic must be let out on some port in 1024–65535 (generous on purpose:
 *       an exposure check must not call a reachable database unreachable);</li>
 *   <li>a reply routed to an internet or carrier gateway reaches the internet from a public source only: over
 *       IPv4 when the database is publicly accessible; over IPv6 when it is dual-stack ({@code NetworkType}
 *       DUAL; an IPV4 database has no IPv6 path at all) and publicly accessible, since RDS disables internet
 *       gateway access to a private dual-stack endpoint ({@code Ipv6Endpoint}).
 *       NAT, egress-only and gateway endpoints carry no inbound connection. Peering, transit gateway, VPN,
 *       Outposts, Cloud WAN and appliance routes (instance, interface, Gateway Load Balancer endpoint) give
 *       PEERED_OR_ONPREM.</li>
 * </ul>
 *
 * <p>Fail closed: a missing route table, ACL, security group, prefix list, subnet group, VPC or public flag, an
 * unknown network type where the DB subnets have IPv6 and an IPv6 path depends on it, an unknown route target,
 * an unreadable CIDR, or a collection error covering those types in the database's account and region leaves
 * the dependent facts out, so rules reading them report NOT_ASSESSED.
 *
 * <p>Not modelled: gateway ingress routing (edge associations) and appliances such as Network Firewall in the
 * inbound path, which may filter more than shown; the peer side of a peering connection, transit gateway route
 * tables and on-premises routing (a PEERED_OR_ONPREM path says the database side allows it); the sources' own
 * security-group egress rules; RDS Proxy and load balancers in front of a database; gateway endpoint policies and
 * the onward path of a Gateway Load Balancer endpoint. docs/network.md says all of this for users.
 */
package io.hipaaaudit.analyse.network;
