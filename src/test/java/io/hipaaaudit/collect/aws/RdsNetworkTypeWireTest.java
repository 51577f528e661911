package io.hipaaaudit.collect.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static org.assertj.core.api.Assertions.assertThat;

import io.hipaaaudit.inventory.Inventory;
import io.hipaaaudit.inventory.aws.DbCluster;
import io.hipaaaudit.inventory.aws.DbInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * NetworkType (IPV4 or DUAL) of DB instances and clusters, read by real SDK clients from the query-protocol answers:
 * it decides whether a database has IPv6 addresses at all. An answer without it leaves it unknown, never IPV4.
 */
@Timeout(60)
class RdsNetworkTypeWireTest {
    private final AwsWire wire = new AwsWire().region("us-east-1");

    @AfterEach
    void stop() {
        wire.close();
    }

    private Inventory scan() {
        return new AwsCollector().collect(wire.options("us-east-1")).inventory();
    }

    private static DbInstance instance(Inventory inv, String id) {
        return inv.dbInstances().stream().filter(d -> d.id().equals(id)).findFirst().orElseThrow();
    }

    private static DbCluster cluster(Inventory inv, String id) {
        return inv.dbClusters().stream().filter(d -> d.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void networkTypeIsReadForInstancesAndClusters() {
        Inventory inv = scan();

        assertThat(inv.collectionErrors()).isEmpty();
        assertThat(instance(inv, "app-db").networkType()).contains("DUAL");
        assertThat(instance(inv, "app-aurora-1").networkType()).contains("DUAL");
        assertThat(cluster(inv, "app-aurora").networkType()).contains("DUAL");
    }

    @Test
    void anIpv4OnlyInstanceIsReadAsSuch() {
        wire.server.stubFor(wire.request("us-east-1", "rds", "DescribeDBInstances").atPriority(0)
                .withRequestBody(notContaining("instances-page-2"))
                .willReturn(AwsWire.ok("rds", WireFindings.fixture("rds", "DescribeDBInstances.xml")
                        .replace("<NetworkType>DUAL</NetworkType>", "<NetworkType>IPV4</NetworkType>"))));
        Inventory inv = scan();

        assertThat(instance(inv, "app-db").networkType()).contains("IPV4");
    }

    @Test
    void anAnswerWithoutNetworkTypeLeavesItUnknown() {
        wire.server.stubFor(wire.request("us-east-1", "rds", "DescribeDBInstances").atPriority(0)
                .withRequestBody(notContaining("instances-page-2"))
                .willReturn(AwsWire.ok("rds", WireFindings.fixture("rds", "DescribeDBInstances.xml")
                        .replace("<NetworkType>DUAL</NetworkType>", ""))));
        wire.server.stubFor(wire.request("us-east-1", "rds", "DescribeDBClusters").atPriority(0)
                .willReturn(AwsWire.ok("rds", WireFindings.fixture("rds", "DescribeDBClusters.xml")
                        .replace("<NetworkType>DUAL</NetworkType>", ""))));
        Inventory inv = scan();

        assertThat(instance(inv, "app-db").networkType()).isEmpty();
        assertThat(cluster(inv, "app-aurora").networkType()).isEmpty();
    }
}
