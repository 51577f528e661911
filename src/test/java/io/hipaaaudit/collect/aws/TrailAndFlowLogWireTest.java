package io.hipaaaudit.collect.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.hipaaaudit.findings.Status;
import io.hipaaaudit.inventory.CollectionError;
import io.hipaaaudit.inventory.Inventory;
import io.hipaaaudit.inventory.ResourceTypes;
import io.hipaaaudit.inventory.aws.FlowLog;
import io.hipaaaudit.inventory.aws.Trail;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What GetTrailStatus says about delivery, what AdvancedEventSelectors select, and what DescribeFlowLogs says about
 * delivery and the resource a flow log watches, read by the real SDK clients from the wire and judged by the rules.
 */
@Timeout(60)
class TrailAndFlowLogWireTest {
    static final String TRAIL = AwsCollectorTest.TRAIL;
    /** The end of collection: every time in these answers is relative to it. */
    static final Instant COLLECTED = Instant.parse("2026-11-28T02:15:00Z");
    static final String VPC = "vpc-0a1b2c3d4e5f60001";

    private final AwsWire wire = new AwsWire().region("us-east-1");

    @AfterEach
    void stop() {
        wire.close();
    }

    private Inventory scan(String... regions) {
        return new AwsCollector().collect(wire.options(regions).withClock(Clock.fixed(COLLECTED, ZoneOffset.UTC)))
                .inventory();
    }

    private void answer(String region, String service, String action, String body) {
        wire.server.stubFor(wire.request(region, service, action).atPriority(0).willReturn(AwsWire.ok(service, body)));
    }

    private static double epoch(String instant) {
        return Instant.parse(instant).getEpochSecond();
    }

    private static Trail trail(Inventory inv) {
        return inv.trails().stream().filter(t -> t.region().equals("us-east-1")).findFirst().orElseThrow();
    }

    private void status(String json) {
        answer("us-east-1", "cloudtrail", "GetTrailStatus", json);
    }

    @Test
    void aRecentDeliveryCountsAsLogging() {
        status("{\"IsLogging\":true,\"LatestDeliveryTime\":" + epoch("2026-11-28T02:11:36Z")
                + ",\"StartLoggingTime\":" + epoch("2025-03-04T09:12:40Z") + "}");
        Inventory inv = scan("us-east-1");

        assertThat(trail(inv).latestDeliveryTime()).contains(Instant.parse("2026-11-28T02:11:36Z"));
        assertThat(trail(inv).latestDeliveryError()).isEmpty();
        assertThat(WireFindings.status(inv, "cloudtrail-multi-region-trail", AwsWire.ACCOUNT)).isEqualTo(Status.PASS);
    }

    @Test
    void aDeliveryErrorIsReadAndTheTrailDoesNotCount() {
        status("{\"IsLogging\":true,\"LatestDeliveryTime\":" + epoch("2026-11-28T02:11:36Z")
                + ",\"LatestDeliveryError\":\"AccessDenied\",\"StartLoggingTime\":" + epoch("2025-03-04T09:12:40Z") + "}");
        Inventory inv = scan("us-east-1");

        assertThat(trail(inv).latestDeliveryError()).contains("AccessDenied");
        assertThat(WireFindings.status(inv, "cloudtrail-multi-region-trail", AwsWire.ACCOUNT)).isEqualTo(Status.FAIL);
    }

    @Test
    void aLastDeliveryTwoDaysBeforeTheScanIsStale() {
        status("{\"IsLogging\":true,\"LatestDeliveryTime\":" + epoch("2026-11-26T02:15:00Z")
                + ",\"StartLoggingTime\":" + epoch("2025-03-04T09:12:40Z") + "}");
        Inventory inv = scan("us-east-1");

        assertThat(trail(inv).latestDeliveryTime()).contains(Instant.parse("2026-11-26T02:15:00Z"));
        assertThat(WireFindings.status(inv, "cloudtrail-multi-region-trail", AwsWire.ACCOUNT)).isEqualTo(Status.FAIL);
    }

    @Test
    void aTrailThatJustStartedLoggingHasNoDeliveryYetAndIsWithinItsAge() {
        status("{\"IsLogging\":true,\"StartLoggingTime\":" + epoch("2026-11-28T02:05:00Z") + "}");
        Inventory inv = scan("us-east-1");

        assertThat(trail(inv).latestDeliveryTime()).isEmpty();
        assertThat(trail(inv).startLoggingTime()).contains(Instant.parse("2026-11-28T02:05:00Z"));
        assertThat(inv.collectionErrors()).isEmpty();
        assertThat(WireFindings.status(inv, "cloudtrail-multi-region-trail", AwsWire.ACCOUNT)).isEqualTo(Status.PASS);
    }

    @Test
    void aManagementSelectorNarrowedByEventSourceIsReadAndDoesNotCover() {
        status("{\"IsLogging\":true,\"LatestDeliveryTime\":" + epoch("2026-11-28T02:11:36Z") + "}");
        answer("us-east-1", "cloudtrail", "GetEventSelectors", "{\"TrailARN\":\"" + TRAIL + "\",\"AdvancedEventSelectors\":"
                + "[{\"Name\":\"RDS only\",\"FieldSelectors\":[{\"Field\":\"eventCategory\",\"Equals\":[\"Management\"]},"
                + "{\"Field\":\"eventSource\",\"StartsWith\":[\"rds.\"]}]}]}");
        Inventory inv = scan("us-east-1");

        assertThat(trail(inv).advancedEventSelectors()).hasValueSatisfying(list -> assertThat(list).singleElement()
                .satisfies(s -> assertThat(s.fieldSelectors()).anySatisfy(f -> {
                    assertThat(f.field()).isEqualTo("eventSource");
                    assertThat(f.startsWith()).containsExactly("rds.");
                })));
        assertThat(WireFindings.status(inv, "cloudtrail-multi-region-trail", AwsWire.ACCOUNT)).isEqualTo(Status.FAIL);
    }

    @Test
    void aTrailListedWithoutHomeRegionLeavesThatFieldUnknownAndItsStatusIsStillRead() {
        answer("us-east-1", "cloudtrail", "DescribeTrails", WireFindings.fixture("cloudtrail", "DescribeTrails.json")
                .replace("\"HomeRegion\":\"us-east-1\",", ""));
        Inventory inv = scan("us-east-1");

        assertThat(inv.collectionErrors()).singleElement().satisfies(e -> {
            assertThat(e.code()).isEqualTo("MissingField");
            assertThat(e.resource()).contains(TRAIL);
            assertThat(e.fields()).containsExactly("homeRegion");
            assertThat(e.message()).isEqualTo("DescribeTrails answered without HomeRegion");
        });
        assertThat(trail(inv).homeRegion()).isEmpty();
        assertThat(trail(inv).isLogging()).contains(true);
    }

    @Test
    void aFailedStatusCallInTheHomeRegionIsAlsoOnTheShadowSeenFromAnotherRegion() {
        wire.region("eu-west-1");
        wire.server.stubFor(wire.request("us-east-1", "cloudtrail", "GetTrailStatus").atPriority(0)
                .willReturn(AwsWire.jsonError(400, "AccessDeniedException", "not authorized to GetTrailStatus")));
        Inventory inv = scan("us-east-1", "eu-west-1");

        assertThat(inv.collectionErrors()).filteredOn(e -> e.operation().equals("cloudtrail:GetTrailStatus"))
                .extracting(e -> e.region().orElseThrow()).containsExactlyInAnyOrder("us-east-1", "eu-west-1");
        assertThat(inv.collectionErrors()).filteredOn(e -> e.operation().equals("cloudtrail:GetTrailStatus"))
                .allSatisfy(e -> {
                    assertThat(e.resource()).contains(TRAIL);
                    assertThat(e.fields()).contains("isLogging", "latestDeliveryTime", "latestDeliveryError");
                });
        assertThat(inv.trails()).hasSize(2).allSatisfy(t -> assertThat(t.isLogging()).isEmpty());
        assertThat(WireFindings.status(inv, "cloudtrail-multi-region-trail", AwsWire.ACCOUNT))
                .isEqualTo(Status.NOT_ASSESSED);
    }

    private static String flowLogs(String... items) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<DescribeFlowLogsResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\">"
                + "<requestId>3cb46f23-099e-4bf0-891c-EXAMPLE</requestId><flowLogSet>" + String.join("", items)
                + "</flowLogSet></DescribeFlowLogsResponse>";
    }

    private static String flowLog(String id, String resource, String status, String error) {
        return "<item><creationTime>2026-01-15T21:06:51.000Z</creationTime><deliverLogsStatus>" + status
                + "</deliverLogsStatus>" + (error == null ? "" : "<deliverLogsErrorMessage>" + error + "</deliverLogsErrorMessage>")
                + "<flowLogId>" + id + "</flowLogId><flowLogStatus>ACTIVE</flowLogStatus><logGroupName>/vpc/prod</logGroupName>"
                + "<resourceId>" + resource + "</resourceId><trafficType>ALL</trafficType>"
                + "<logDestinationType>cloud-watch-logs</logDestinationType><tagSet/></item>";
    }

    @Test
    void aFlowLogThatCannotDeliverIsReadWithItsErrorAndDoesNotCount() {
        answer("us-east-1", "ec2", "DescribeFlowLogs", flowLogs(flowLog("fl-0a0000000000001", VPC, "FAILED", "Access error")));
        Inventory inv = scan("us-east-1");

        assertThat(inv.flowLogs()).singleElement().satisfies(l -> {
            assertThat(l.deliverLogsStatus()).isEqualTo("FAILED");
            assertThat(l.deliverLogsErrorMessage()).contains("Access error");
        });
        assertThat(WireFindings.status(inv, "vpc-flow-logs-for-database-vpcs", VPC)).isEqualTo(Status.FAIL);
    }

    @Test
    void flowLogsOnEveryDatabaseSubnetCoverTheDatabases() {
        answer("us-east-1", "ec2", "DescribeFlowLogs", flowLogs(
                flowLog("fl-0a0000000000001", "subnet-0bbb00000000isolated", "SUCCESS", null),
                flowLog("fl-0a0000000000002", "subnet-0aaa000000000private", "SUCCESS", null)));
        Inventory inv = scan("us-east-1");

        assertThat(inv.flowLogs()).extracting(FlowLog::resourceId)
                .containsExactlyInAnyOrder("subnet-0bbb00000000isolated", "subnet-0aaa000000000private");
        assertThat(WireFindings.status(inv, "vpc-flow-logs-for-database-vpcs", VPC)).isEqualTo(Status.PASS);
    }

    @Test
    void aFlowLogOnOneOfTwoDatabaseSubnetsDoesNotCoverThem() {
        answer("us-east-1", "ec2", "DescribeFlowLogs", flowLogs(
                flowLog("fl-0a0000000000001", "subnet-0aaa000000000private", "SUCCESS", null)));
        Inventory inv = scan("us-east-1");

        assertThat(WireFindings.status(inv, "vpc-flow-logs-for-database-vpcs", VPC)).isEqualTo(Status.FAIL);
    }

    @Test
    void aFlowLogOnTheDatabasesNetworkInterfaceCoversIt() {
        answer("us-east-1", "ec2", "DescribeFlowLogs", flowLogs(
                flowLog("fl-0a0000000000001", "eni-0db0000000000001", "SUCCESS", null)));
        Inventory inv = scan("us-east-1");

        assertThat(inv.networkInterfaces()).anySatisfy(n -> assertThat(n.id()).isEqualTo("eni-0db0000000000001"));
        assertThat(WireFindings.status(inv, "vpc-flow-logs-for-database-vpcs", VPC)).isEqualTo(Status.PASS);
    }

    @Test
    void interfaceLogsCannotBeJudgedWhenTheInterfacesCannotBeListed() {
        answer("us-east-1", "ec2", "DescribeFlowLogs", flowLogs(
                flowLog("fl-0a0000000000001", "eni-0db0000000000001", "SUCCESS", null)));
        wire.server.stubFor(wire.request("us-east-1", "ec2", "DescribeNetworkInterfaces").atPriority(0)
                .willReturn(AwsWire.ec2Error(403, "UnauthorizedOperation", "You are not authorized to perform this operation.")));
        Inventory inv = scan("us-east-1");

        assertThat(inv.collectionErrors()).extracting(CollectionError::resourceTypes)
                .anySatisfy(types -> assertThat(types).contains(ResourceTypes.NETWORK_INTERFACE));
        assertThat(WireFindings.status(inv, "vpc-flow-logs-for-database-vpcs", VPC)).isEqualTo(Status.NOT_ASSESSED);
    }
}
