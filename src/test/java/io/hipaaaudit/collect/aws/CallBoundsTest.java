package io.hipaaaudit.collect.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import io.hipaaaudit.inventory.CollectionError;
import io.hipaaaudit.inventory.Inventory;
import io.hipaaaudit.inventory.ResourceTypes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every call is bounded: an attempt that hangs, in its headers or halfway through its body, ends at the attempt
 * timeout; the scan's deadline refuses calls after it and cuts those in flight; a body that breaks off is retried
 * like a connection reset.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CallBoundsTest {
    private final AwsWire wire = new AwsWire().region("us-east-1");

    @AfterEach
    void stop() {
        wire.close();
    }

    private void ec2Hangs() {
        wire.server.stubFor(post(urlPathEqualTo("/")).atPriority(0)
                .withHeader("Authorization", containing("/us-east-1/ec2/"))
                .willReturn(aResponse().withStatus(200).withFixedDelay(120_000)));
    }

    @Test
    void aBodyThatStallsHalfwayEndsAtTheAttemptTimeout() {
        String body = AwsWire.read(AwsWire.resource("aws-wire/us-east-1/cloudtrail/GetTrailStatus.json"));
        wire.server.stubFor(wire.request("us-east-1", "cloudtrail", "GetTrailStatus").atPriority(0)
                .willReturn(AwsWire.ok("cloudtrail", body + " ".repeat(2000)).withChunkedDribbleDelay(10, 10_000)));
        Inventory inv = new AwsCollector().collect(wire.options("us-east-1")
                .withAttemptTimeout(Duration.ofMillis(1500))).inventory();

        assertThat(inv.collectionErrors()).singleElement().satisfies(e -> {
            assertThat(e.operation()).isEqualTo("cloudtrail:GetTrailStatus");
            assertThat(e.code()).isEqualTo("Timeout");
        });
    }

    @Test
    void atTheDeadlineCallsInFlightAreCutAndNoNewCallStarts() {
        new AwsCollector().collect(wire.options("us-east-1")); // warm: the clients' first use costs seconds
        ec2Hangs();
        // the attempt timeout alone would let EC2 hang for minutes: only the deadline ends it
        AwsCollection result = new AwsCollector().collect(wire.options("us-east-1")
                .withAttemptTimeout(Duration.ofSeconds(50)).withDeadline(Instant.now().plusSeconds(4)));
        Inventory inv = result.inventory();

        List<CollectionError> errors = inv.collectionErrors();
        assertThat(errors).isNotEmpty().allSatisfy(e -> {
            assertThat(e.code()).isEqualTo("ScanDeadline");
            assertThat(e.message()).startsWith(e.operation() + " ");
        });
        // trail status is read once every region has listed its trails, so after EC2 gave up: too late
        assertThat(errors).extracting(CollectionError::operation)
                .allMatch(op -> op.startsWith("ec2:") || op.startsWith("cloudtrail:Get"));
        assertThat(errors).extracting(CollectionError::message)
                .anyMatch(m -> m.startsWith("ec2:DescribeSecurityGroups was cut off at the scan deadline"))
                .anyMatch(m -> m.startsWith("ec2:DescribeVpcs was not sent: the scan reached its deadline"));
        assertThat(errors).flatExtracting(CollectionError::resourceTypes)
                .contains(ResourceTypes.VPC, ResourceTypes.SUBNET, ResourceTypes.SECURITY_GROUP);
        // the EC2 requests that went out (as many as its listings may have at once) were cut; none after them
        long sent = result.apiCalls().entrySet().stream().filter(c -> c.getKey().startsWith("ec2:"))
                .mapToLong(java.util.Map.Entry::getValue).sum();
        assertThat(sent).isBetween(1L, 2L).isEqualTo(errors.stream()
                .filter(e -> e.message().startsWith(e.operation() + " was cut off at the scan deadline")).count());
        assertThat(inv.dbInstances()).as("what answered before the deadline is kept").hasSize(2);
        assertThat(inv.kmsKeys()).hasSize(2);
    }

    @Test
    void aQueryProtocolBodyThatBreaksOffOnceIsRetried() {
        wire.server.stubFor(wire.request("us-east-1", "ec2", "DescribeVpcs").atPriority(0)
                .inScenario("broken").whenScenarioStateIs(STARTED).willSetStateTo("whole")
                .willReturn(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)));
        wire.server.stubFor(wire.request("us-east-1", "rds", "DescribeDBClusters").atPriority(0)
                .inScenario("broken-rds").whenScenarioStateIs(STARTED).willSetStateTo("whole")
                .willReturn(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)));
        AwsCollection result = new AwsCollector().collect(wire.options("us-east-1"));

        assertThat(result.inventory().collectionErrors()).isEmpty();
        assertThat(result.inventory().vpcs()).hasSize(1);
        assertThat(result.inventory().dbClusters()).hasSize(1);
        assertThat(result.retries()).containsEntry("ec2:DescribeVpcs", 1L).containsEntry("rds:DescribeDBClusters", 1L);
    }

    @Test
    void aBodyThatAlwaysBreaksOffIsANetworkError() {
        wire.server.stubFor(wire.request("us-east-1", "ec2", "DescribeVpcs").atPriority(0)
                .willReturn(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)));
        AwsCollection result = new AwsCollector().collect(wire.options("us-east-1"));

        assertThat(result.inventory().collectionErrors()).singleElement().satisfies(e -> {
            assertThat(e.operation()).isEqualTo("ec2:DescribeVpcs");
            assertThat(e.code()).isEqualTo("NetworkError");
        });
        assertThat(result.apiCalls()).containsEntry("ec2:DescribeVpcs", 3L);
    }
}
