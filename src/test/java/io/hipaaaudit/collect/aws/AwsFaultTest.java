package io.hipaaaudit.collect.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hipaaaudit.inventory.CollectionError;
import io.hipaaaudit.inventory.Inventory;
import io.hipaaaudit.inventory.ResourceTypes;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;

/** Every fault ends as a collection error scoped to what it leaves unknown; the rest is still collected. */
class AwsFaultTest {
    private final AwsWire wire = new AwsWire().region("us-east-1");

    @AfterEach
    void stop() {
        wire.close();
    }

    private AwsCollection scan(AwsCollectorOptions options) {
        return new AwsCollector().collect(options);
    }

    private static CollectionError only(Inventory inventory) {
        assertThat(inventory.collectionErrors()).hasSize(1);
        return inventory.collectionErrors().get(0);
    }

    @Test
    void accessDeniedOnOneApiLeavesOnlyItsTypeUnknown() {
        wire.server.stubFor(wire.request("us-east-1", "ec2", "DescribeSecurityGroups").atPriority(0)
                .willReturn(AwsWire.ec2Error(403, "UnauthorizedOperation",
                        "You are not authorized to perform this operation. Encoded authorization failure message: AbC123xyz")));
        Inventory inv = scan(wire.options("us-east-1")).inventory();

        CollectionError error = only(inv);
        assertThat(error.source()).isEqualTo("aws");
        assertThat(error.account()).contains(AwsWire.ACCOUNT);
        assertThat(error.region()).contains("us-east-1");
        assertThat(error.operation()).isEqualTo("ec2:DescribeSecurityGroups");
        assertThat(error.resourceTypes()).containsExactly(ResourceTypes.SECURITY_GROUP);
        assertThat(error.code()).isEqualTo("UnauthorizedOperation");
        assertThat(error.message()).isEqualTo("You are not authorized to perform this operation.");
        assertThat(inv.securityGroups()).isEmpty();
        assertThat(inv.vpcs()).hasSize(1);
        assertThat(inv.dbInstances()).hasSize(2);
        // Without the rules, which prefix lists matter is unknown: every list's entries are read.
        assertThat(inv.managedPrefixLists()).allSatisfy(p -> assertThat(p.entries()).isNotEmpty());
    }

    @Test
    void accessDeniedOnRdsClustersAlsoLeavesParameterGroupsUnknown() {
        wire.server.stubFor(wire.request("us-east-1", "rds", "DescribeDBClusters").atPriority(0)
                .willReturn(AwsWire.queryError(403, "AccessDenied",
                        "User: arn:aws:iam::111122223333:user/auditor is not authorized to perform: rds:DescribeDBClusters")));
        Inventory inv = scan(wire.options("us-east-1")).inventory();

        CollectionError error = only(inv);
        assertThat(error.operation()).isEqualTo("rds:DescribeDBClusters");
        assertThat(error.code()).isEqualTo("AccessDenied");
        assertThat(error.resourceTypes()).containsExactly(ResourceTypes.DB_CLUSTER, ResourceTypes.DB_PARAMETER_GROUP);
        assertThat(inv.dbClusters()).isEmpty();
        assertThat(inv.dbInstances()).hasSize(2);
        assertThat(inv.dbParameterGroups()).extracting(g -> g.id()).doesNotContain("app-aurora-cpg");
    }

    @Test
    void throttlingThenSuccessIsRetriedAndCounted() {
        wire.server.stubFor(wire.request("us-east-1", "ec2", "DescribeVpcs").atPriority(0)
                .inScenario("throttle").whenScenarioStateIs(STARTED).willSetStateTo("calm")
                .willReturn(AwsWire.ec2Error(503, "RequestLimitExceeded", "Request limit exceeded.")));
        wire.server.stubFor(wire.request("us-east-1", "kms", "ListAliases").atPriority(0)
                .inScenario("kms").whenScenarioStateIs(STARTED).willSetStateTo("calm")
                .willReturn(AwsWire.jsonError(400, "ThrottlingException", "Rate exceeded")));
        AwsCollection result = scan(wire.options("us-east-1"));

        assertThat(result.inventory().collectionErrors()).isEmpty();
        assertThat(result.inventory().vpcs()).hasSize(1);
        assertThat(result.inventory().kmsKeys()).hasSize(2);
        assertThat(result.apiCalls()).containsEntry("ec2:DescribeVpcs", 2L).containsEntry("kms:ListAliases", 2L);
        assertThat(result.retries()).containsEntry("ec2:DescribeVpcs", 1L).containsEntry("kms:ListAliases", 1L).hasSize(2);
    }

    @Test
    void aServerErrorStormEndsAsAnErrorAfterTheRetries() {
        wire.server.stubFor(wire.request("us-east-1", "rds", "DescribeDBInstances").atPriority(0)
                .willReturn(AwsWire.queryError(500, "InternalFailure", "The request processing has failed.")));
        AwsCollection result = scan(wire.options("us-east-1"));

        CollectionError error = only(result.inventory());
        assertThat(error.operation()).isEqualTo("rds:DescribeDBInstances");
        assertThat(error.code()).isEqualTo("InternalFailure");
        assertThat(error.resourceTypes()).containsExactly(ResourceTypes.DB_INSTANCE, ResourceTypes.DB_PARAMETER_GROUP);
        assertThat(result.apiCalls()).containsEntry("rds:DescribeDBInstances", 3L);
        assertThat(result.inventory().dbInstances()).isEmpty();
        assertThat(result.inventory().dbClusters()).hasSize(1);
    }

    @Test
    void aMalformedBodyIsAnErrorNotAnEmptyList() {
        wire.server.stubFor(wire.request("us-east-1", "ec2", "DescribeNatGateways").atPriority(0)
                .willReturn(AwsWire.ok("ec2", "<?xml version=\"1.0\"?><DescribeNatGatewaysResponse><natGatewaySet><item><natGatewayId>nat-")));
        Inventory inv = scan(wire.options("us-east-1")).inventory();

        CollectionError error = only(inv);
        assertThat(error.operation()).isEqualTo("ec2:DescribeNatGateways");
        assertThat(error.code()).isEqualTo("MalformedResponse");
        assertThat(error.resourceTypes()).containsExactly(ResourceTypes.NAT_GATEWAY);
        assertThat(error.message()).doesNotContain("\n");
        assertThat(inv.natGateways()).isEmpty();
    }

    @Test
    void aTimeoutIsAnError() {
        wire.server.stubFor(wire.request("us-east-1", "cloudtrail", "GetTrailStatus").atPriority(0)
                .willReturn(AwsWire.ok("cloudtrail", "{\"IsLogging\":true}").withFixedDelay(1500)));
        Inventory inv = scan(wire.options("us-east-1").withAttemptTimeout(Duration.ofMillis(300))).inventory();

        CollectionError error = only(inv);
        assertThat(error.operation()).isEqualTo("cloudtrail:GetTrailStatus");
        assertThat(error.code()).isEqualTo("Timeout");
        assertThat(error.resourceTypes()).containsExactly(ResourceTypes.TRAIL);
        assertThat(inv.trails()).singleElement().satisfies(t -> {
            assertThat(t.isLogging()).isEmpty();
            assertThat(t.advancedEventSelectors()).isPresent();
        });
    }

    @Test
    void aDisabledOptInRegionLeavesEveryAwsTypeUnknownThereAndOnlyThere() {
        wire.server.stubFor(post(urlPathEqualTo("/")).atPriority(0)
                .withHeader("Authorization", containing("/ap-east-1/ec2/"))
                .willReturn(AwsWire.ec2Error(401, "OptInRequired",
                        "You are not subscribed to this service. Please go to http://aws.amazon.com to subscribe.")));
        for (String service : List.of("rds", "kms", "cloudtrail", "secretsmanager")) {
            wire.server.stubFor(post(urlPathEqualTo("/")).atPriority(0)
                    .withHeader("Authorization", containing("/ap-east-1/" + service + "/"))
                    .willReturn(service.equals("rds")
                            ? AwsWire.queryError(403, "InvalidClientTokenId", "The security token included in the request is invalid.")
                            : AwsWire.jsonError(400, "UnrecognizedClientException", "The security token included in the request is invalid.")));
        }
        Inventory inv = scan(wire.options("us-east-1", "ap-east-1")).inventory();

        Set<String> unknown = new TreeSet<>();
        inv.collectionErrors().forEach(e -> {
            assertThat(e.region()).contains("ap-east-1");
            unknown.addAll(e.resourceTypes());
        });
        // S3 buckets are listed once per account (from us-east-1): none is in the disabled region, which is known
        assertThat(unknown).containsExactlyInAnyOrderElementsOf(ResourceTypes.ALL.stream()
                .filter(t -> t.startsWith("aws.") && !t.equals(ResourceTypes.ACCOUNT) && !t.equals(ResourceTypes.BUCKET))
                .toList());
        assertThat(inv.vpcs()).hasSize(1);
        assertThat(inv.accounts().get(0).regions()).containsExactly("us-east-1", "ap-east-1");
    }

    @Test
    void regionsDefaultToTheEnabledOnes() {
        wire.region("eu-west-1");
        AwsCollection result = scan(wire.options());
        assertThat(result.inventory().accounts().get(0).regions()).containsExactly("eu-west-1", "us-east-1");
        assertThat(result.apiCalls()).containsEntry("ec2:DescribeRegions", 1L);
        assertThat(result.inventory().collectionErrors()).isEmpty();
    }

    @Test
    void noCredentialsStopsTheScanWithOneLine() {
        var options = wire.options("us-east-1").withCredentialsProvider(() -> {
            throw SdkClientException.create("Unable to load credentials from any of the providers in the chain");
        });
        assertThatThrownBy(() -> scan(options)).isInstanceOf(AwsCredentialsException.class)
                .hasMessageStartingWith("No usable AWS credentials")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void rejectedCredentialsStopTheScanWithoutEchoingTheSecret() {
        wire.server.stubFor(wire.request("us-east-1", "sts", "GetCallerIdentity").atPriority(0)
                .willReturn(AwsWire.queryError(403, "InvalidClientTokenId", "The security token included in the request is invalid.")));
        assertThatThrownBy(() -> scan(wire.options("us-east-1"))).isInstanceOf(AwsCredentialsException.class)
                .hasMessageContaining("InvalidClientTokenId")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("wJalrXUtnFEMI"));
    }

    @Test
    void errorMessagesNeverCarryTheSecretKey() {
        wire.server.stubFor(post(urlPathEqualTo("/")).atPriority(0)
                .withHeader("Authorization", containing("/us-east-1/kms/"))
                .willReturn(aResponse().withStatus(502).withBody("<html>Bad gateway</html>")));
        Inventory inv = scan(wire.options("us-east-1")).inventory();
        assertThat(inv.collectionErrors()).isNotEmpty().allSatisfy(e -> {
            assertThat(e.message()).doesNotContain("wJalrXUtnFEMI").doesNotContain("AKIAIOSFODNN7EXAMPLE");
            assertThat(e.resourceTypes()).containsExactly(ResourceTypes.KMS_KEY);
        });
        // the keys RDS references are still known by their ARN, with nothing DescribeKey would have told
        assertThat(inv.kmsKeys()).isNotEmpty().allSatisfy(k -> {
            assertThat(k.state()).isEmpty();
            assertThat(k.manager()).isEmpty();
        });
    }
}
