package io.hipaaaudit.analyse.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hipaaaudit.inventory.ResourceTypes;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each reach trap gives the right exposure, and its path names the actual route (table, destination, target),
 * ACL entries and security-group rule.
 */
@SuppressWarnings("unchecked")
class DbReachScenarioTest {
    static final String REACH = "rds-instance-port-not-internet-reachable";
    static final String DB = "healthapp-prod";

    Map<String, Object> network(Scenario s) {
        return s.network(ResourceTypes.DB_INSTANCE, DB);
    }

    Map<String, Object> first(Map<String, Object> n) {
        return Scenario.paths(n).get(0);
    }

    @Test
    void theReferenceDesignIsRestrictedToTheLambdaGroup() {
        Map<String, Object> n = network(Scenario.fixture(REACH, "pass/reference-design"));
        assertThat(n).containsEntry("exposure", "RESTRICTED_TO_GROUPS").containsEntry("port", 5432L)
                .containsEntry("subnetTiers", Map.of("subnet-db-a", "ISOLATED", "subnet-db-b", "ISOLATED"));
        assertThat(first(n)).containsEntry("source", "10.0.10.5 (eni-app-1 in sg-app)")
                .containsEntry("aclIn", "acl-1 #100 allow").containsEntry("rule", "sg-db sgr-db-1 \"from lambdas\" tcp/5432");
    }

    @Test
    void theCompletePathNamesEveryHop() {
        Map<String, Object> n = network(Scenario.fixture(REACH, "fail/complete-path"));
        assertThat(n).containsEntry("exposure", "INTERNET");
        assertThat(first(n)).containsEntry("gateway", "igw-1").containsEntry("route", "rtb-db: 0.0.0.0/0 -> igw-1")
                .containsEntry("subnet", "subnet-db-a").containsEntry("aclIn", "acl-1 #100 allow")
                .containsEntry("aclOut", "acl-1 #100 allow tcp/1024").containsEntry("securityGroup", "sg-db")
                .containsEntry("rule", "sg-db sgr-db-world \"temporary debugging\" tcp/5432");
        assertThat(PublicSpace.hasPublic(Cidr.parse((String) first(n).get("source")))).isTrue();
    }

    @Test
    void bothHalvesOfASplitDefaultRouteCarryTheInternetAndProtocolMinusOneOpensThePort() {
        Map<String, Object> n = network(Scenario.fixture(REACH, "fail/split-default-route-and-all-traffic-rule"));
        List<Object> routes = Scenario.paths(n).stream().filter(p -> p.get("exposure").equals("INTERNET"))
                .map(p -> p.get("route")).distinct().toList();
        assertThat(routes).contains("rtb-db: 0.0.0.0/1 -> igw-1", "rtb-db: 128.0.0.0/1 -> igw-1");
        assertThat(first(n).get("rule").toString()).endsWith("all traffic");
    }

    @Test
    void aPortRangeHoldingThePortOpensIt() {
        assertThat(first(network(Scenario.fixture(REACH, "fail/port-range-contains-port"))).get("rule").toString())
                .endsWith("tcp/5000-6000");
    }

    @Test
    void aPrefixListSourceIsExpandedToItsEntries() {
        Map<String, Object> n = network(Scenario.fixture(REACH, "fail/prefix-list-source"));
        assertThat(first(n)).containsEntry("source", "81.2.69.0/24").containsEntry("exposure", "INTERNET");
        assertThat((List<Object>) n.get("publicIngress")).containsExactly(
                "sg-db sgr-db-world \"office\" tcp/5432 from pl-office 81.2.69.0/24");
    }

    @Test
    void anAclDenyBeforeTheAllowLeavesOnlyTheDatabaseSubnetsThemselves() {
        Map<String, Object> n = network(Scenario.fixture(REACH, "pass/acl-deny-before-allow"));
        assertThat(n).containsEntry("exposure", "VPC_WIDE");
        assertThat(Scenario.paths(n)).allSatisfy(p -> assertThat(p).containsEntry("aclIn", "not crossed"));
        assertThat(Scenario.paths(n).stream().map(p -> p.get("source"))).containsOnly("10.0.1.0/24", "10.0.2.0/24");
        assertThat((List<?>) n.get("aclOpenToPublic")).isEmpty();
    }

    @Test
    void anIpv6WorldRuleOnAnIpv4OnlySubnetHasNoPathButIsStillReported() {
        Map<String, Object> n = network(Scenario.fixture(REACH, "pass/ipv6-rule-on-ipv4-only-subnet"));
        assertThat(n).containsEntry("exposure", "RESTRICTED_TO_GROUPS");
        assertThat((List<Object>) n.get("publicIngress")).containsExactly("sg-db sgr-db-world \"ipv6 clients\" tcp/5432 from ::/0");
    }

    @Test
    void aPubliclyAccessibleDualStackDatabaseIsOnTheIpv6Internet() {
        Map<String, Object> n = network(Scenario.fixture(REACH, "fail/ipv6-path-to-public-dual-stack"));
        assertThat(first(n)).containsEntry("exposure", "INTERNET").containsEntry("route", "rtb-db: ::/0 -> igw-1")
                .containsEntry("aclIn", "acl-1 #101 allow");
    }

    @Test
    void aPrivateDualStackDatabaseIsReachedOverIpv6FromInsideTheVpcOnly() {
        Map<String, Object> n = network(Scenario.fixture(REACH, "pass/ipv6-private-dual-stack"));
        // ::/0 in the security group still holds the VPC's own IPv6 range, over the local route
        assertThat(n).containsEntry("exposure", "VPC_WIDE");
        assertThat(Scenario.paths(n)).noneSatisfy(p -> assertThat(p.get("gateway")).isEqualTo("igw-1"));
    }

    @Test
    void anIpv4OnlyDatabaseHasNoIpv6PathAtAll() {
        Map<String, Object> n = network(Scenario.fixture(REACH, "pass/ipv4-only-database-behind-ipv6-default-route"));
        assertThat(n).containsEntry("exposure", "RESTRICTED_TO_GROUPS");
        assertThat(Scenario.paths(n)).noneSatisfy(p -> assertThat((String) p.get("source")).contains(":"));
        assertThat((List<Object>) n.get("publicIngress")).containsExactly("sg-db sgr-db-world \"ipv6 clients\" tcp/5432 from ::/0");
    }

    @Test
    void anUnknownNetworkTypeLeavesIpv6ReachUnknownOnlyWhereTheSubnetsHaveIpv6() {
        Scenario s = Scenario.fixture(REACH, "not-assessed/network-type-not-observed");
        assertThat(network(s)).doesNotContainKeys("exposure", "paths").containsKey("publicIngress");
        // a database whose subnets have no IPv6 block cannot be dual-stack, whatever the answer left out
        for (String subnet : List.of("subnet-db-a", "subnet-db-b")) {
            s.find("subnets", subnet).remove("ipv6CidrBlocks");
        }
        assertThat(network(s)).containsEntry("exposure", "RESTRICTED_TO_GROUPS");
    }

    @Test
    void anEgressOnlyGatewayCarriesNoInboundConnection() {
        Scenario s = Scenario.fixture(REACH, "fail/ipv6-path-to-public-dual-stack");
        ObjectNode route = (ObjectNode) s.array("routeTables", "rtb-db", "routes").get(2);
        route.put("targetType", "egress-only-internet-gateway").put("targetId", "eigw-1");
        // ::/0 still holds the VPC's own IPv6 range, reached over the local route
        Map<String, Object> n = network(s);
        assertThat(n).containsEntry("exposure", "VPC_WIDE");
        assertThat(Scenario.paths(n)).noneSatisfy(p -> assertThat(p.get("gateway")).isEqualTo("eigw-1"));
        assertThat(s.facts(ResourceTypes.SUBNET, "subnet-db-a")).containsEntry("tier", "PRIVATE_EGRESS");
    }

    @Test
    void withoutAPublicAddressAnInternetRouteGivesNoInternetPath() {
        Scenario s = Scenario.fixture(REACH, "fail/complete-path");
        s.find("dbInstances", DB).put("publiclyAccessible", false);
        assertThat(network(s)).containsEntry("exposure", "VPC_WIDE");
        s.find("dbInstances", DB).remove("publiclyAccessible");
        assertThat(network(s)).doesNotContainKeys("exposure", "paths").containsKey("publicIngress");
    }

    @Test
    void repliesTheAclDoesNotLetOutBreakThePath() {
        Scenario s = Scenario.fixture(REACH, "fail/complete-path");
        ObjectNode out = (ObjectNode) s.array("networkAcls", "acl-1", "entries").get(1);
        out.put("protocol", "6").set("portRange", s.node("{\"from\":443,\"to\":443}"));
        Map<String, Object> n = network(s);
        assertThat(n.get("exposure")).isIn("VPC_WIDE");
        assertThat(Scenario.paths(n)).allSatisfy(p -> assertThat(p).containsEntry("aclOut", "not crossed"));
    }

    @Test
    void aSelfReferencingGroupAdmitsOnlyItsMembers() {
        Map<String, Object> n = network(Scenario.fixture("rds-instance-ingress-restricted", "pass/self-reference"));
        assertThat(n).containsEntry("exposure", "RESTRICTED_TO_GROUPS");
        assertThat(Scenario.paths(n).stream().map(p -> p.get("source")))
                .contains("members of sg-db (itself) (none observed)");
    }

    @Test
    void aMemberInTheSameSubnetCrossesNoAcl() {
        Scenario s = Scenario.fixture("rds-instance-ingress-restricted", "pass/self-reference");
        s.inv.withArray("networkInterfaces").add(s.node("{\"account\":\"111122223333\",\"region\":\"us-east-1\","
                + "\"id\":\"eni-replica\",\"vpcId\":\"vpc-1\",\"subnetId\":\"subnet-db-a\","
                + "\"privateIpAddresses\":[\"10.0.1.20\"],\"securityGroupIds\":[\"sg-db\"]}"));
        s.array("networkAcls", "acl-1", "entries").removeAll();
        Map<String, Object> n = network(s);
        assertThat(Scenario.paths(n)).singleElement().satisfies(p -> assertThat(p)
                .containsEntry("source", "10.0.1.20 (eni-replica in sg-db)").containsEntry("aclIn", "not crossed")
                .containsEntry("subnet", "subnet-db-a"));
    }

    @Test
    void aGroupAcrossPeeringIsPeeredAndNamesTheConnection() {
        Map<String, Object> n = network(Scenario.fixture("rds-instance-ingress-restricted", "fail/group-across-peering"));
        assertThat(n).containsEntry("exposure", "PEERED_OR_ONPREM");
        assertThat(first(n)).containsEntry("gateway", "pcx-1").containsEntry("route", "rtb-db: 10.1.0.0/16 -> pcx-1")
                .containsEntry("rule", "sg-db sgr-db-peer \"analytics\" tcp/5432");
    }

    @Test
    void anObservedPeerMemberNeedsItsOwnAddressRoutedOverThePeering() {
        Scenario s = Scenario.fixture("rds-instance-ingress-restricted", "fail/group-across-peering");
        s.inv.withArray("networkInterfaces").add(s.node("{\"account\":\"444455556666\",\"region\":\"us-east-1\","
                + "\"id\":\"eni-analytics\",\"vpcId\":\"vpc-peer\",\"subnetId\":\"subnet-peer\","
                + "\"privateIpAddresses\":[\"10.1.4.7\", \"10.2.0.9\"],\"securityGroupIds\":[\"sg-analytics\"]}"));
        List<Map<String, Object>> peered = Scenario.paths(network(s)).stream()
                .filter(p -> p.get("exposure").equals("PEERED_OR_ONPREM")).toList();
        assertThat(peered).hasSize(2).allSatisfy(p -> assertThat(p) // one per DB subnet; 10.2.0.9 has no route back
                .containsEntry("source", "10.1.4.7 (eni-analytics in sg-analytics)")
                .containsEntry("route", "rtb-db: 10.1.0.0/16 -> pcx-1"));
    }

    @Test
    void aGroupAcrossPeeringWithoutARouteBackHasNoPath() {
        Scenario s = Scenario.fixture("rds-instance-ingress-restricted", "fail/group-across-peering");
        s.array("routeTables", "rtb-db", "routes").remove(1);
        assertThat(network(s)).containsEntry("exposure", "RESTRICTED_TO_GROUPS");
    }

    @Test
    void theAclCheckHonoursRuleOrder() {
        Map<String, Object> n = network(Scenario.fixture("rds-instance-subnet-acl-blocks-public", "fail/allow-before-deny"));
        assertThat((List<?>) n.get("aclOpenToPublic")).first().asString()
                .startsWith("acl-1 #90 allow 0.0.0.0/0 admits 1.0.0.0/8 on tcp/5432 into subnet-db-a");
    }

    @Test
    void anAuroraClusterIsPublicWhenAMemberIsAndUnknownWhenAMemberWasNotSeen() {
        Scenario s = Scenario.fixture("rds-cluster-port-not-internet-reachable", "fail/complete-path");
        assertThat(s.network(ResourceTypes.DB_CLUSTER, "healthapp")).containsEntry("exposure", "INTERNET");
        s.inv.withArray("dbInstances").removeAll();
        assertThat(s.network(ResourceTypes.DB_CLUSTER, "healthapp")).doesNotContainKey("exposure");
    }

    @Test
    void theEndpointPortIsUsedNeverAssumed() {
        Scenario s = Scenario.fixture(REACH, "fail/complete-path");
        ((ObjectNode) s.find("dbInstances", DB).get("endpoint")).put("port", 6432);
        Map<String, Object> n = network(s);
        // only the world rule and the Lambda group rule exist, both for 5432: nothing admits 6432
        assertThat(n).containsEntry("port", 6432L).containsEntry("exposure", "NONE");
        assertThat((List<?>) n.get("ingress")).isEmpty();
    }
}
