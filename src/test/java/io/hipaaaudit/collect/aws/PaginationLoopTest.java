package io.hipaaaudit.collect.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static org.assertj.core.api.Assertions.assertThat;

import io.hipaaaudit.inventory.CollectionError;
import io.hipaaaudit.inventory.Inventory;
import io.hipaaaudit.inventory.ResourceTypes;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A service that hands back a page token it already handed back would keep a paginator asking for ever: each
 * documented token (EC2 NextToken, RDS Marker, KMS Marker/NextMarker) is followed through one listing, and a token
 * that comes back fails that listing as PaginationLoop; the listing's types are unknown and the scan goes on.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PaginationLoopTest {
    private final AwsWire wire = new AwsWire().region("us-east-1");

    @AfterEach
    void stop() {
        wire.close();
    }

    private static CollectionError only(Inventory inventory) {
        assertThat(inventory.collectionErrors()).hasSize(1);
        return inventory.collectionErrors().get(0);
    }

    private static String fixture(String file) {
        return AwsWire.read(AwsWire.resource("aws-wire/us-east-1/" + file));
    }

    @Test
    void ec2NextTokenReturnedAgainFailsDescribeSecurityGroups() {
        String page = fixture("ec2/DescribeSecurityGroups.xml")
                .replace("<securityGroupInfo>", "<nextToken>sg-page-2</nextToken><securityGroupInfo>");
        wire.server.stubFor(wire.request("us-east-1", "ec2", "DescribeSecurityGroups").atPriority(0)
                .willReturn(AwsWire.ok("ec2", page)));
        AwsCollection result = new AwsCollector().collect(wire.options("us-east-1"));

        CollectionError error = only(result.inventory());
        assertThat(error.operation()).isEqualTo("ec2:DescribeSecurityGroups");
        assertThat(error.code()).isEqualTo("PaginationLoop");
        assertThat(error.message()).isEqualTo("ec2:DescribeSecurityGroups returned a NextToken it had already returned");
        assertThat(error.resourceTypes()).containsExactly(ResourceTypes.SECURITY_GROUP);
        assertThat(error.resource()).isEmpty();
        assertThat(result.apiCalls()).containsEntry("ec2:DescribeSecurityGroups", 2L);
        assertThat(result.inventory().securityGroups()).isEmpty();
        assertThat(result.inventory().subnets()).as("paginated listings that move on are untouched").hasSize(2);
    }

    @Test
    void rdsMarkerCyclingBackFailsDescribeDBInstances() {
        // page 1 -> page-2 -> page-3 -> page-2 again: a cycle, not just a token repeated at once
        String second = fixture("rds/DescribeDBInstances@instances-page-2.xml")
                .replace("<DBInstances>", "<Marker>instances-page-3</Marker><DBInstances>");
        String third = fixture("rds/DescribeDBInstances@instances-page-2.xml")
                .replace("<DBInstances>", "<Marker>instances-page-2</Marker><DBInstances>");
        wire.server.stubFor(wire.request("us-east-1", "rds", "DescribeDBInstances").atPriority(0)
                .withRequestBody(containing("Marker=instances-page-2")).willReturn(AwsWire.ok("rds", second)));
        wire.server.stubFor(wire.request("us-east-1", "rds", "DescribeDBInstances").atPriority(0)
                .withRequestBody(containing("Marker=instances-page-3")).willReturn(AwsWire.ok("rds", third)));
        AwsCollection result = new AwsCollector().collect(wire.options("us-east-1"));

        CollectionError error = only(result.inventory());
        assertThat(error.operation()).isEqualTo("rds:DescribeDBInstances");
        assertThat(error.code()).isEqualTo("PaginationLoop");
        assertThat(error.message()).isEqualTo("rds:DescribeDBInstances returned a Marker it had already returned");
        assertThat(error.resourceTypes()).containsExactly(ResourceTypes.DB_INSTANCE, ResourceTypes.DB_PARAMETER_GROUP);
        assertThat(result.apiCalls()).containsEntry("rds:DescribeDBInstances", 3L);
        assertThat(result.inventory().dbInstances()).isEmpty();
        assertThat(result.inventory().dbClusters()).hasSize(1);
    }

    @Test
    void kmsNextMarkerReturnedAgainFailsListKeys() {
        String second = fixture("kms/ListKeys@keys-page-2.json")
                .replace("\"Truncated\":false", "\"NextMarker\":\"keys-page-2\",\"Truncated\":true");
        wire.server.stubFor(wire.request("us-east-1", "kms", "ListKeys").atPriority(0)
                .withRequestBody(containing("keys-page-2")).willReturn(AwsWire.ok("kms", second)));
        AwsCollection result = new AwsCollector().collect(wire.options("us-east-1"));

        assertThat(result.inventory().collectionErrors()).singleElement().satisfies(error -> {
            assertThat(error.operation()).isEqualTo("kms:ListKeys");
            assertThat(error.code()).isEqualTo("PaginationLoop");
            assertThat(error.message()).isEqualTo("kms:ListKeys returned a NextMarker it had already returned");
            assertThat(error.resourceTypes()).containsExactly(ResourceTypes.KMS_KEY);
        });
        assertThat(result.apiCalls()).containsEntry("kms:ListKeys", 2L);
    }

    @Test
    void theSameListingTwiceInOneScanIsNotALoop() {
        // both regions answer with the same tokens: each region's listing is its own
        wire.region("eu-west-1");
        AwsCollection result = new AwsCollector().collect(wire.options("us-east-1", "eu-west-1"));
        assertThat(result.inventory().collectionErrors()).isEmpty();

        try (AwsClients clients = new AwsClients(wire.options("us-east-1"), wire.options().credentialsProvider().get(),
                new ApiCallCounter(java.util.Map.of()), AwsTransport.network())) {
            for (int i = 0; i < 2; i++) {
                assertThat(clients.ec2("us-east-1").describeSubnetsPaginator(r -> r.maxResults(1000)).subnets()
                        .stream().count()).isEqualTo(2);
            }
        }
    }
}
