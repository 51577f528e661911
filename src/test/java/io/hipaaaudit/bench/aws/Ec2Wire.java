package io.hipaaaudit.bench.aws;

import static io.hipaaaudit.bench.aws.SyntheticAccount.ACCOUNT;

import io.hipaaaudit.bench.aws.RegionModel.Eni;
import io.hipaaaudit.bench.aws.RegionModel.FlowLog;
import io.hipaaaudit.bench.aws.RegionModel.Gateway;
import io.hipaaaudit.bench.aws.RegionModel.Nat;
import io.hipaaaudit.bench.aws.RegionModel.NetworkAcl;
import io.hipaaaudit.bench.aws.RegionModel.PrefixList;
import io.hipaaaudit.bench.aws.RegionModel.RouteTable;
import io.hipaaaudit.bench.aws.RegionModel.SecurityGroup;
import io.hipaaaudit.bench.aws.RegionModel.Subnet;
import io.hipaaaudit.bench.aws.RegionModel.Vpc;
import java.util.List;

/** EC2 items in the query protocol's XML (lower-case elements, {@code <item>} lists), as EC2 sends them. */
final class Ec2Wire {
    private Ec2Wire() {}

    static String page(String action, String setElement, List<String> items, String nextToken) {
        StringBuilder b = new StringBuilder(256 + items.size() * 600);
        b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<").append(action)
                .append("Response xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\"><requestId>")
                .append(java.util.UUID.randomUUID()).append("</requestId><").append(setElement).append('>');
        items.forEach(b::append);
        b.append("</").append(setElement).append('>');
        if (nextToken != null) {
            b.append("<nextToken>").append(nextToken).append("</nextToken>");
        }
        return b.append("</").append(action).append("Response>").toString();
    }

    static String error(String code, String message) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response><Errors><Error><Code>" + code + "</Code><Message>"
                + message + "</Message></Error></Errors><RequestID>" + java.util.UUID.randomUUID()
                + "</RequestID></Response>";
    }

    static String vpc(Vpc v) {
        return "<item><vpcId>" + v.id() + "</vpcId><ownerId>" + ACCOUNT + "</ownerId><state>available</state><cidrBlock>"
                + v.cidr() + "</cidrBlock><cidrBlockAssociationSet><item><associationId>" + v.id().replace("vpc", "vpc-cidr-assoc")
                + "</associationId><cidrBlock>" + v.cidr() + "</cidrBlock><cidrBlockState><state>associated</state>"
                + "</cidrBlockState></item></cidrBlockAssociationSet><dhcpOptionsId>dopt-19edf471</dhcpOptionsId>"
                + "<instanceTenancy>default</instanceTenancy><isDefault>false</isDefault>"
                + "<tagSet><item><key>env</key><value>prod</value></item></tagSet></item>";
    }

    static String subnet(String region, Subnet s) {
        return "<item><subnetId>" + s.id() + "</subnetId><subnetArn>arn:aws:ec2:" + region + ":" + ACCOUNT + ":subnet/"
                + s.id() + "</subnetArn><state>available</state><ownerId>" + ACCOUNT + "</ownerId><vpcId>" + s.vpcId()
                + "</vpcId><cidrBlock>" + s.cidr() + "</cidrBlock><availableIpAddressCount>251</availableIpAddressCount>"
                + "<availabilityZone>" + s.az() + "</availabilityZone><defaultForAz>false</defaultForAz>"
                + "<mapPublicIpOnLaunch>" + s.publicIpOnLaunch() + "</mapPublicIpOnLaunch>"
                + "<assignIpv6AddressOnCreation>false</assignIpv6AddressOnCreation><tagSet/></item>";
    }

    static String routeTable(RouteTable t) {
        StringBuilder b = new StringBuilder("<item><routeTableId>").append(t.id()).append("</routeTableId><vpcId>")
                .append(t.vpcId()).append("</vpcId><ownerId>").append(ACCOUNT).append("</ownerId><routeSet>")
                .append("<item><destinationCidrBlock>").append(t.vpcCidr())
                .append("</destinationCidrBlock><gatewayId>local</gatewayId><state>active</state>")
                .append("<origin>CreateRouteTable</origin></item>");
        switch (t.kind()) {
            case "public" -> b.append("<item><destinationCidrBlock>0.0.0.0/0</destinationCidrBlock><gatewayId>")
                    .append(t.gatewayId()).append("</gatewayId><state>active</state><origin>CreateRoute</origin></item>")
                    .append("<item><destinationPrefixListId>").append(t.s3PrefixListId())
                    .append("</destinationPrefixListId><gatewayId>vpce-0s3000000000001</gatewayId><state>active</state>")
                    .append("<origin>CreateRoute</origin></item>");
            case "private" -> b.append("<item><destinationCidrBlock>0.0.0.0/0</destinationCidrBlock><natGatewayId>")
                    .append(t.gatewayId()).append("</natGatewayId><state>active</state><origin>CreateRoute</origin></item>");
            default -> { }
        }
        b.append("</routeSet><associationSet>");
        if ("main".equals(t.kind())) {
            b.append("<item><routeTableAssociationId>").append(t.id().replace("rtb", "rtbassoc"))
                    .append("</routeTableAssociationId><routeTableId>").append(t.id())
                    .append("</routeTableId><main>true</main><associationState><state>associated</state>")
                    .append("</associationState></item>");
        }
        for (String subnet : t.subnetIds()) {
            b.append("<item><routeTableAssociationId>").append(subnet.replace("subnet", "rtbassoc"))
                    .append("</routeTableAssociationId><routeTableId>").append(t.id()).append("</routeTableId><subnetId>")
                    .append(subnet).append("</subnetId><main>false</main><associationState><state>associated</state>")
                    .append("</associationState></item>");
        }
        return b.append("</associationSet><propagatingVgwSet/><tagSet/></item>").toString();
    }

    static String networkAcl(NetworkAcl n) {
        StringBuilder b = new StringBuilder("<item><networkAclId>").append(n.id()).append("</networkAclId><vpcId>")
                .append(n.vpcId()).append("</vpcId><default>").append(n.isDefault()).append("</default><entrySet>");
        if (n.isDefault()) {
            b.append(aclEntry(100, "-1", "allow", false, "0.0.0.0/0", null)).append(aclEntry(100, "-1", "allow", true, "0.0.0.0/0", null));
        } else {
            b.append(aclEntry(100, "6", "allow", false, n.vpcCidr(), "<portRange><from>5432</from><to>5432</to></portRange>"))
                    .append(aclEntry(110, "6", "allow", false, "0.0.0.0/0", "<portRange><from>1024</from><to>65535</to></portRange>"))
                    .append(aclEntry(100, "-1", "allow", true, n.vpcCidr(), null));
        }
        b.append(aclEntry(32767, "-1", "deny", false, "0.0.0.0/0", null)).append(aclEntry(32767, "-1", "deny", true, "0.0.0.0/0", null))
                .append("</entrySet><associationSet>");
        for (String subnet : n.subnetIds()) {
            b.append("<item><networkAclAssociationId>").append(subnet.replace("subnet", "aclassoc"))
                    .append("</networkAclAssociationId><networkAclId>").append(n.id()).append("</networkAclId><subnetId>")
                    .append(subnet).append("</subnetId></item>");
        }
        return b.append("</associationSet><tagSet/><ownerId>").append(ACCOUNT).append("</ownerId></item>").toString();
    }

    private static String aclEntry(int number, String protocol, String action, boolean egress, String cidr, String ports) {
        return "<item><ruleNumber>" + number + "</ruleNumber><protocol>" + protocol + "</protocol><ruleAction>" + action
                + "</ruleAction><egress>" + egress + "</egress><cidrBlock>" + cidr + "</cidrBlock>"
                + (ports == null ? "" : ports) + "</item>";
    }

    static String internetGateway(Gateway g) {
        return "<item><internetGatewayId>" + g.id() + "</internetGatewayId><ownerId>" + ACCOUNT + "</ownerId>"
                + "<attachmentSet><item><vpcId>" + g.vpcId() + "</vpcId><state>available</state></item></attachmentSet>"
                + "<tagSet/></item>";
    }

    static String egressOnlyGateway(Gateway g) {
        return "<item><attachmentSet><item><state>attached</state><vpcId>" + g.vpcId() + "</vpcId></item></attachmentSet>"
                + "<egressOnlyInternetGatewayId>" + g.id() + "</egressOnlyInternetGatewayId><tagSet/></item>";
    }

    static String natGateway(Nat n) {
        return "<item><createTime>2026-01-15T21:06:51.000Z</createTime><natGatewayAddressSet><item><allocationId>"
                + n.id().replace("nat", "eipalloc") + "</allocationId><privateIp>10.0.0.12</privateIp><publicIp>203.0.113.7"
                + "</publicIp></item></natGatewayAddressSet><natGatewayId>" + n.id() + "</natGatewayId><state>available"
                + "</state><connectivityType>public</connectivityType><subnetId>" + n.subnetId() + "</subnetId><vpcId>"
                + n.vpcId() + "</vpcId><tagSet/></item>";
    }

    static String flowLog(FlowLog f) {
        return "<item><creationTime>2026-01-15T21:06:51.000Z</creationTime><deliverLogsPermissionArn>arn:aws:iam::"
                + ACCOUNT + ":role/flow-logs</deliverLogsPermissionArn><deliverLogsStatus>SUCCESS</deliverLogsStatus>"
                + "<flowLogId>" + f.id() + "</flowLogId><flowLogStatus>ACTIVE</flowLogStatus><logGroupName>/vpc/"
                + f.vpcId() + "</logGroupName><resourceId>" + f.vpcId() + "</resourceId><trafficType>ALL</trafficType>"
                + "<logDestinationType>cloud-watch-logs</logDestinationType><tagSet/></item>";
    }

    static String securityGroup(String region, SecurityGroup g) {
        String ingress = switch (g.role()) {
            case "db" -> permission("tcp", 5432, 5432, groupPair(g.peerGroupId(), "lambda"));
            case "peer" -> permission("tcp", 8080, 8080, groupPair(g.peerGroupId(), "db"));
            case "default-open" -> permission("-1", null, null, groupPair(g.peerGroupId(), "self"));
            case "web" -> "<item><ipProtocol>tcp</ipProtocol><fromPort>443</fromPort><toPort>443</toPort><groups/>"
                    + "<ipRanges><item><cidrIp>0.0.0.0/0</cidrIp></item></ipRanges><ipv6Ranges><item><cidrIpv6>::/0"
                    + "</cidrIpv6></item></ipv6Ranges><prefixListIds/></item>";
            case "internal" -> "<item><ipProtocol>-1</ipProtocol><groups/><ipRanges><item><cidrIp>" + g.vpcCidr()
                    + "</cidrIp><description>vpc</description></item></ipRanges><ipv6Ranges/><prefixListIds/></item>";
            case "admin" -> "<item><ipProtocol>tcp</ipProtocol><fromPort>22</fromPort><toPort>22</toPort><groups/>"
                    + "<ipRanges/><ipv6Ranges/><prefixListIds><item><prefixListId>" + g.prefixListId()
                    + "</prefixListId><description>office</description></item></prefixListIds></item>";
            default -> "";
        };
        String egress = g.role().startsWith("default") ? "" : "<item><ipProtocol>-1</ipProtocol><groups/><ipRanges><item>"
                + "<cidrIp>0.0.0.0/0</cidrIp></item></ipRanges><ipv6Ranges/><prefixListIds/></item>";
        return "<item><ownerId>" + ACCOUNT + "</ownerId><groupId>" + g.id() + "</groupId><groupName>" + g.name()
                + "</groupName><groupDescription>" + g.role() + " tier</groupDescription><vpcId>" + g.vpcId()
                + "</vpcId><securityGroupArn>arn:aws:ec2:" + region + ":" + ACCOUNT + ":security-group/" + g.id()
                + "</securityGroupArn><ipPermissions>" + ingress + "</ipPermissions><ipPermissionsEgress>" + egress
                + "</ipPermissionsEgress><tagSet/></item>";
    }

    private static String permission(String protocol, Integer from, Integer to, String groups) {
        return "<item><ipProtocol>" + protocol + "</ipProtocol>" + (from == null ? "" : "<fromPort>" + from + "</fromPort>")
                + (to == null ? "" : "<toPort>" + to + "</toPort>") + "<groups>" + groups
                + "</groups><ipRanges/><ipv6Ranges/><prefixListIds/></item>";
    }

    private static String groupPair(String groupId, String description) {
        return "<item><userId>" + ACCOUNT + "</userId><groupId>" + groupId + "</groupId><description>" + description
                + "</description></item>";
    }

    static String prefixList(String region, PrefixList p) {
        String owner = "AWS".equals(p.owner()) ? "aws" : ACCOUNT;
        return "<item><addressFamily>IPv4</addressFamily><maxEntries>10</maxEntries><ownerId>" + p.owner()
                + "</ownerId><prefixListArn>arn:aws:ec2:" + region + ":" + owner + ":prefix-list/" + p.id()
                + "</prefixListArn><prefixListId>" + p.id() + "</prefixListId><prefixListName>" + p.name()
                + "</prefixListName><state>create-complete</state><tagSet/><version>1</version></item>";
    }

    static String prefixListEntry(String cidr) {
        return "<item><cidr>" + cidr + "</cidr><description>entry</description></item>";
    }

    static String networkInterface(Eni n) {
        StringBuilder groups = new StringBuilder();
        n.groupIds().forEach(g -> groups.append("<item><groupId>").append(g).append("</groupId><groupName>lambda</groupName></item>"));
        return "<item><networkInterfaceId>" + n.id() + "</networkInterfaceId><subnetId>" + n.subnetId() + "</subnetId>"
                + "<vpcId>" + n.vpcId() + "</vpcId><availabilityZone>" + n.az() + "</availabilityZone><description>"
                + "AWS Lambda VPC ENI</description><ownerId>" + ACCOUNT + "</ownerId><requesterId>AROAEXAMPLE:lambda"
                + "</requesterId><requesterManaged>true</requesterManaged><status>in-use</status><macAddress>"
                + "0e:aa:bb:cc:dd:ee</macAddress><privateIpAddress>" + n.ip() + "</privateIpAddress><sourceDestCheck>"
                + "true</sourceDestCheck><groupSet>" + groups + "</groupSet><tagSet/><privateIpAddressesSet><item>"
                + "<privateIpAddress>" + n.ip() + "</privateIpAddress><primary>true</primary></item>"
                + "</privateIpAddressesSet><ipv6AddressesSet/><interfaceType>lambda</interfaceType></item>";
    }

    static String region(String name) {
        return "<item><regionName>" + name + "</regionName><regionEndpoint>ec2." + name + ".amazonaws.com</regionEndpoint>"
                + "<optInStatus>opt-in-not-required</optInStatus></item>";
    }
}
