package io.hipaaaudit.collect.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static org.assertj.core.api.Assertions.assertThat;

import io.hipaaaudit.findings.Status;
import io.hipaaaudit.inventory.CollectionError;
import io.hipaaaudit.inventory.Inventory;
import io.hipaaaudit.inventory.ResourceTypes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An answer that lacks one field the collector reads ends as a MissingField error on what it leaves unknown (the
 * resource, or its type in the region when the missing field is the identity) and the scan goes on.
 */
@Timeout(60)
class BrokenAnswerTest {
    static final String TRAIL = AwsCollectorTest.TRAIL;
    static final String CMK = AwsCollectorTest.CMK;

    private final AwsWire wire = new AwsWire().region("us-east-1");

    @AfterEach
    void stop() {
        wire.close();
    }

    private Inventory scan() {
        return new AwsCollector().collect(wire.options("us-east-1")).inventory();
    }

    private void answer(String service, String action, String body) {
        wire.server.stubFor(wire.request("us-east-1", service, action).atPriority(0)
                .willReturn(AwsWire.ok(service, body)));
    }

    private static CollectionError only(Inventory inv) {
        assertThat(inv.collectionErrors()).hasSize(1);
        CollectionError e = inv.collectionErrors().get(0);
        assertThat(e.code()).isEqualTo("MissingField");
        return e;
    }

    @Test
    void trailStatusWithoutIsLoggingLeavesThatTrailsLoggingUnknown() {
        answer("cloudtrail", "GetTrailStatus", "{\"LatestDeliveryTime\":1.7640432E9}");
        Inventory inv = scan();

        CollectionError e = only(inv);
        assertThat(e.resource()).contains(TRAIL);
        assertThat(e.message()).isEqualTo("GetTrailStatus answered without IsLogging");
        assertThat(e.fields()).containsExactly("isLogging");
        assertThat(inv.trails()).singleElement().satisfies(t -> {
            assertThat(t.isLogging()).isEmpty();
            assertThat(t.advancedEventSelectors()).isPresent();
        });
    }

    @Test
    void aTrailListedWithoutItsArnLeavesTrailsIncompleteInTheRegion() {
        answer("cloudtrail", "DescribeTrails", WireFindings.fixture("cloudtrail", "DescribeTrails.json")
                .replaceAll("\"TrailARN\":\"[^\"]*\",", ""));
        Inventory inv = scan();

        CollectionError e = only(inv);
        assertThat(e.perResource()).isFalse();
        assertThat(e.message()).isEqualTo("DescribeTrails answered without TrailARN");
        assertThat(e.resourceTypes()).containsExactly(ResourceTypes.TRAIL);
        assertThat(inv.trails()).isEmpty();
        assertThat(inv.vpcs()).hasSize(1);
    }

    @Test
    void describeKeyWithoutKeyMetadataLeavesThatKeyUndescribed() {
        wire.server.stubFor(wire.request("us-east-1", "kms", "DescribeKey").atPriority(0)
                .withRequestBody(containing("1234abcd")).willReturn(AwsWire.ok("kms", "{}")));
        Inventory inv = scan();

        CollectionError e = only(inv);
        assertThat(e.resource()).contains(CMK);
        assertThat(e.message()).isEqualTo("DescribeKey answered without KeyMetadata");
        assertThat(inv.kmsKeys()).filteredOn(k -> k.id().startsWith("1234abcd")).singleElement()
                .satisfies(k -> assertThat(k.state()).isEmpty());
        assertThat(inv.kmsKeys()).hasSize(2);
    }

    @Test
    void rotationStatusWithoutKeyRotationEnabledIsUnknownRotation() {
        answer("kms", "GetKeyRotationStatus", "{\"KeyId\":\"" + CMK + "\"}");
        Inventory inv = scan();

        CollectionError e = only(inv);
        assertThat(e.resource()).contains(CMK);
        assertThat(e.message()).isEqualTo("GetKeyRotationStatus answered without KeyRotationEnabled");
        assertThat(e.fields()).containsExactly("rotationEnabled");
        assertThat(WireFindings.status(inv, "kms-key-rotation-enabled", "1234abcd-12ab-34cd-56ef-1234567890ab"))
                .isEqualTo(Status.NOT_ASSESSED);
    }

    @Test
    void keyPolicyWithoutPolicyIsUnknownPolicy() {
        answer("kms", "GetKeyPolicy", "{\"PolicyName\":\"default\"}");
        Inventory inv = scan();

        CollectionError e = only(inv);
        assertThat(e.message()).isEqualTo("GetKeyPolicy answered without Policy");
        assertThat(e.fields()).containsExactly("policy");
        assertThat(WireFindings.status(inv, "kms-key-policy-not-public", "1234abcd-12ab-34cd-56ef-1234567890ab"))
                .isEqualTo(Status.NOT_ASSESSED);
    }

    @Test
    void aKeyListedWithoutItsArnIsNotAssessed() {
        wire.server.stubFor(wire.request("us-east-1", "kms", "ListKeys").atPriority(0)
                .withRequestBody(containing("keys-page-2"))
                .willReturn(AwsWire.ok("kms", "{\"Keys\":[{\"KeyId\":\"1234abcd-12ab-34cd-56ef-1234567890ab\"}],"
                        + "\"Truncated\":false}")));
        Inventory inv = scan();

        CollectionError e = only(inv);
        assertThat(e.resource()).contains("1234abcd-12ab-34cd-56ef-1234567890ab");
        assertThat(e.message()).isEqualTo("ListKeys answered without KeyArn");
        assertThat(inv.kmsKeys()).extracting(k -> k.arn()).contains(CMK);
    }

    @Test
    void aSecurityGroupWithoutItsIdLeavesGroupsIncompleteInTheRegion() {
        answer("ec2", "DescribeSecurityGroups", WireFindings.fixture("ec2", "DescribeSecurityGroups.xml")
                .replaceFirst("<groupId>[^<]*</groupId>", ""));
        Inventory inv = scan();

        CollectionError e = only(inv);
        assertThat(e.perResource()).isFalse();
        assertThat(e.message()).isEqualTo("DescribeSecurityGroups answered without groupId");
        assertThat(e.resourceTypes()).containsExactly(ResourceTypes.SECURITY_GROUP);
        assertThat(inv.dbInstances()).hasSize(2);
    }

    @Test
    void callerIdentityWithoutTheAccountLeavesTheAccountNotAssessed() {
        answer("sts", "GetCallerIdentity", WireFindings.fixture("sts", "GetCallerIdentity.xml")
                .replaceAll("<Account>[^<]*</Account>", ""));
        Inventory inv = scan();

        CollectionError e = only(inv);
        assertThat(e.operation()).isEqualTo("sts:GetCallerIdentity");
        assertThat(e.message()).isEqualTo("GetCallerIdentity answered without Account");
        assertThat(e.resourceTypes()).contains(ResourceTypes.ACCOUNT, ResourceTypes.DB_INSTANCE);
        assertThat(inv.accounts()).isEmpty();
        assertThat(inv.dbInstances()).isEmpty();
        assertThat(WireFindings.status(inv, "cloudtrail-multi-region-trail", "*")).isEqualTo(Status.NOT_ASSESSED);
        assertThat(WireFindings.status(inv, "rds-instance-storage-encrypted", "*")).isEqualTo(Status.NOT_ASSESSED);
    }

    @Test
    void aRouteToAnInternetGatewayLeadsToTheInternetWhenTheGatewaysCannotBeListed() {
        // the isolated DB subnet has no association: the VPC's main table decides, and it routes to an igw
        answer("ec2", "DescribeRouteTables", WireFindings.fixture("ec2", "DescribeRouteTables.xml")
                .replace("<natGatewayId>nat-0f00000000000001</natGatewayId>", "<gatewayId>igw-0c0000000000001</gatewayId>")
                .replaceAll("<nextToken>[^<]*</nextToken>", ""));
        wire.server.stubFor(wire.request("us-east-1", "ec2", "DescribeInternetGateways").atPriority(0)
                .willReturn(AwsWire.ec2Error(403, "UnauthorizedOperation", "You are not authorized to perform this operation.")));
        Inventory inv = scan();

        assertThat(inv.collectionErrors()).extracting(CollectionError::operation)
                .containsExactly("ec2:DescribeInternetGateways");
        assertThat(WireFindings.status(inv, "rds-db-subnet-isolated", "subnet-0bbb00000000isolated"))
                .isEqualTo(Status.FAIL);
    }

    @Test
    void prefixListEntriesThatCannotBeReadLeaveOnlyThatListUnknown() {
        wire.server.stubFor(wire.request("us-east-1", "ec2", "GetManagedPrefixListEntries").atPriority(0)
                .withRequestBody(containing("pl-0cust0000000001"))
                .willReturn(AwsWire.ec2Error(403, "UnauthorizedOperation", "You are not authorized to perform this operation.")));
        Inventory inv = scan();

        assertThat(inv.collectionErrors()).singleElement().satisfies(e -> {
            assertThat(e.resource()).contains("arn:aws:ec2:us-east-1:111122223333:prefix-list/pl-0cust0000000001");
            assertThat(e.resourceTypes()).containsExactly(ResourceTypes.MANAGED_PREFIX_LIST);
        });
        assertThat(inv.managedPrefixLists()).extracting(p -> p.id()).doesNotContain("pl-0cust0000000001")
                .contains("pl-63a5400a");
        // the database's own groups do not admit that list: its rules are still judged
        assertThat(WireFindings.status(inv, "rds-instance-sg-not-open-to-world", "app-db")).isEqualTo(Status.PASS);
    }

    @Test
    void anEc2PageWithoutItsListIsAListingErrorNotNoResources() {
        answer("ec2", "DescribeVpcs", "<DescribeVpcsResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\">"
                + "<requestId>r-1</requestId></DescribeVpcsResponse>");
        Inventory inv = scan();

        CollectionError e = only(inv);
        assertThat(e.perResource()).isFalse();
        assertThat(e.operation()).isEqualTo("ec2:DescribeVpcs");
        assertThat(e.message()).isEqualTo("DescribeVpcs answered without vpcSet");
        assertThat(e.resourceTypes()).containsExactly(ResourceTypes.VPC);
        assertThat(inv.vpcs()).isEmpty();
        assertThat(inv.subnets()).isNotEmpty();
    }

    @Test
    void anEmptyEc2ListIsAnAnswer() {
        answer("ec2", "DescribeNatGateways", "<DescribeNatGatewaysResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\">"
                + "<requestId>r-1</requestId><natGatewaySet/></DescribeNatGatewaysResponse>");
        Inventory inv = scan();

        assertThat(inv.collectionErrors()).isEmpty();
        assertThat(inv.natGateways()).isEmpty();
    }

    @Test
    void aSecurityGroupPageWithoutItsListIsAListingError() {
        answer("ec2", "DescribeSecurityGroups", "<DescribeSecurityGroupsResponse "
                + "xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\"><requestId>r-1</requestId>"
                + "</DescribeSecurityGroupsResponse>");
        CollectionError e = only(scan());
        assertThat(e.message()).isEqualTo("DescribeSecurityGroups answered without securityGroupInfo");
        assertThat(e.resourceTypes()).containsExactly(ResourceTypes.SECURITY_GROUP);
    }

    @Test
    void anInstanceWithoutItsParameterGroupsHasThemUnknownNotNone() {
        // the first page only (the request without the marker of the second)
        wire.server.stubFor(wire.request("us-east-1", "rds", "DescribeDBInstances").atPriority(0)
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.notContaining("instances-page-2"))
                .willReturn(AwsWire.ok("rds", WireFindings.fixture("rds", "DescribeDBInstances.xml")
                        .replaceFirst("(?s)<DBParameterGroups>.*?</DBParameterGroups>", ""))));
        Inventory inv = scan();

        CollectionError e = only(inv);
        assertThat(e.perResource()).isTrue();
        assertThat(e.operation()).isEqualTo("rds:DescribeDBInstances");
        assertThat(e.message()).isEqualTo("DescribeDBInstances answered without DBParameterGroups");
        assertThat(e.fields()).containsExactly("parameterGroupNames");
        assertThat(inv.dbInstances()).hasSizeGreaterThan(1);

        var doc = io.hipaaaudit.engine.Scan.run(inv, io.hipaaaudit.rules.RuleLoader.load(java.util.List.of()),
                new io.hipaaaudit.engine.Environments("default", "Environment"), java.util.Map.of());
        assertThat(doc.findings()).filteredOn(f -> f.ruleId().equals("rds-instance-force-ssl"))
                .filteredOn(f -> e.resource().orElseThrow().equals(f.resource().arn()))
                .singleElement().satisfies(f -> {
                    assertThat(f.status()).isEqualTo(Status.NOT_ASSESSED);
                    assertThat(f.message()).contains("DBParameterGroups");
                });
    }

    @Test
    void aClusterWithoutItsMembersHasThemUnknownNotNone() {
        answer("rds", "DescribeDBClusters", WireFindings.fixture("rds", "DescribeDBClusters.xml")
                .replaceFirst("(?s)<DBClusterMembers>.*?</DBClusterMembers>", ""));
        Inventory inv = scan();

        CollectionError e = only(inv);
        assertThat(e.resource()).hasValueSatisfying(r -> assertThat(r).contains("cluster:app-aurora"));
        assertThat(e.message()).isEqualTo("DescribeDBClusters answered without DBClusterMembers");
        assertThat(e.fields()).containsExactly("members");
        assertThat(inv.dbClusters()).singleElement().satisfies(c -> assertThat(c.members()).isEmpty());
    }
}
