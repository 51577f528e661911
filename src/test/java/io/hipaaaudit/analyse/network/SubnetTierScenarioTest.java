package io.hipaaaudit.analyse.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.hipaaaudit.inventory.ResourceTypes;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each routing trap gives the right tier, and the route that decides it by table, destination and target. */
class SubnetTierScenarioTest {
    static final String RULE = "rds-db-subnet-isolated";

    Map<String, Object> subnet(Scenario s, String id) {
        return s.facts(ResourceTypes.SUBNET, id);
    }

    @Test
    void aSubnetWithoutAnAssociationUsesTheMainTable() {
        Scenario s = Scenario.fixture(RULE, "fail/implicit-main-table-with-internet-route");
        assertThat(subnet(s, "subnet-db-b")).containsEntry("tier", "PUBLIC").containsEntry("routeTableId", "rtb-main")
                .containsEntry("routeTableMain", true);
        assertThat(subnet(s, "subnet-db-b").get("tierDecidedBy").toString()).contains("rtb-main: 0.0.0.0/0 -> igw-1");
        assertThat(subnet(s, "subnet-db-a")).containsEntry("tier", "ISOLATED").containsEntry("routeTableId", "rtb-db")
                .containsEntry("routeTableMain", false);
    }

    @Test
    void aSplitDefaultRouteIsPublic() {
        Map<String, Object> f = subnet(Scenario.fixture(RULE, "fail/split-default-route"), "subnet-db-a");
        assertThat(f).containsEntry("tier", "PUBLIC");
        assertThat(f.get("tierDecidedBy").toString()).contains("rtb-db: 0.0.0.0/1 -> igw-1");
    }

    @Test
    void ipv6DefaultRouteMakesOnlyTheIpv6FamilyPublic() {
        Map<String, Object> f = subnet(Scenario.fixture(RULE, "fail/ipv6-default-route"), "subnet-db-a");
        assertThat(f).containsEntry("tier", "PUBLIC").containsEntry("tiers", Map.of("ipv4", "ISOLATED", "ipv6", "PUBLIC"));
        assertThat(f.get("tierDecidedBy").toString()).contains("IPv6 PUBLIC: rtb-db: ::/0 -> igw-1");
    }

    @Test
    void ipv6DefaultRouteDoesNothingForAnIpv4OnlySubnet() {
        Map<String, Object> f = subnet(Scenario.fixture(RULE, "pass/ipv6-default-route-on-ipv4-only-subnet"), "subnet-db-a");
        assertThat(f).containsEntry("tier", "ISOLATED").containsEntry("tiers", Map.of("ipv4", "ISOLATED"));
    }

    @Test
    void aNatRouteIsPrivateEgressNotIsolated() {
        Map<String, Object> f = subnet(Scenario.fixture(RULE, "fail/nat-route-is-private-egress"), "subnet-db-a");
        assertThat(f).containsEntry("tier", "PRIVATE_EGRESS");
        assertThat(f.get("tierDecidedBy").toString()).contains("rtb-db: 0.0.0.0/0 -> nat-1");
    }

    @Test
    void aBlackholeDefaultRouteRoutesNothing() {
        assertThat(subnet(Scenario.fixture(RULE, "pass/blackhole-default-route"), "subnet-db-a"))
                .containsEntry("tier", "ISOLATED");
    }

    @Test
    void longerBlackholeRoutesMaskAnActiveDefaultRoute() {
        Scenario s = Scenario.fixture(RULE, "fail/split-default-route");
        s.array("routeTables", "rtb-db", "routes").forEach(r -> ((com.fasterxml.jackson.databind.node.ObjectNode) r)
                .put("state", r.get("targetType").asText().equals("local") ? "active" : "blackhole"));
        s.array("routeTables", "rtb-db", "routes").add(s.node(
                "{\"destinationCidrBlock\":\"0.0.0.0/0\",\"targetType\":\"internet-gateway\",\"targetId\":\"igw-1\",\"state\":\"active\"}"));
        assertThat(subnet(s, "subnet-db-a")).containsEntry("tier", "ISOLATED");
    }

    @Test
    void aPublicPrefixToAnInternetGatewayIsPublicAndAPrivateOneIsNot() {
        Scenario s = Scenario.fixture(RULE, "fail/public-prefix-to-internet-gateway");
        assertThat(subnet(s, "subnet-db-a")).containsEntry("tier", "PUBLIC");
        ((com.fasterxml.jackson.databind.node.ObjectNode) s.array("routeTables", "rtb-db", "routes").get(1))
                .put("destinationCidrBlock", "192.168.0.0/16");
        assertThat(subnet(s, "subnet-db-a")).containsEntry("tier", "CONNECTED");
    }

    @Test
    void aPrefixListRouteIsExpandedAndAnUnknownListLeavesTheTierOut() {
        assertThat(subnet(Scenario.fixture(RULE, "fail/prefix-list-route-to-internet-gateway"), "subnet-db-a")
                .get("tierDecidedBy").toString()).contains("rtb-db: pl-partners (81.2.69.0/24) -> igw-1");
        assertThat(subnet(Scenario.fixture(RULE, "not-assessed/prefix-list-not-observed"), "subnet-db-a"))
                .doesNotContainKeys("tier", "tiers", "routeTableId");
    }

    @Test
    void uncollectedRouteTablesLeaveTheTierOutButTheDbSubnetFlagIn() {
        assertThat(subnet(Scenario.fixture(RULE, "not-assessed/route-tables-not-collected"), "subnet-db-a"))
                .doesNotContainKey("tier").containsEntry("dbSubnet", true);
    }

    @Test
    void anUnknownRouteTargetLeavesTheTierOut() {
        Scenario s = Scenario.fixture(RULE, "pass/reference-design");
        s.array("routeTables", "rtb-db", "routes").add(s.node(
                "{\"destinationCidrBlock\":\"0.0.0.0/0\",\"targetType\":\"unknown\",\"targetId\":\"\",\"state\":\"active\"}"));
        assertThat(subnet(s, "subnet-db-a")).doesNotContainKey("tier");
    }

    @Test
    void aGatewayEndpointRouteHasItsOwnTierBelowConnected() {
        Scenario s = Scenario.fixture(RULE, "pass/gateway-endpoint-route");
        assertThat(subnet(s, "subnet-db-a")).containsEntry("tier", "GATEWAY_ENDPOINT");
        assertThat(subnet(s, "subnet-db-a").get("tierDecidedBy").toString())
                .contains("IPv4 GATEWAY_ENDPOINT: rtb-db: pl-63a5400a (").contains(") -> vpce-0s3");
        // a peering route beside it still makes the subnet CONNECTED
        s.array("routeTables", "rtb-db", "routes").add(s.node(
                "{\"targetType\":\"vpc-peering-connection\",\"targetId\":\"pcx-1\",\"destinationCidrBlock\":\"10.1.0.0/16\"}"));
        assertThat(subnet(s, "subnet-db-a")).containsEntry("tier", "CONNECTED");
    }

    @Test
    void anEndpointRouteToAListAwsDoesNotOwnIsAnApplianceNotAGatewayEndpoint() {
        Scenario s = Scenario.fixture(RULE, "pass/gateway-endpoint-route");
        s.find("managedPrefixLists", "pl-63a5400a").put("ownerId", "111122223333");
        assertThat(subnet(s, "subnet-db-a")).containsEntry("tier", "PRIVATE_EGRESS");
    }

    @Test
    void aGatewayLoadBalancerEndpointToPrivateRangesOnlyIsConnected() {
        Scenario s = Scenario.fixture(RULE, "fail/gateway-load-balancer-endpoint-route");
        assertThat(subnet(s, "subnet-db-a")).containsEntry("tier", "PRIVATE_EGRESS");
        ((com.fasterxml.jackson.databind.node.ObjectNode) s.array("routeTables", "rtb-db", "routes").get(1))
                .put("destinationCidrBlock", "172.16.0.0/12");
        assertThat(subnet(s, "subnet-db-a")).containsEntry("tier", "CONNECTED");
    }
}
