package io.hipaaaudit.template;

import io.hipaaaudit.inventory.ResourceTypes;
import io.hipaaaudit.inventory.aws.FlowLog;
import io.hipaaaudit.inventory.aws.InternetGateway;
import io.hipaaaudit.inventory.aws.NatGateway;
import io.hipaaaudit.inventory.aws.NetworkAcl;
import io.hipaaaudit.inventory.aws.RouteTable;
import io.hipaaaudit.inventory.aws.SecurityGroup;
import io.hipaaaudit.inventory.aws.Subnet;
import io.hipaaaudit.inventory.aws.Vpc;
import io.hipaaaudit.inventory.aws.VpcEndpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The EC2 network resources of a template as the inventory records a live scan collects. What CloudFormation
 * creates implicitly is added: each VPC's main route table (subnets without an association use it), its default
 * network ACL (allows all; subnets without an association use it) and its default security group (all traffic
 * from itself in, all out). Every custom network ACL ends with the deny-all entries (rule 32767) EC2 adds.
 */
final class NetworkMapping {
    private final Mapped out;

    NetworkMapping(Mapped out) {
        this.out = out;
    }

    static String mainTable(String vpc) {
        return vpc + ".MainRouteTable";
    }

    static String defaultAcl(String vpc) {
        return vpc + ".DefaultNetworkAcl";
    }

    static String defaultGroup(String vpc) {
        return vpc + ".DefaultSecurityGroup";
    }

    void map(List<Declared> all) {
        Map<String, List<String>> vpcCidrs = new TreeMap<>();
        for (Declared d : of(all, "AWS::EC2::VPC")) {
            Props p = out.props(d, ResourceTypes.VPC);
            List<String> cidrs = p.string("CidrBlock", "cidrBlocks").map(List::of).orElse(List.of());
            vpcCidrs.put(d.logicalId(), cidrs);
        }
        for (Declared d : of(all, "AWS::EC2::VPCCidrBlock")) {
            Props p = out.props(d, ResourceTypes.VPC);
            p.string("VpcId", "").ifPresent(v -> p.string("CidrBlock", "cidrBlocks")
                    .ifPresent(c -> vpcCidrs.computeIfAbsent(v, k -> new ArrayList<>()).add(c)));
        }
        for (Declared d : of(all, "AWS::EC2::VPC")) {
            String id = d.logicalId();
            boolean ipv6 = of(all, "AWS::EC2::VPCCidrBlock").stream()
                    .anyMatch(c -> id.equals(c.properties().get("VpcId")));
            out.vpcs.add(new Vpc(out.account, out.region, id, null, List.copyOf(vpcCidrs.get(id)), List.of(),
                    false, d.tags()));
            if (ipv6) {
                out.ipv6Vpcs.add(id);
                out.unknown(d, ResourceTypes.VPC, "ipv6CidrBlocks", "VPCCidrBlock",
                        "an Amazon-provided IPv6 block is assigned at deploy");
            }
        }
        Map<String, String> subnetVpc = new TreeMap<>();
        List<Declared> subnets = of(all, "AWS::EC2::Subnet");
        for (Declared d : subnets) {
            Props p = out.props(d, ResourceTypes.SUBNET);
            String vpc = p.string("VpcId", "vpcId").orElse("");
            subnetVpc.put(d.logicalId(), vpc);
            List<String> v6 = p.has("Ipv6CidrBlock") ? p.string("Ipv6CidrBlock", "ipv6CidrBlocks").map(List::of)
                    .orElse(List.of()) : List.of();
            // MapPublicIpOnLaunch and AssignIpv6AddressOnCreation: "Default: false" (AWS::EC2::Subnet)
            out.subnets.add(new Subnet(out.account, out.region, d.logicalId(), null, vpc,
                    p.string("AvailabilityZone", "availabilityZone").orElse(""), p.string("CidrBlock", "cidrBlock"),
                    v6, p.bool("MapPublicIpOnLaunch", "mapPublicIpOnLaunch", false),
                    p.bool("AssignIpv6AddressOnCreation", "assignIpv6AddressOnCreation", false), d.tags()));
        }
        out.subnetVpc.putAll(subnetVpc);
        gateways(all);
        routeTables(all, vpcCidrs, subnetVpc);
        acls(all, subnetVpc);
        securityGroups(all);
        flowLogs(all);
        endpoints(all);
    }

    private void gateways(List<Declared> all) {
        Map<String, List<String>> attached = new TreeMap<>();
        for (Declared d : of(all, "AWS::EC2::VPCGatewayAttachment")) {
            Props p = out.props(d, ResourceTypes.INTERNET_GATEWAY);
            p.string("InternetGatewayId", "attachedVpcIds").ifPresent(igw -> p.string("VpcId", "attachedVpcIds")
                    .ifPresent(vpc -> attached.computeIfAbsent(igw, k -> new ArrayList<>()).add(vpc)));
        }
        for (Declared d : of(all, "AWS::EC2::InternetGateway")) {
            out.internetGateways.add(new InternetGateway(out.account, out.region, d.logicalId(), null, false,
                    attached.getOrDefault(d.logicalId(), List.of()), d.tags()));
        }
        for (Declared d : of(all, "AWS::EC2::EgressOnlyInternetGateway")) {
            Props p = out.props(d, ResourceTypes.INTERNET_GATEWAY);
            out.internetGateways.add(new InternetGateway(out.account, out.region, d.logicalId(), null, true,
                    p.string("VpcId", "attachedVpcIds").map(List::of).orElse(List.of()), d.tags()));
        }
        for (Declared d : of(all, "AWS::EC2::NatGateway")) {
            Props p = out.props(d, ResourceTypes.NAT_GATEWAY);
            String subnet = p.string("SubnetId", "subnetId").orElse("");
            // ConnectivityType: "Default: public" (AWS::EC2::NatGateway)
            out.natGateways.add(new NatGateway(out.account, out.region, d.logicalId(), null,
                    out.subnetVpc.getOrDefault(subnet, ""), subnet, "available",
                    p.string("ConnectivityType", "connectivityType").orElse("public"), d.tags()));
        }
    }

    private void routeTables(List<Declared> all, Map<String, List<String>> vpcCidrs, Map<String, String> subnetVpc) {
        Map<String, List<RouteTable.Route>> routes = new TreeMap<>();
        for (Declared d : of(all, "AWS::EC2::Route")) {
            Props p = out.props(d, ResourceTypes.ROUTE_TABLE);
            Optional<String> table = p.string("RouteTableId", "routes");
            table.ifPresent(t -> routes.computeIfAbsent(t, k -> new ArrayList<>()).add(route(p)));
        }
        for (Declared d : of(all, "AWS::EC2::VPCEndpoint")) {
            Props p = out.props(d, ResourceTypes.VPC_ENDPOINT);
            // VpcEndpointType: "Default: Gateway"; a gateway endpoint adds a route to the service's prefix list
            if (p.string("VpcEndpointType", "type").orElse("Gateway").equals("Gateway")) {
                String service = p.string("ServiceName", "serviceName").orElse("unknown");
                for (String t : p.strings("RouteTableIds", "routes").orElse(List.of())) {
                    routes.computeIfAbsent(t, k -> new ArrayList<>()).add(new RouteTable.Route(Optional.empty(),
                            Optional.empty(), Optional.of(out.prefixList(service)), "gateway-endpoint",
                            d.logicalId(), "active", Optional.of("CreateRoute")));
                }
            }
        }
        Map<String, List<RouteTable.Association>> assoc = new TreeMap<>();
        java.util.Set<String> associated = new java.util.HashSet<>();
        for (Declared d : of(all, "AWS::EC2::SubnetRouteTableAssociation")) {
            Props p = out.props(d, ResourceTypes.ROUTE_TABLE);
            Optional<String> table = p.string("RouteTableId", "associations");
            Optional<String> subnet = p.string("SubnetId", "associations");
            if (table.isPresent() && subnet.isPresent()) {
                associated.add(subnet.get());
                assoc.computeIfAbsent(table.get(), k -> new ArrayList<>())
                        .add(new RouteTable.Association(d.logicalId(), false, subnet, Optional.empty()));
            }
        }
        for (Declared d : of(all, "AWS::EC2::RouteTable")) {
            Props p = out.props(d, ResourceTypes.ROUTE_TABLE);
            String vpc = p.string("VpcId", "vpcId").orElse("");
            List<RouteTable.Route> rs = new ArrayList<>(local(vpcCidrs.getOrDefault(vpc, List.of())));
            rs.addAll(routes.getOrDefault(d.logicalId(), List.of()));
            out.routeTables.add(new RouteTable(out.account, out.region, d.logicalId(), null, vpc, rs,
                    assoc.getOrDefault(d.logicalId(), List.of()), d.tags()));
        }
        for (Map.Entry<String, List<String>> vpc : vpcCidrs.entrySet()) {
            if (out.vpcs.stream().noneMatch(v -> v.id().equals(vpc.getKey()))) {
                continue;
            }
            String main = mainTable(vpc.getKey());
            List<RouteTable.Route> rs = new ArrayList<>(local(vpc.getValue()));
            rs.addAll(routes.getOrDefault(main, List.of()));
            out.routeTables.add(new RouteTable(out.account, out.region, main, null, vpc.getKey(), rs,
                    List.of(new RouteTable.Association(main + ".Main", true, Optional.empty(), Optional.empty())),
                    Map.of()));
        }
    }

    private static List<RouteTable.Route> local(List<String> cidrs) {
        return cidrs.stream().map(c -> new RouteTable.Route(Optional.of(c), Optional.empty(), Optional.empty(),
                "local", "local", "active", Optional.of("CreateRouteTable"))).toList();
    }

    /** A route; one whose destination or target the template leaves unknown decides nothing: type unknown. */
    private RouteTable.Route route(Props p) {
        Optional<String> v4 = p.has("DestinationCidrBlock") ? p.string("DestinationCidrBlock", "routes") : Optional.empty();
        Optional<String> v6 = p.has("DestinationIpv6CidrBlock") ? p.string("DestinationIpv6CidrBlock", "routes")
                : Optional.empty();
        Optional<String> pl = p.has("DestinationPrefixListId") ? p.string("DestinationPrefixListId", "routes")
                : Optional.empty();
        String[][] targets = {{"GatewayId", ""}, {"NatGatewayId", "nat-gateway"},
                {"EgressOnlyInternetGatewayId", "egress-only-internet-gateway"}, {"TransitGatewayId", "transit-gateway"},
                {"VpcPeeringConnectionId", "vpc-peering-connection"}, {"InstanceId", "instance"},
                {"NetworkInterfaceId", "network-interface"}, {"VpcEndpointId", "gateway-load-balancer-endpoint"},
                {"CarrierGatewayId", "carrier-gateway"}, {"LocalGatewayId", "local-gateway"},
                {"CoreNetworkArn", "core-network"}};
        String type = "unknown";
        String target = "";
        for (String[] t : targets) {
            if (p.has(t[0])) {
                Optional<String> id = p.string(t[0], "routes");
                if (id.isPresent()) {
                    target = id.get();
                    type = t[1].isEmpty() ? gatewayType(target) : t[1];
                }
                break;
            }
        }
        if (v4.isEmpty() && v6.isEmpty() && pl.isEmpty()) {
            // the destination is unknown: the route may win any address
            return new RouteTable.Route(Optional.of("0.0.0.0/0"), Optional.empty(), Optional.empty(), "unknown", target,
                    "active", Optional.of("CreateRoute"));
        }
        return new RouteTable.Route(v4, v6, pl, type, target, "active", Optional.of("CreateRoute"));
    }

    private String gatewayType(String target) {
        Optional<String> t = out.typeOf(target);
        if (t.isPresent()) {
            return switch (t.get()) {
                case "AWS::EC2::InternetGateway" -> "internet-gateway";
                case "AWS::EC2::VPNGateway" -> "virtual-private-gateway";
                default -> "unknown";
            };
        }
        if (target.startsWith("igw-")) {
            return "internet-gateway";
        }
        if (target.startsWith("vgw-")) {
            return "virtual-private-gateway";
        }
        return target.equals("local") ? "local" : "unknown";
    }

    private void acls(List<Declared> all, Map<String, String> subnetVpc) {
        Map<String, List<NetworkAcl.Entry>> entries = new TreeMap<>();
        for (Declared d : of(all, "AWS::EC2::NetworkAclEntry")) {
            Props p = out.props(d, ResourceTypes.NETWORK_ACL);
            Optional<String> acl = p.string("NetworkAclId", "entries");
            if (acl.isEmpty()) {
                continue;
            }
            Optional<Integer> number = p.integer("RuleNumber", "entries", null);
            Optional<String> protocol = p.string("Protocol", "entries");
            Optional<String> action = p.string("RuleAction", "entries");
            Optional<Boolean> egress = p.bool("Egress", "entries", false);
            Optional<String> v4 = p.has("CidrBlock") ? p.string("CidrBlock", "entries") : Optional.empty();
            Optional<String> v6 = p.has("Ipv6CidrBlock") ? p.string("Ipv6CidrBlock", "entries") : Optional.empty();
            Optional<NetworkAcl.PortRange> ports = Optional.empty();
            if (p.raw("PortRange") instanceof Map<?, ?> r) {
                try {
                    ports = Optional.of(new NetworkAcl.PortRange(Integer.parseInt(Intrinsics.text(r.get("From"))),
                            Integer.parseInt(Intrinsics.text(r.get("To")))));
                } catch (NumberFormatException e) {
                    p.unknown("PortRange", "entries", "not a port range");
                }
            }
            if (number.isPresent() && protocol.isPresent() && action.isPresent() && egress.isPresent()
                    && (v4.isPresent() || v6.isPresent())) {
                entries.computeIfAbsent(acl.get(), k -> new ArrayList<>()).add(new NetworkAcl.Entry(number.get(),
                        egress.get(), protocol.get(), action.get().toLowerCase(java.util.Locale.ROOT), v4, v6, ports));
            }
        }
        Map<String, List<String>> members = new TreeMap<>();
        java.util.Set<String> associated = new java.util.HashSet<>();
        for (Declared d : of(all, "AWS::EC2::SubnetNetworkAclAssociation")) {
            Props p = out.props(d, ResourceTypes.NETWORK_ACL);
            Optional<String> acl = p.string("NetworkAclId", "subnetIds");
            Optional<String> subnet = p.string("SubnetId", "subnetIds");
            if (acl.isPresent() && subnet.isPresent()) {
                associated.add(subnet.get());
                members.computeIfAbsent(acl.get(), k -> new ArrayList<>()).add(subnet.get());
            }
        }
        for (Declared d : of(all, "AWS::EC2::NetworkAcl")) {
            Props p = out.props(d, ResourceTypes.NETWORK_ACL);
            List<NetworkAcl.Entry> es = new ArrayList<>(entries.getOrDefault(d.logicalId(), List.of()));
            es.addAll(denyAll());
            out.networkAcls.add(new NetworkAcl(out.account, out.region, d.logicalId(), null,
                    p.string("VpcId", "vpcId").orElse(""), false, es, members.getOrDefault(d.logicalId(), List.of()),
                    d.tags()));
        }
        for (Vpc vpc : List.copyOf(out.vpcs)) {
            String id = defaultAcl(vpc.id());
            List<NetworkAcl.Entry> es = new ArrayList<>();
            es.addAll(entries.getOrDefault(id, List.of()));
            for (boolean egress : new boolean[] {false, true}) {
                es.add(new NetworkAcl.Entry(100, egress, "-1", "allow", Optional.of("0.0.0.0/0"), Optional.empty(),
                        Optional.empty()));
                if (out.ipv6Vpcs.contains(vpc.id())) {
                    // the ::/0 entries exist only in a VPC with an IPv6 block
                    es.add(new NetworkAcl.Entry(101, egress, "-1", "allow", Optional.empty(), Optional.of("::/0"),
                            Optional.empty()));
                }
            }
            es.addAll(denyAll());
            List<String> subnets = subnetVpc.entrySet().stream().filter(e -> e.getValue().equals(vpc.id()))
                    .map(Map.Entry::getKey).filter(s -> !associated.contains(s)).toList();
            out.networkAcls.add(new NetworkAcl(out.account, out.region, id, null, vpc.id(), true, es, subnets,
                    Map.of()));
        }
    }

    private static List<NetworkAcl.Entry> denyAll() {
        List<NetworkAcl.Entry> es = new ArrayList<>();
        for (boolean egress : new boolean[] {false, true}) {
            es.add(new NetworkAcl.Entry(32767, egress, "-1", "deny", Optional.of("0.0.0.0/0"), Optional.empty(),
                    Optional.empty()));
            es.add(new NetworkAcl.Entry(32768, egress, "-1", "deny", Optional.empty(), Optional.of("::/0"),
                    Optional.empty()));
        }
        return es;
    }

    private void securityGroups(List<Declared> all) {
        Map<String, List<SecurityGroup.Rule>> ingress = new TreeMap<>();
        Map<String, List<SecurityGroup.Rule>> egress = new TreeMap<>();
        for (String kind : List.of("Ingress", "Egress")) {
            for (Declared d : of(all, "AWS::EC2::SecurityGroup" + kind)) {
                Props p = out.props(d, ResourceTypes.SECURITY_GROUP);
                String field = kind.toLowerCase(java.util.Locale.ROOT);
                Optional<String> group = p.string("GroupId", field);
                if (group.isEmpty()) {
                    continue;
                }
                rule(p, d.logicalId(), kind.equals("Egress"), field)
                        .ifPresent(r -> (kind.equals("Egress") ? egress : ingress)
                                .computeIfAbsent(group.get(), k -> new ArrayList<>()).add(r));
            }
        }
        for (Declared d : of(all, "AWS::EC2::SecurityGroup")) {
            Props p = out.props(d, ResourceTypes.SECURITY_GROUP);
            List<SecurityGroup.Rule> in = new ArrayList<>(inline(d, p, "SecurityGroupIngress", false));
            in.addAll(ingress.getOrDefault(d.logicalId(), List.of()));
            List<SecurityGroup.Rule> eg = new ArrayList<>(inline(d, p, "SecurityGroupEgress", true));
            if (!p.has("SecurityGroupEgress")) {
                // "When you specify a VPC security group, Amazon EC2 creates a default egress rule that allows
                // egress traffic on all ports and IP protocols to any location" (AWS::EC2::SecurityGroup)
                eg.add(new SecurityGroup.Rule(Optional.empty(), "-1", Optional.empty(), Optional.empty(),
                        Optional.of("0.0.0.0/0"), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
            }
            eg.addAll(egress.getOrDefault(d.logicalId(), List.of()));
            out.securityGroups.add(new SecurityGroup(out.account, out.region, d.logicalId(), null,
                    p.string("GroupName", "name").orElse(d.logicalId()), p.string("GroupDescription", "description")
                    .orElse(""), p.string("VpcId", "vpcId").orElse(""), null, in, eg, d.tags()));
        }
        // the CDK's restrictDefaultSecurityGroup: a custom resource that removes the default group's rules
        java.util.Set<String> restricted = new java.util.HashSet<>();
        for (Declared d : of(all, "Custom::VpcRestrictDefaultSG")) {
            out.props(d, ResourceTypes.SECURITY_GROUP).string("DefaultSecurityGroupId", "ingress")
                    .ifPresent(restricted::add);
        }
        for (Vpc vpc : List.copyOf(out.vpcs)) {
            String id = defaultGroup(vpc.id());
            if (restricted.contains(id)) {
                out.securityGroups.add(new SecurityGroup(out.account, out.region, id, null, "default",
                        "default VPC security group", vpc.id(), null, ingress.getOrDefault(id, List.of()),
                        egress.getOrDefault(id, List.of()), Map.of()));
                continue;
            }
            List<SecurityGroup.Rule> in = new ArrayList<>(List.of(new SecurityGroup.Rule(Optional.empty(), "-1",
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.of(new SecurityGroup.GroupReference(id, Optional.empty(), Optional.empty(),
                            Optional.empty())), Optional.empty())));
            in.addAll(ingress.getOrDefault(id, List.of()));
            List<SecurityGroup.Rule> eg = new ArrayList<>(List.of(new SecurityGroup.Rule(Optional.empty(), "-1",
                    Optional.empty(), Optional.empty(), Optional.of("0.0.0.0/0"), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty())));
            eg.addAll(egress.getOrDefault(id, List.of()));
            out.securityGroups.add(new SecurityGroup(out.account, out.region, id, null, "default",
                    "default VPC security group", vpc.id(), null, in, eg, Map.of()));
        }
    }

    private List<SecurityGroup.Rule> inline(Declared d, Props p, String property, boolean egress) {
        if (!p.has(property)) {
            return List.of();
        }
        Optional<Object> v = p.value(property, egress ? "egress" : "ingress");
        if (v.isEmpty() || !(v.get() instanceof List<?> rules)) {
            return List.of();
        }
        List<SecurityGroup.Rule> out = new ArrayList<>();
        int i = 0;
        for (Object r : rules) {
            if (r instanceof Map<?, ?> m) {
                @SuppressWarnings("unchecked")
                Map<String, Object> values = (Map<String, Object>) m;
                Props rp = new Props(new Resource(d.logicalId(), d.type(), ResourceTypes.SECURITY_GROUP,
                        this.out.account, this.out.region, d.tags()), values, this.out.errors, property + "[" + i + "]");
                rule(rp, d.logicalId() + "." + property + "[" + i + "]", egress, egress ? "egress" : "ingress")
                        .ifPresent(out::add);
            }
            i++;
        }
        return out;
    }

    /** One rule; a rule with an unknown source or port is left out and its group's rules are unknown. */
    private Optional<SecurityGroup.Rule> rule(Props p, String id, boolean egress, String field) {
        Optional<String> protocol = p.string("IpProtocol", field).map(NetworkMapping::protocol);
        boolean all = protocol.map("-1"::equals).orElse(false);
        Optional<Integer> from = all || !p.has("FromPort") ? Optional.empty() : p.integer("FromPort", field, null);
        Optional<Integer> to = all || !p.has("ToPort") ? Optional.empty() : p.integer("ToPort", field, null);
        String peer = egress ? "Destination" : "Source";
        Optional<String> v4 = p.has("CidrIp") ? p.string("CidrIp", field) : Optional.empty();
        Optional<String> v6 = p.has("CidrIpv6") ? p.string("CidrIpv6", field) : Optional.empty();
        Optional<String> pl = p.has(peer + "PrefixListId") ? p.string(peer + "PrefixListId", field) : Optional.empty();
        Optional<String> group = p.has(peer + "SecurityGroupId") ? p.string(peer + "SecurityGroupId", field)
                : Optional.empty();
        int errorsBefore = this.out.errors.size();
        boolean unknownPorts = !all && ((p.has("FromPort") && from.isEmpty()) || (p.has("ToPort") && to.isEmpty()));
        if (protocol.isEmpty() || unknownPorts || (v4.isEmpty() && v6.isEmpty() && pl.isEmpty() && group.isEmpty())) {
            if (this.out.errors.size() == errorsBefore) {
                p.unknown(peer, field, "the rule names no source the template settles");
            }
            return Optional.empty();
        }
        return Optional.of(new SecurityGroup.Rule(Optional.of(id), protocol.get(), from, to, v4, v6, pl,
                group.map(g -> new SecurityGroup.GroupReference(g, Optional.empty(), Optional.empty(), Optional.empty())),
                p.has("Description") ? p.string("Description", "") : Optional.empty()));
    }

    /** EC2 answers the protocol names for 6, 17, 1 and 58. */
    private static String protocol(String p) {
        return switch (p.toLowerCase(java.util.Locale.ROOT)) {
            case "6" -> "tcp";
            case "17" -> "udp";
            case "1" -> "icmp";
            case "58" -> "icmpv6";
            default -> p.toLowerCase(java.util.Locale.ROOT);
        };
    }

    private void flowLogs(List<Declared> all) {
        for (Declared d : of(all, "AWS::EC2::FlowLog")) {
            Props p = out.props(d, ResourceTypes.FLOW_LOG);
            // delivery is known only once the log delivers: the post-deploy scan judges it
            out.flowLogs.add(new FlowLog(out.account, out.region, d.logicalId(), null,
                    p.string("ResourceId", "resourceId").orElse(""), p.string("TrafficType", "trafficType").orElse(""),
                    "ACTIVE", "", Optional.empty(),
                    p.string("LogDestinationType", "logDestinationType").orElse("cloud-watch-logs"), d.tags()));
        }
    }

    private void endpoints(List<Declared> all) {
        for (Declared d : of(all, "AWS::EC2::VPCEndpoint")) {
            Props p = out.props(d, ResourceTypes.VPC_ENDPOINT);
            Optional<String> type = p.has("VpcEndpointType") ? p.string("VpcEndpointType", "type")
                    : Optional.of("Gateway");
            Optional<String> policy = p.has("PolicyDocument") ? p.document("PolicyDocument", "policy")
                    : Optional.of(DEFAULT_ENDPOINT_POLICY);
            // PrivateDnsEnabled: "Default: false" (AWS::EC2::VPCEndpoint)
            out.vpcEndpoints.add(new VpcEndpoint(out.account, out.region, d.logicalId(), null,
                    p.string("VpcId", "vpcId").orElse(""), p.string("ServiceName", "serviceName"), type,
                    Optional.of("available"), p.bool("PrivateDnsEnabled", "privateDnsEnabled", false), policy,
                    p.strings("SubnetIds", "subnetIds").orElse(List.of()), d.tags()));
        }
    }

    /** "If you don't specify a policy, we attach a default policy that allows full access to the service." */
    static final String DEFAULT_ENDPOINT_POLICY =
            "{\"Statement\":[{\"Action\":\"*\",\"Effect\":\"Allow\",\"Principal\":\"*\",\"Resource\":\"*\"}]}";

    static List<Declared> of(List<Declared> all, String type) {
        return all.stream().filter(d -> d.type().equals(type)).toList();
    }
}
