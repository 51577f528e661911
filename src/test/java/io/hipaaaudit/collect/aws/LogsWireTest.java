package io.hipaaaudit.collect.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.hipaaaudit.findings.Status;
import io.hipaaaudit.inventory.CollectionError;
import io.hipaaaudit.inventory.Inventory;
import io.hipaaaudit.inventory.ResourceTypes;
import io.hipaaaudit.inventory.aws.LogGroup;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * CloudWatch Logs DescribeLogGroups read by the real SDK client from the wire (JSON 1.1, two pages) and judged by
 * the log group rules: the documented meanings of an absent kmsKeyId (the service-owned key) and an absent
 * retentionInDays (never expire), a denied listing, and a page without its list.
 */
@Timeout(60)
class LogsWireTest {
    static final String AURORA = "/aws/rds/cluster/app-aurora/postgresql";
    static final String APP_DB = "/aws/rds/instance/app-db/postgresql";
    static final String UPGRADE = "/aws/rds/instance/app-db/upgrade";

    private final AwsWire wire = new AwsWire().region("us-east-1");

    @AfterEach
    void stop() {
        wire.close();
    }

    private AwsCollection scan() {
        return new AwsCollector().collect(wire.options("us-east-1"));
    }

    private static LogGroup group(Inventory inv, String name) {
        return inv.logGroups().stream().filter(g -> g.id().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void bothPagesOfDatabaseLogGroupsAreReadWithEveryField() {
        AwsCollection c = scan();
        Inventory inv = c.inventory();

        assertThat(inv.collectionErrors()).isEmpty();
        assertThat(inv.logGroups()).extracting(LogGroup::id).containsExactlyInAnyOrder(AURORA, APP_DB, UPGRADE);
        assertThat(c.apiCalls()).containsEntry("logs:DescribeLogGroups", 2L);
        // only the groups RDS exports to are asked for
        wire.server.verify(2, postRequestedFor(urlPathEqualTo("/"))
                .withRequestBody(containing("\"logGroupNamePrefix\":\"/aws/rds/\"")));
        LogGroup aurora = group(inv, AURORA);
        assertThat(aurora.arn()).isEqualTo("arn:aws:logs:us-east-1:111122223333:log-group:" + AURORA);
        assertThat(aurora.kmsKeyId()).contains(AwsCollectorTest.CMK);
        assertThat(aurora.retentionInDays()).contains(2192);
        assertThat(aurora.creationTime()).contains(Instant.parse("2025-01-01T00:00:00Z"));
        assertThat(aurora.logGroupClass()).contains("STANDARD");
        assertThat(aurora.dataProtectionStatus()).contains("ACTIVATED");
        assertThat(WireFindings.status(inv, "logs-group-encrypted-with-cmk", AURORA)).isEqualTo(Status.PASS);
        assertThat(WireFindings.status(inv, "logs-group-retention", AURORA)).isEqualTo(Status.PASS);
        assertThat(WireFindings.status(inv, "logs-group-retention", UPGRADE)).isEqualTo(Status.FAIL);
    }

    @Test
    void aGroupWithoutKmsKeyIdOrRetentionIsOnTheServiceKeyAndNeverExpires() {
        Inventory inv = scan().inventory();

        LogGroup appDb = group(inv, APP_DB);
        assertThat(appDb.kmsKeyId()).isEmpty();
        assertThat(appDb.retentionInDays()).isEmpty();
        assertThat(appDb.dataProtectionStatus()).isEmpty();
        // both absences are answers: nothing is recorded as missing, and both rules judge the group
        assertThat(inv.collectionErrors()).isEmpty();
        assertThat(WireFindings.status(inv, "logs-group-encrypted-with-cmk", APP_DB)).isEqualTo(Status.FAIL);
        assertThat(WireFindings.status(inv, "logs-group-retention", APP_DB)).isEqualTo(Status.PASS);
    }

    @Test
    void aDeniedListingLeavesLogGroupsUnknownInTheRegionAndTheRestIsCollected() {
        wire.server.stubFor(wire.request("us-east-1", "logs", "DescribeLogGroups").atPriority(0)
                .willReturn(AwsWire.jsonError(400, "AccessDeniedException",
                        "User: arn:aws:iam::111122223333:role/hipaa-audit is not authorized to perform: "
                                + "logs:DescribeLogGroups")));
        Inventory inv = scan().inventory();

        assertThat(inv.logGroups()).isEmpty();
        assertThat(inv.collectionErrors()).singleElement().satisfies(e -> {
            assertThat(e.operation()).isEqualTo("logs:DescribeLogGroups");
            assertThat(e.code()).isEqualTo("AccessDeniedException");
            assertThat(e.region()).contains("us-east-1");
            assertThat(e.resourceTypes()).containsExactly(ResourceTypes.LOG_GROUP);
            assertThat(e.perResource()).isFalse();
        });
        assertThat(inv.dbInstances()).isNotEmpty();
        assertThat(inv.kmsKeys()).isNotEmpty();
        assertThat(WireFindings.status(inv, "logs-group-encrypted-with-cmk", "*")).isEqualTo(Status.NOT_ASSESSED);
        assertThat(WireFindings.status(inv, "logs-group-retention", "*")).isEqualTo(Status.NOT_ASSESSED);
    }

    @Test
    void aPageWithoutItsListLeavesLogGroupsIncompleteInTheRegion() {
        wire.server.stubFor(wire.request("us-east-1", "logs", "DescribeLogGroups").atPriority(0)
                .withRequestBody(containing("logs-page-2")).willReturn(AwsWire.ok("logs", "{}")));
        Inventory inv = scan().inventory();

        CollectionError e = inv.collectionErrors().stream().filter(x -> x.operation().equals("logs:DescribeLogGroups"))
                .findFirst().orElseThrow();
        assertThat(e.code()).isEqualTo("MissingField");
        assertThat(e.message()).isEqualTo("DescribeLogGroups answered without logGroups");
        assertThat(e.resourceTypes()).containsExactly(ResourceTypes.LOG_GROUP);
        assertThat(WireFindings.status(inv, "logs-group-retention", "*")).isEqualTo(Status.NOT_ASSESSED);
    }

    @Test
    void theKeyOfAnotherAccountOnALogGroupIsDescribedWithTheDatabaseKeys() {
        String foreign = "arn:aws:kms:us-east-1:999988887777:key/5c9e0000-aaaa-4bbb-8ccc-000000000030";
        wire.server.stubFor(wire.request("us-east-1", "logs", "DescribeLogGroups").atPriority(0)
                .willReturn(AwsWire.ok("logs", "{\"logGroups\":[{\"logGroupName\":\"" + APP_DB + "\",\"kmsKeyId\":\""
                        + foreign + "\",\"retentionInDays\":3653}]}")));
        wire.server.stubFor(wire.request("us-east-1", "kms", "DescribeKey").atPriority(0)
                .withRequestBody(containing("5c9e0000")).willReturn(AwsWire.jsonError(400, "AccessDeniedException",
                        "not authorized to perform: kms:DescribeKey")));
        Inventory inv = scan().inventory();

        assertThat(group(inv, APP_DB).arn()).isEqualTo("arn:aws:logs:us-east-1:111122223333:log-group:" + APP_DB);
        assertThat(inv.kmsKeys()).anySatisfy(k -> {
            assertThat(k.arn()).isEqualTo(foreign);
            assertThat(k.manager()).isEqualTo(Optional.empty());
        });
        assertThat(WireFindings.status(inv, "logs-group-encrypted-with-cmk", APP_DB)).isEqualTo(Status.NOT_ASSESSED);
        assertThat(WireFindings.status(inv, "logs-group-retention", APP_DB)).isEqualTo(Status.PASS);
    }
}
