package io.hipaaaudit.collect.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import io.hipaaaudit.findings.Finding;
import io.hipaaaudit.findings.Status;
import io.hipaaaudit.inventory.CollectionError;
import io.hipaaaudit.inventory.Inventory;
import io.hipaaaudit.inventory.ResourceTypes;
import io.hipaaaudit.inventory.aws.LambdaFunction;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Lambda ListFunctions read by the real SDK client from the wire (REST-JSON, two pages through NextMarker/Marker)
 * and judged by the Lambda rules: the documented meanings of an absent VpcConfig, Environment and KMSKeyArn, a
 * VpcConfig without the SecurityGroupIds that have no documented absence, a denied listing, and that no call but
 * ListFunctions is made (never GetFunction, which answers with a code download URL).
 */
@Timeout(60)
class LambdaWireTest {
    static final String API = "healthapp-api";
    static final String LEGACY = "legacy-report";
    static final String EXPORT = "batch-export";
    static final String CANARY = "canary-7f3a9e";

    private final AwsWire wire = new AwsWire().region("us-east-1");

    @AfterEach
    void stop() {
        wire.close();
    }

    private AwsCollection scan() {
        return new AwsCollector().collect(wire.options("us-east-1"));
    }

    static LambdaFunction function(Inventory inv, String name) {
        return inv.lambdaFunctions().stream().filter(f -> f.id().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void bothPagesAreReadWithEveryFieldAndNoValue() {
        AwsCollection c = scan();
        Inventory inv = c.inventory();

        assertThat(inv.collectionErrors()).isEmpty();
        assertThat(inv.lambdaFunctions()).extracting(LambdaFunction::id).containsExactlyInAnyOrder(API, LEGACY, EXPORT);
        assertThat(c.apiCalls()).containsEntry("lambda:ListFunctions", 2L);
        // 50 a page, the most ListFunctions returns; the second page continues from the first's NextMarker
        wire.server.verify(2, getRequestedFor(urlPathMatching("/2015-03-31/functions/?"))
                .withQueryParam("MaxItems", equalTo("50")));
        wire.server.verify(1, getRequestedFor(urlPathMatching("/2015-03-31/functions/?"))
                .withQueryParam("Marker", equalTo("lambda-page-2")));
        // never GetFunction (its answer holds a download URL for the code), nor any per-function call
        wire.server.verify(0, getRequestedFor(urlPathMatching("/2015-03-31/functions/.+")));

        LambdaFunction api = function(inv, API);
        assertThat(api.arn()).isEqualTo("arn:aws:lambda:us-east-1:111122223333:function:healthapp-api");
        assertThat(api.runtime()).contains("java21");
        assertThat(api.packageType()).contains("Zip");
        assertThat(api.role()).contains("arn:aws:iam::111122223333:role/healthapp-api");
        assertThat(api.kmsKeyArn()).contains(AwsCollectorTest.CMK);
        assertThat(api.vpcId()).contains("vpc-0a1b2c3d4e5f60001");
        assertThat(api.subnetIds()).containsExactly("subnet-0aaa000000000private");
        assertThat(api.securityGroupIds()).contains(List.of("sg-0la0000000000002"));
        assertThat(api.ipv6AllowedForDualStack()).contains(false);
        assertThat(api.environmentVariableNames()).containsExactly("DB_SECRET_ARN", "LOG_LEVEL");
        assertThat(api.lastModified()).contains("2026-11-02T09:15:00.000+0000");
        assertThat(api.state()).contains("Active");
        // the key the environment is encrypted with is described with the region's other keys
        assertThat(inv.kmsKeys()).anyMatch(k -> k.arn().equals(AwsCollectorTest.CMK) && k.manager().isPresent());
        // the record holds no value, the inventory text neither
        assertThat(io.hipaaaudit.inventory.InventoryJson.write(inv)).doesNotContain(CANARY).contains("DB_PASSWORD");

        assertThat(WireFindings.status(inv, "lambda-env-encrypted-with-cmk", API)).isEqualTo(Status.PASS);
        assertThat(WireFindings.status(inv, "lambda-no-plaintext-secrets-in-env", API)).isEqualTo(Status.PASS);
        Finding inPrivate = WireFindings.finding(inv, "lambda-function-in-private-subnets", API);
        assertThat(inPrivate.status()).as(inPrivate.message()).isEqualTo(Status.PASS);
        assertThat(inPrivate.message()).contains("PRIVATE_EGRESS");
        Finding secrets = WireFindings.finding(inv, "lambda-no-plaintext-secrets-in-env", EXPORT);
        assertThat(secrets.status()).isEqualTo(Status.FAIL);
        assertThat(secrets.message()).contains("DB_PASSWORD").doesNotContain(CANARY);
        assertThat(secrets.toString()).doesNotContain(CANARY);
    }

    @Test
    void noVpcConfigEnvironmentOrKeyAreTheirDocumentedMeanings() {
        Inventory inv = scan().inventory();

        LambdaFunction legacy = function(inv, LEGACY);
        assertThat(legacy.inVpc()).isFalse();
        assertThat(legacy.subnetIds()).isEmpty();
        assertThat(legacy.vpcId()).isEmpty();
        assertThat(legacy.securityGroupIds()).contains(List.of());
        assertThat(legacy.environmentVariableNames()).isEmpty();
        assertThat(legacy.kmsKeyArn()).isEmpty();
        // the absences are answers: nothing is recorded as missing and every rule judges the function
        assertThat(inv.collectionErrors()).isEmpty();
        assertThat(WireFindings.status(inv, "lambda-env-encrypted-with-cmk", LEGACY)).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(WireFindings.status(inv, "lambda-no-plaintext-secrets-in-env", LEGACY)).isEqualTo(Status.PASS);
        assertThat(WireFindings.status(inv, "lambda-function-in-private-subnets", LEGACY))
                .isEqualTo(Status.NOT_APPLICABLE);
    }

    @Test
    void aVpcConfigWithoutSecurityGroupIdsLeavesThemUnknownForThatFunctionOnly() {
        String page = WireFindings.fixture("lambda", "ListFunctions@lambda-page-2.json")
                .replace("\"SecurityGroupIds\":[\"sg-0la0000000000002\"],", "");
        wire.server.stubFor(wire.request("us-east-1", "lambda", "ListFunctions")
                .withQueryParam("Marker", equalTo("lambda-page-2")).atPriority(0).willReturn(AwsWire.ok("lambda", page)));

        Inventory inv = scan().inventory();

        assertThat(function(inv, EXPORT).securityGroupIds()).isEmpty();
        assertThat(inv.collectionErrors()).singleElement().satisfies(e -> {
            assertThat(e.operation()).isEqualTo("lambda:ListFunctions");
            assertThat(e.code()).isEqualTo(MissingField.CODE);
            assertThat(e.fields()).containsExactly("securityGroupIds");
            assertThat(e.message()).contains("VpcConfig.SecurityGroupIds");
        });
        Finding unknown = WireFindings.finding(inv, "lambda-function-in-private-subnets", EXPORT);
        assertThat(unknown.status()).isEqualTo(Status.NOT_ASSESSED);
        assertThat(unknown.message()).contains("VpcConfig.SecurityGroupIds");
        // the other functions, and the rules that do not read the groups, are still judged
        assertThat(WireFindings.status(inv, "lambda-function-in-private-subnets", API)).isEqualTo(Status.PASS);
        assertThat(WireFindings.status(inv, "lambda-no-plaintext-secrets-in-env", EXPORT)).isEqualTo(Status.FAIL);
    }

    @Test
    void aDeniedListingLeavesTheTypeUnknownInTheRegion() {
        wire.server.stubFor(wire.request("us-east-1", "lambda", "ListFunctions").atPriority(0)
                .willReturn(AwsWire.restError(403, "AccessDeniedException", "User: arn:aws:sts::111122223333:"
                        + "assumed-role/audit/x is not authorized to perform: lambda:ListFunctions")));

        AwsCollection c = scan();
        Inventory inv = c.inventory();

        assertThat(inv.lambdaFunctions()).isEmpty();
        assertThat(inv.collectionErrors()).singleElement().satisfies(e -> {
            assertThat(e.operation()).isEqualTo("lambda:ListFunctions");
            assertThat(e.code()).isEqualTo("AccessDeniedException");
            assertThat(e.resourceTypes()).containsExactly(ResourceTypes.LAMBDA_FUNCTION);
            assertThat(e.region()).contains("us-east-1");
        });
        assertThat(inv.collectionErrors()).extracting(CollectionError::perResource).containsOnly(false);
        for (String rule : List.of("lambda-function-in-private-subnets", "lambda-env-encrypted-with-cmk",
                "lambda-no-plaintext-secrets-in-env")) {
            assertThat(WireFindings.findings(inv, rule)).singleElement().satisfies(f -> {
                assertThat(f.status()).isEqualTo(Status.NOT_ASSESSED);
                assertThat(f.resource().region()).isEqualTo("us-east-1");
            });
        }
        // the rest of the region is collected
        assertThat(inv.dbInstances()).isNotEmpty();
        assertThat(Optional.ofNullable(c.apiCalls().get("lambda:ListFunctions"))).isPresent();
    }

    @Test
    void aDatabaseReachPathNamesTheFunctionsOfItsSourceGroup() {
        Inventory inv = scan().inventory();
        var views = io.hipaaaudit.engine.Views.build(inv, new io.hipaaaudit.engine.Environments("prod", null));
        var db = views.get(ResourceTypes.DB_CLUSTER).stream().filter(v -> v.id().equals("app-aurora")).findFirst()
                .orElseThrow();
        @SuppressWarnings("unchecked")
        var network = (java.util.Map<String, Object>) db.facts().get("network");
        @SuppressWarnings("unchecked")
        var entries = (List<java.util.Map<String, Object>>) network.get("ingress");
        assertThat(entries).filteredOn(i -> "sg-0la0000000000002".equals(i.get("group")))
                .isNotEmpty().allSatisfy(i -> assertThat(i.get("functions")).isEqualTo(List.of(EXPORT, API)));
        var fn = views.get(ResourceTypes.LAMBDA_FUNCTION).stream().filter(v -> v.id().equals(API)).findFirst()
                .orElseThrow();
        assertThat(fn.facts()).containsEntry("usesDatabase", true);
        @SuppressWarnings("unchecked")
        var used = (List<java.util.Map<String, Object>>) fn.facts().get("databases");
        assertThat(used).anySatisfy(d -> {
            assertThat(d).containsEntry("id", "app-aurora");
            assertThat((String) d.get("via")).contains("sg-0la0000000000002").contains("5432");
        });
    }
}
