package io.hipaaaudit.collect.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static org.assertj.core.api.Assertions.assertThat;

import io.hipaaaudit.findings.Status;
import io.hipaaaudit.inventory.CollectionError;
import io.hipaaaudit.inventory.Inventory;
import io.hipaaaudit.inventory.ResourceTypes;
import io.hipaaaudit.inventory.aws.DbParameterGroup;
import io.hipaaaudit.inventory.aws.DbSnapshot;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * RDS calls about one parameter group or one snapshot, and answers that lack a list, against real SDK clients:
 * the failure stays on its resource, and an absent list is unknown, never "none".
 */
@Timeout(60)
class RdsPerResourceFaultTest {
    static final String APP_PG = "arn:aws:rds:us-east-1:111122223333:pg:app-pg16";
    static final String MANUAL = "arn:aws:rds:us-east-1:111122223333:snapshot:app-db-before-upgrade";

    private final AwsWire wire = new AwsWire().region("us-east-1");

    @AfterEach
    void stop() {
        wire.close();
    }

    private Inventory scan() {
        return new AwsCollector().collect(wire.options("us-east-1")).inventory();
    }

    private static CollectionError only(Inventory inv) {
        assertThat(inv.collectionErrors()).hasSize(1);
        return inv.collectionErrors().get(0);
    }

    private static DbSnapshot snapshot(Inventory inv, String id) {
        return inv.dbSnapshots().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    /** The first page of DescribeDBInstances (the request without a marker), altered. */
    private void firstInstancePage(String body) {
        wire.server.stubFor(wire.request("us-east-1", "rds", "DescribeDBInstances").atPriority(0)
                .withRequestBody(notContaining("instances-page-2")).willReturn(AwsWire.ok("rds", body)));
    }

    @Test
    void aParameterGroupThatCannotBeDescribedLeavesOnlyItsDatabasesUnassessedOnParameters() {
        wire.server.stubFor(wire.request("us-east-1", "rds", "DescribeDBParameters").atPriority(0)
                .withRequestBody(containing("app-pg16"))
                .willReturn(AwsWire.queryError(403, "AccessDenied", "not authorized to perform: rds:DescribeDBParameters")));
        Inventory inv = scan();

        CollectionError error = only(inv);
        assertThat(error.perResource()).isTrue();
        assertThat(error.resource()).contains(APP_PG);
        assertThat(error.operation()).isEqualTo("rds:DescribeDBParameters");
        assertThat(error.resourceTypes()).containsExactly(ResourceTypes.DB_PARAMETER_GROUP);
        assertThat(inv.dbParameterGroups()).extracting(DbParameterGroup::id)
                .containsExactlyInAnyOrder("app-aurora-cpg", "default.aurora-postgresql16");
        assertThat(WireFindings.status(inv, "rds-instance-force-ssl", "app-db")).isEqualTo(Status.NOT_ASSESSED);
        assertThat(WireFindings.status(inv, "rds-cluster-force-ssl", "app-aurora")).isNotEqualTo(Status.NOT_ASSESSED);
    }

    @Test
    void aClusterParameterGroupThatCannotBeDescribedIsAnErrorOfThatGroupOnly() {
        wire.server.stubFor(wire.request("us-east-1", "rds", "DescribeDBClusterParameters").atPriority(0)
                .willReturn(AwsWire.queryError(403, "AccessDenied", "not authorized")));
        Inventory inv = scan();

        CollectionError error = only(inv);
        assertThat(error.resource()).contains("arn:aws:rds:us-east-1:111122223333:cluster-pg:app-aurora-cpg");
        assertThat(WireFindings.status(inv, "rds-cluster-force-ssl", "app-aurora")).isEqualTo(Status.NOT_ASSESSED);
        assertThat(WireFindings.status(inv, "rds-instance-force-ssl", "app-db")).isNotEqualTo(Status.NOT_ASSESSED);
    }

    @Test
    void aSnapshotWhoseAttributesCannotBeReadHasOnlyItsSharingUnknown() {
        wire.server.stubFor(wire.request("us-east-1", "rds", "DescribeDBSnapshotAttributes").atPriority(0)
                .willReturn(AwsWire.queryError(403, "AccessDenied", "not authorized")));
        Inventory inv = scan();

        CollectionError error = only(inv);
        assertThat(error.resource()).contains(MANUAL);
        assertThat(error.fields()).containsExactly("restorableBy");
        assertThat(snapshot(inv, "app-db-before-upgrade").restorableBy()).isEmpty();
        assertThat(snapshot(inv, "app-aurora-share").restorableBy()).contains(List.of("444455556666"));
        assertThat(WireFindings.status(inv, "rds-snapshot-not-public", "app-db-before-upgrade"))
                .isEqualTo(Status.NOT_ASSESSED);
        assertThat(WireFindings.status(inv, "rds-snapshot-not-public", "app-aurora-share")).isEqualTo(Status.PASS);
    }

    @Test
    void snapshotAttributesAnsweredWithoutTheAttributesAreUnknownNotPrivate() {
        wire.server.stubFor(wire.request("us-east-1", "rds", "DescribeDBSnapshotAttributes").atPriority(0)
                .willReturn(AwsWire.ok("rds", WireFindings.fixture("rds", "DescribeDBSnapshotAttributes@app-db-before-upgrade.xml")
                        .replaceAll("(?s)<DBSnapshotAttributes>.*</DBSnapshotAttributes>", ""))));
        Inventory inv = scan();

        CollectionError error = only(inv);
        assertThat(error.code()).isEqualTo("MissingField");
        assertThat(error.message()).isEqualTo("DescribeDBSnapshotAttributes answered without DBSnapshotAttributes");
        assertThat(error.resource()).contains(MANUAL);
        assertThat(snapshot(inv, "app-db-before-upgrade").restorableBy()).isEmpty();
        assertThat(WireFindings.status(inv, "rds-snapshot-not-public", "app-db-before-upgrade"))
                .isEqualTo(Status.NOT_ASSESSED);
    }

    @Test
    void anUnsharedSnapshotsEmptyRestoreAttributeIsKnownPrivate() {
        wire.server.stubFor(wire.request("us-east-1", "rds", "DescribeDBSnapshotAttributes").atPriority(0)
                .willReturn(AwsWire.ok("rds", WireFindings.fixture("rds", "DescribeDBSnapshotAttributes@app-db-before-upgrade.xml")
                        .replace("<AttributeValues><AttributeValue>all</AttributeValue></AttributeValues>",
                                "<AttributeValues/>"))));
        Inventory inv = scan();

        assertThat(inv.collectionErrors()).isEmpty();
        assertThat(snapshot(inv, "app-db-before-upgrade").restorableBy()).contains(List.of());
        assertThat(WireFindings.status(inv, "rds-snapshot-not-public", "app-db-before-upgrade")).isEqualTo(Status.PASS);
    }

    @Test
    void anInstanceAnsweredWithoutItsSecurityGroupsIsNotOpenToNobody() {
        firstInstancePage(WireFindings.fixture("rds", "DescribeDBInstances.xml")
                .replaceAll("(?s)<VpcSecurityGroups>.*?</VpcSecurityGroups>", ""));
        Inventory inv = scan();

        CollectionError error = only(inv);
        assertThat(error.code()).isEqualTo("MissingField");
        assertThat(error.operation()).isEqualTo("rds:DescribeDBInstances");
        assertThat(error.message()).isEqualTo("DescribeDBInstances answered without VpcSecurityGroups");
        assertThat(error.resource()).contains("arn:aws:rds:us-east-1:111122223333:db:app-db");
        assertThat(error.fields()).containsExactly("vpcSecurityGroupIds");
        var db = inv.dbInstances().stream().filter(d -> d.id().equals("app-db")).findFirst().orElseThrow();
        assertThat(db.vpcSecurityGroupIds()).isEmpty();
        assertThat(WireFindings.status(inv, "rds-instance-sg-not-open-to-world", "app-db"))
                .isEqualTo(Status.NOT_ASSESSED);
        assertThat(WireFindings.status(inv, "rds-instance-port-not-internet-reachable", "app-db"))
                .isEqualTo(Status.NOT_ASSESSED);
    }

    @Test
    void aParameterSetByTheUserButListedWithoutItsValueIsUnknownNotTheEngineDefault() {
        wire.server.stubFor(wire.request("us-east-1", "rds", "DescribeDBParameters").atPriority(0)
                .withRequestBody(containing("app-pg16"))
                .willReturn(AwsWire.ok("rds", WireFindings.fixture("rds", "DescribeDBParameters@app-pg16.xml")
                        .replace("<ParameterValue>1</ParameterValue><Source>system</Source>", "<Source>user</Source>"))));
        Inventory inv = scan();

        CollectionError error = only(inv);
        assertThat(error.code()).isEqualTo("MissingField");
        assertThat(error.message()).isEqualTo("DescribeDBParameters answered without ParameterValue (rds.force_ssl)");
        assertThat(error.resource()).contains(APP_PG);
        assertThat(WireFindings.status(inv, "rds-instance-force-ssl", "app-db")).isEqualTo(Status.NOT_ASSESSED);
    }

    @Test
    void anEmptyBodyOnDescribeDbInstancesIsAnErrorNotAnAccountWithoutDatabases() {
        firstInstancePage("");
        Inventory inv = scan();

        CollectionError error = only(inv);
        assertThat(error.perResource()).isFalse();
        assertThat(error.operation()).isEqualTo("rds:DescribeDBInstances");
        assertThat(error.code()).isIn("MissingField", "MalformedResponse");
        assertThat(error.resourceTypes()).containsExactly(ResourceTypes.DB_INSTANCE, ResourceTypes.DB_PARAMETER_GROUP);
        assertThat(WireFindings.status(inv, "rds-instance-storage-encrypted", "*")).isEqualTo(Status.NOT_ASSESSED);
    }

    @Test
    void anAnswerWithoutTheInstanceListIsMissingFieldWhileAnEmptyListIsNoInstances() {
        firstInstancePage("<DescribeDBInstancesResponse xmlns=\"http://rds.amazonaws.com/doc/2014-10-31/\">"
                + "<DescribeDBInstancesResult></DescribeDBInstancesResult></DescribeDBInstancesResponse>");
        Inventory inv = scan();

        CollectionError error = only(inv);
        assertThat(error.code()).isEqualTo("MissingField");
        assertThat(error.message()).isEqualTo("DescribeDBInstances answered without DBInstances");
        assertThat(inv.dbInstances()).isEmpty();
    }

    @Test
    void anEmptyOrUnparsableBodyOnDescribeDbSnapshotsIsAnErrorOfTheType() {
        for (String body : List.of("", "<html><body>gateway</body></html>", "<DescribeDBSnapshotsResponse><Describe")) {
            wire.server.resetRequests();
            wire.server.stubFor(wire.request("us-east-1", "rds", "DescribeDBSnapshots").atPriority(0)
                    .willReturn(AwsWire.ok("rds", body)));
            Inventory inv = scan();

            CollectionError error = only(inv);
            assertThat(error.operation()).as(body).isEqualTo("rds:DescribeDBSnapshots");
            assertThat(error.code()).as(body).isIn("MissingField", "MalformedResponse");
            assertThat(error.resourceTypes()).containsExactly(ResourceTypes.DB_SNAPSHOT);
            assertThat(inv.dbSnapshots()).extracting(DbSnapshot::kind).containsOnly("cluster");
        }
    }

    @Test
    void anInstanceWithoutItsIdentifierLeavesTheTypeIncompleteAndTheScanGoesOn() {
        firstInstancePage(WireFindings.fixture("rds", "DescribeDBInstances.xml")
                .replace("<DBInstanceIdentifier>app-db</DBInstanceIdentifier>", ""));
        Inventory inv = scan();

        CollectionError error = only(inv);
        assertThat(error.perResource()).isFalse();
        assertThat(error.code()).isEqualTo("MissingField");
        assertThat(error.message()).isEqualTo("DescribeDBInstances answered without DBInstanceIdentifier");
        assertThat(error.resourceTypes()).contains(ResourceTypes.DB_INSTANCE);
        assertThat(inv.dbInstances()).extracting(d -> d.id()).containsExactly("app-aurora-1");
        assertThat(inv.dbClusters()).hasSize(1);
    }

    @Test
    void unknownEngineStatusAndSnapshotTypeAreAbsentNotEmptyText() {
        firstInstancePage(WireFindings.fixture("rds", "DescribeDBInstances.xml")
                .replaceAll("<Engine>[^<]*</Engine>", "").replaceAll("<DBInstanceStatus>[^<]*</DBInstanceStatus>", ""));
        wire.server.stubFor(wire.request("us-east-1", "rds", "DescribeDBSnapshots").atPriority(0)
                .willReturn(AwsWire.ok("rds", WireFindings.fixture("rds", "DescribeDBSnapshots.xml")
                        .replaceAll("<SnapshotType>[^<]*</SnapshotType>", ""))));
        Inventory inv = scan();

        var db = inv.dbInstances().stream().filter(d -> d.id().equals("app-db")).findFirst().orElseThrow();
        assertThat(db.engine()).isEmpty();
        assertThat(db.status()).isEmpty();
        assertThat(inv.dbSnapshots()).filteredOn(s -> s.kind().equals("instance"))
                .allSatisfy(s -> assertThat(s.snapshotType()).isEmpty());
        assertThat(WireFindings.status(inv, "rds-instance-force-ssl", "app-db")).isEqualTo(Status.NOT_ASSESSED);
        assertThat(WireFindings.status(inv, "rds-snapshot-not-public", "app-db-before-upgrade"))
                .isEqualTo(Status.NOT_ASSESSED);
    }
}
