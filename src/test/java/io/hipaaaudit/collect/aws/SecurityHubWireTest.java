package io.hipaaaudit.collect.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.hipaaaudit.findings.Finding;
import io.hipaaaudit.findings.FindingsDocument;
import io.hipaaaudit.findings.ResourceRef;
import io.hipaaaudit.findings.ScanInfo;
import io.hipaaaudit.findings.Severity;
import io.hipaaaudit.findings.Status;
import io.hipaaaudit.json.Json;
import io.hipaaaudit.report.AsffDocuments;
import io.hipaaaudit.report.ReportInput;
import io.hipaaaudit.rules.RuleLoader;
import io.hipaaaudit.rules.RulePack;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * BatchImportFindings and GetFindings through the real Security Hub client (REST-JSON: POST /findings/import and
 * POST /findings) against a local endpoint: batches of 100, partial failures per finding id, a throttled call
 * retried, GetFindings paged with NextToken, and only this tool's stale findings archived.
 */
class SecurityHubWireTest {
    static final String ACCOUNT = AwsWire.ACCOUNT;
    static final String REGION = "us-east-1";
    static final String PRODUCT = "arn:aws:securityhub:us-east-1:" + ACCOUNT + ":product/" + ACCOUNT + "/default";
    private static final String KEY_ID = "ASIAZ7SECURITYHUBTST1";
    private static final String SECRET_KEY = "h7Tq2vLm8TnB4kWz0PjR6sYd1HfC3gUe5oAi7lQw";
    private static final String SESSION_TOKEN = "IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQ-hub-test";
    private static RulePack pack;

    private final AwsWire wire = new AwsWire();
    private final AwsClients clients = new AwsClients(wire.options(REGION).withCredentialsProvider(
            StaticCredentialsProvider.create(AwsSessionCredentials.create(KEY_ID, SECRET_KEY, SESSION_TOKEN))),
            StaticCredentialsProvider.create(AwsSessionCredentials.create(KEY_ID, SECRET_KEY, SESSION_TOKEN)),
            new ApiCallCounter(AwsCollectorOptions.DEFAULT_RATES, AwsCollectorOptions.DEFAULT_BURSTS),
            AwsTransport.network());
    private final SecurityHubFindings hub = new SecurityHubFindings(clients.securityHub(REGION), ACCOUNT, REGION);

    @AfterEach
    void stop() {
        clients.close();
        wire.close();
    }

    @Test
    void twoHundredFiftyFindingsGoInBatchesOf100AsTheAsffFilesHoldThem() throws Exception {
        stubImport(aResponse().withStatus(200).withBody("{\"FailedCount\":0,\"SuccessCount\":100,\"FailedFindings\":[]}"));
        List<ObjectNode> documents = documents(250);

        assertThat(hub.importFindings(documents)).isEmpty();

        List<LoggedRequest> calls = wire.server.findAll(postRequestedFor(urlPathEqualTo("/findings/import")));
        assertThat(calls).extracting(r -> Json.json().readTree(r.getBodyAsString()).get("Findings").size())
                .containsExactly(100, 100, 50);
        assertThat(calls.get(0).getHeader("Authorization")).contains("/us-east-1/securityhub/aws4_request");
        // the wire carries the document exactly as --format asff writes it
        for (int i = 0; i < 100; i++) {
            assertThat(Json.json().readTree(calls.get(0).getBodyAsString()).get("Findings").get(i))
                    .isEqualTo(documents.get(i));
        }
        assertThat(Json.json().readTree(calls.get(2).getBodyAsString()).get("Findings").get(49))
                .isEqualTo(documents.get(249));
    }

    @Test
    void aPartialFailureIsReportedPerFindingId() {
        List<ObjectNode> documents = documents(3);
        String bad = documents.get(1).get("Id").asText();
        stubImport(aResponse().withStatus(200).withBody("{\"FailedCount\":1,\"SuccessCount\":2,\"FailedFindings\":"
                + "[{\"Id\":\"" + bad + "\",\"ErrorCode\":\"InvalidInput\",\"ErrorMessage\":\"Finding Title too long\"}]}"));

        assertThat(hub.importFindings(documents)).containsExactly(
                new SecurityHubFindings.Failure(bad, "InvalidInput", "Finding Title too long"));
    }

    @Test
    void aThrottledCallIsRetried() {
        wire.server.stubFor(post(urlPathEqualTo("/findings/import")).inScenario("throttle")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("again")
                .willReturn(aResponse().withStatus(429).withHeader("x-amzn-ErrorType", "TooManyRequestsException")
                        .withHeader("Content-Type", "application/json").withBody("{\"Message\":\"Rate exceeded\"}")));
        wire.server.stubFor(post(urlPathEqualTo("/findings/import")).inScenario("throttle")
                .whenScenarioStateIs("again").willReturn(aResponse().withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"FailedCount\":0,\"SuccessCount\":2,\"FailedFindings\":[]}")));

        assertThat(hub.importFindings(documents(2))).isEmpty();
        assertThat(wire.server.findAll(postRequestedFor(urlPathEqualTo("/findings/import")))).hasSize(2);
    }

    @Test
    void aFailedCallFailsEachFindingOfItsBatchWithoutACredentialInTheMessage() {
        String echoed = "Request was: Authorization=AWS4-HMAC-SHA256 Credential=" + KEY_ID
                + "/20260101/us-east-1/securityhub/aws4_request, Signature=0f1e2d3c4b5a69788796a5b4c3d2e1f0 "
                + "X-Amz-Security-Token=" + SESSION_TOKEN + " aws_secret=" + SECRET_KEY + " key " + SECRET_KEY;
        stubImport(aResponse().withStatus(403).withHeader("x-amzn-ErrorType", "AccessDeniedException")
                .withBody("{\"Message\":\"" + echoed + "\"}"));
        List<ObjectNode> documents = documents(2);

        List<SecurityHubFindings.Failure> failures = hub.importFindings(documents);

        assertThat(failures).extracting(SecurityHubFindings.Failure::findingId)
                .containsExactly(documents.get(0).get("Id").asText(), documents.get(1).get("Id").asText());
        assertThat(failures).allSatisfy(f -> {
            assertThat(f.code()).isEqualTo("AccessDeniedException");
            assertThat(f.message()).startsWith("Request was:")
                    .doesNotContain(SECRET_KEY, SESSION_TOKEN, KEY_ID, "0f1e2d3c4b5a");
        });
    }

    @Test
    void onlyThisToolsStaleFindingsOfCompleteRegionsAreArchivedAcrossPages() throws Exception {
        ObjectNode current = documents(1).get(0);
        ObjectNode stale = documents(2).get(1);
        ObjectNode staleInIncompleteRegion = stale.deepCopy().put("Id", "hipaa-audit/rule/elsewhere");
        ((ObjectNode) staleInIncompleteRegion.get("Resources").get(0)).put("Region", "us-west-2");
        ObjectNode otherTool = stale.deepCopy().put("Id", "other-tool/finding-1");
        wire.server.stubFor(post(urlPathEqualTo("/findings")).atPriority(5).willReturn(json("{\"Findings\":["
                + current + "," + otherTool + "],\"NextToken\":\"page-2\"}")));
        wire.server.stubFor(post(urlPathEqualTo("/findings")).withRequestBody(containing("page-2")).atPriority(1)
                .willReturn(json("{\"Findings\":[" + stale + "," + staleInIncompleteRegion + "]}")));
        stubImport(aResponse().withStatus(200).withBody("{\"FailedCount\":0,\"SuccessCount\":1,\"FailedFindings\":[]}"));
        Instant now = Instant.parse("2026-12-03T10:00:00Z");

        SecurityHubFindings.Archived archived = hub.archiveStale(PRODUCT, Set.of(current.get("Id").asText()),
                REGION::equals, now);

        assertThat(archived.ids()).containsExactly(stale.get("Id").asText());
        assertThat(archived.failures()).isEmpty();
        List<LoggedRequest> gets = wire.server.findAll(postRequestedFor(urlPathEqualTo("/findings")));
        assertThat(gets).hasSize(2);
        JsonNode filters = Json.json().readTree(gets.get(0).getBodyAsString()).get("Filters");
        assertThat(filters.at("/ProductArn/0/Value").asText()).isEqualTo(PRODUCT);
        assertThat(filters.at("/ProductName/0/Value").asText()).isEqualTo("hipaa-audit");
        assertThat(filters.at("/AwsAccountId/0/Value").asText()).isEqualTo(ACCOUNT);
        assertThat(filters.at("/Region/0/Value").asText()).isEqualTo(REGION);
        assertThat(filters.at("/RecordState/0/Value").asText()).isEqualTo("ACTIVE");
        List<LoggedRequest> imports = wire.server.findAll(postRequestedFor(urlPathEqualTo("/findings/import")));
        JsonNode sent = Json.json().readTree(imports.get(0).getBodyAsString()).get("Findings");
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).get("Id").asText()).isEqualTo(stale.get("Id").asText());
        assertThat(sent.get(0).get("RecordState").asText()).isEqualTo("ARCHIVED");
        assertThat(sent.get(0).get("UpdatedAt").asText()).isEqualTo("2026-12-03T10:00:00Z");
        ObjectNode expected = stale.deepCopy().put("RecordState", "ARCHIVED").put("UpdatedAt", "2026-12-03T10:00:00Z");
        assertThat(sent.get(0)).isEqualTo(expected);
    }

    @Test
    void aFailedGetFindingsArchivesNothing() {
        wire.server.stubFor(post(urlPathEqualTo("/findings")).willReturn(aResponse().withStatus(400)
                .withHeader("x-amzn-ErrorType", "InvalidAccessException")
                .withBody("{\"Message\":\"Account is not subscribed to AWS Security Hub\"}")));

        SecurityHubFindings.Archived archived = hub.archiveStale(PRODUCT, Set.of(), r -> true, Instant.now());

        assertThat(archived.ids()).isEmpty();
        assertThat(archived.failures()).singleElement().satisfies(f -> {
            assertThat(f.findingId()).isEmpty();
            assertThat(f.code()).isEqualTo("InvalidAccessException");
        });
        assertThat(wire.server.findAll(postRequestedFor(urlPathEqualTo("/findings/import")))).isEmpty();
    }

    private void stubImport(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder answer) {
        wire.server.stubFor(post(urlPathEqualTo("/findings/import"))
                .willReturn(answer.withHeader("Content-Type", "application/json")));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    private static synchronized RulePack pack() {
        if (pack == null) {
            pack = RuleLoader.load(List.of());
        }
        return pack;
    }

    /** The ASFF documents of {@code n} failing findings on distinct RDS instances, as --format asff writes them. */
    static List<ObjectNode> documents(int n) {
        List<Finding> findings = IntStream.range(0, n).mapToObj(i -> new Finding("rds-storage-encrypted",
                "RDS storage is encrypted at rest", Severity.HIGH, i % 3 == 2 ? Status.NOT_ASSESSED : Status.FAIL,
                "encryption-at-rest", List.of("164.312(a)(2)(iv)"), new ResourceRef("aws.rds.db_instance",
                String.format("db-%04d", i), "arn:aws:rds:us-east-1:" + ACCOUNT + ":db:db-" + i, ACCOUNT, REGION),
                "db-" + i + " stores data unencrypted", Map.of("storageEncrypted", false), "Encrypt it",
                Optional.empty())).toList();
        ScanInfo scan = new ScanInfo("scan-1", Optional.of("2026-12-03T09:00:00Z"),
                Optional.of("2026-12-03T09:00:41Z"), "hipaa-audit", "1.2.3", "prod", List.of(ACCOUNT), List.of(REGION),
                List.of(), "inv", "pack", Map.of(), Map.of(), List.of());
        AsffDocuments.Grouped grouped = AsffDocuments.of(new ReportInput(new FindingsDocument(scan,
                findings.stream().sorted(Finding.ORDER).toList()), pack()));
        return grouped.groups().get(0).findings();
    }
}
