package io.hipaaaudit.collect.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hipaaaudit.engine.Environments;
import io.hipaaaudit.scan.ScanRequest;
import io.hipaaaudit.scan.ScanResult;
import io.hipaaaudit.scan.Scanner;
import io.hipaaaudit.scan.Source;
import io.hipaaaudit.engine.Scan;
import io.hipaaaudit.findings.Finding;
import io.hipaaaudit.findings.FindingsDocument;
import io.hipaaaudit.findings.Status;
import io.hipaaaudit.inventory.Inventory;
import io.hipaaaudit.inventory.InventoryJson;
import io.hipaaaudit.inventory.aws.ChangeEvent;
import io.hipaaaudit.inventory.aws.ResourceChanges;
import io.hipaaaudit.rules.RuleLoader;
import io.hipaaaudit.rules.RulePack;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Change attribution: CloudTrail records of the shapes CloudTrail writes are read into who/when/where/which call,
 * a live scan looks up the resources of its failing findings once each through the real SDK client, and the
 * failing findings carry the result — or why it is missing — as evidence, without changing any verdict.
 */
class ChangeAttributionTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Environments ENV = new Environments("default", "Environment");
    private static final RulePack PACK = RuleLoader.load(List.of());

    @Test
    void readsWhoWhenWhereAndWhichCallFromTheEventShapesCloudTrailWrites() throws IOException {
        ChangeEvent sg = parse("authorize-security-group-ingress");
        assertThat(sg.eventName()).isEqualTo("AuthorizeSecurityGroupIngress");
        assertThat(sg.eventTime()).isEqualTo(Instant.parse("2026-11-23T16:04:11Z"));
        assertThat(sg.principalArn()).contains(
                "arn:aws:sts::111122223333:assumed-role/AWSReservedSSO_PlatformAdmin_0123456789abcdef/jane.doe@example.com");
        assertThat(sg.sourceIp()).contains("198.51.100.23");
        assertThat(sg.userAgent()).contains("AWS Internal");
        assertThat(sg.eventSource()).isEqualTo("ec2.amazonaws.com");

        ChangeEvent db = parse("modify-db-instance");
        assertThat(db.principalArn()).contains("arn:aws:iam::111122223333:user/ops-bot");
        assertThat(db.principal()).contains("ops-bot");
        assertThat(db.userAgent()).hasValueSatisfying(ua -> assertThat(ua).startsWith("aws-cli/2.15.30"));

        ChangeEvent key = parse("disable-key-rotation");
        assertThat(key.principalArn()).contains("arn:aws:iam::111122223333:root");
        assertThat(key.principal()).contains("Root");

        ChangeEvent route = parse("create-route");
        assertThat(route.principalArn()).contains("arn:aws:sts::111122223333:assumed-role/deploy-pipeline/github-actions-4821");
        assertThat(route.principal()).contains("deploy-pipeline");

        ChangeEvent service = parse("service-event");
        assertThat(service.principalArn()).isEmpty();
        assertThat(service.principal()).contains("rds.amazonaws.com");

        assertThat(CloudTrailEvents.parse(event("describe-db-instances-read-only"))).as("read-only call").isEmpty();
        assertThat(CloudTrailEvents.parse("{not json")).isEmpty();
        assertThat(CloudTrailEvents.parse("{\"eventName\":\"CreateRoute\"}")).as("no time").isEmpty();
    }

    @Test
    void keepsNoAccessKeyOrRequestParameterOfTheEvent() throws IOException {
        String kept = InventoryJson.write(Inventory.empty().withResourceChanges(List.of(new ResourceChanges(
                "111122223333", "us-east-1", "sg-1", List.of(parse("authorize-security-group-ingress")), Optional.empty()))));
        assertThat(kept).doesNotContain("ASIAEXAMPLEKEYID0001", "vendor debugging", "AROAEXAMPLEID");
        assertThat(InventoryJson.write(InventoryJson.parse(kept, "snapshot"))).as("round trip").isEqualTo(kept);
    }

    @Test
    void aLiveScanLooksUpWhoChangedTheResourcesOfFailingFindings() throws IOException {
        try (AwsWire wire = new AwsWire().region("us-east-1").region("eu-west-1")) {
            wire.server.stubFor(wire.request("us-east-1", "cloudtrail", "LookupEvents").atPriority(9)
                    .willReturn(AwsWire.ok("cloudtrail", "{\"Events\":[]}")));
            stubChanges(wire, "us-east-1", "app-db", "modify-db-instance", "describe-db-instances-read-only",
                    "service-event");
            ScanResult c = scan(wire.options("us-east-1", "eu-west-1"));

            List<ResourceChanges> changes = c.inventory().resourceChanges();
            assertThat(changes).extracting(ResourceChanges::resourceName).contains("app-db", "app-aurora")
                    .doesNotHaveDuplicates();
            assertThat(changes).as("several names of one region").hasSizeGreaterThan(2);
            // each region's write history is read from the start of collection (one page each here), then
            // us-east-1's writes of the scan's own time: that settles all its names, none is looked up by name
            assertThat(c.apiCalls()).containsEntry("cloudtrail:LookupEvents", 3L);
            ResourceChanges appDb = changes.stream().filter(r -> r.resourceName().equals("app-db")).findFirst().orElseThrow();
            assertThat(appDb.events()).extracting(ChangeEvent::eventName)
                    .as("newest first, read-only calls dropped").containsExactly("CreateDBSnapshot", "ModifyDBInstance");
            assertThat(appDb.unavailable()).isEmpty();

            Instant start = c.inventory().startedAt().orElseThrow();
            Instant end = c.inventory().finishedAt().orElseThrow();
            List<com.fasterxml.jackson.databind.JsonNode> windows = new java.util.ArrayList<>();
            for (var e : wire.server.getAllServeEvents()) {
                if ("com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.LookupEvents"
                        .equals(e.getRequest().getHeader("X-Amz-Target"))) {
                    windows.add(JSON.readTree(e.getRequest().getBodyAsString()));
                }
            }
            org.assertj.core.data.Offset<Double> ms = org.assertj.core.data.Offset.offset(0.001);
            assertThat(windows).as("the 90 days before collection started").filteredOn(b ->
                    Math.abs(b.get("EndTime").asDouble() - seconds(start)) < 0.001).hasSize(2)
                    .allSatisfy(b -> assertThat(b.get("StartTime").asDouble())
                            .isEqualTo(seconds(start.minus(Duration.ofDays(90))), ms));
            assertThat(windows).as("the scan's own time").filteredOn(b ->
                    Math.abs(b.get("StartTime").asDouble() - seconds(start)) < 0.001).singleElement()
                    .satisfies(b -> assertThat(b.get("EndTime").asDouble()).isEqualTo(seconds(end), ms));

            FindingsDocument doc = c.findings();
            Finding failing = doc.findings().stream()
                    .filter(f -> f.status() == Status.FAIL && f.resource().id().equals("app-db")).findFirst().orElseThrow();
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> shown = (List<Map<String, Object>>) failing.evidence().get("changes");
            assertThat(shown).hasSize(2);
            assertThat(shown.get(1)).containsEntry("call", "ModifyDBInstance")
                    .containsEntry("by", "arn:aws:iam::111122223333:user/ops-bot")
                    .containsEntry("from", "203.0.113.77").containsEntry("when", "2026-11-20T09:12:45Z")
                    .containsEntry("resource", "app-db");
            assertThat(doc.findings()).filteredOn(f -> f.status() == Status.PASS)
                    .allSatisfy(f -> assertThat(f.evidence()).doesNotContainKeys("changes", "changesUnavailable"));
            // re-evaluating only the failures gave what the whole pack evaluated on the final inventory gives
            assertThat(doc.findings()).isEqualTo(new io.hipaaaudit.engine.Evaluator(c.inventory(),
                    ENV.definedBy(PACK), Optional.empty()).evaluate(PACK));
        }
    }

    @Test
    void withoutPermissionTheFindingStaysFailingAndSaysWhyTheHistoryIsMissing() {
        try (AwsWire wire = new AwsWire().region("us-east-1")) {
            wire.server.stubFor(wire.request("us-east-1", "cloudtrail", "LookupEvents").atPriority(1)
                    .willReturn(AwsWire.jsonError(400, "AccessDeniedException",
                            "User: arn:aws:sts::111122223333:assumed-role/hipaa-audit/scan is not authorized to perform: cloudtrail:LookupEvents")));
            AwsCollection without = new AwsCollector().collect(wire.options("us-east-1"));
            ScanResult with = scan(wire.options("us-east-1"));

            assertThat(with.inventory().collectionErrors()).isEqualTo(without.inventory().collectionErrors());
            FindingsDocument plain = Scan.run(without.inventory(), PACK, ENV, Map.of());
            FindingsDocument attributed = with.findings();
            assertThat(attributed.findings()).extracting(Finding::ruleId, f -> f.resource().id(), Finding::status)
                    .as("attribution never changes a verdict")
                    .isEqualTo(plain.findings().stream().map(f -> org.assertj.core.groups.Tuple.tuple(
                            f.ruleId(), f.resource().id(), f.status())).toList());
            Finding failing = attributed.findings().stream()
                    .filter(f -> f.status() == Status.FAIL && f.resource().id().equals("app-db")).findFirst().orElseThrow();
            assertThat(failing.evidence().get("changesUnavailable")).asList().singleElement().asString()
                    .startsWith("app-db: cloudtrail:LookupEvents failed (AccessDeniedException)")
                    .contains("not authorized");
        }
    }

    @Test
    void lookupEventsIsHeldToItsOwnQuota() {
        try (AwsWire wire = new AwsWire().region("us-east-1")) {
            // a page of the write history that covers no time at all: each name is then looked up by name
            wire.server.stubFor(wire.request("us-east-1", "cloudtrail", "LookupEvents").atPriority(2)
                    .willReturn(AwsWire.ok("cloudtrail", "{\"Events\":[]}")));
            wire.server.stubFor(wire.request("us-east-1", "cloudtrail", "LookupEvents").atPriority(1)
                    .withRequestBody(matchingJsonPath("$.LookupAttributes[0].AttributeKey", equalTo("ReadOnly")))
                    .withRequestBody(matchingJsonPath("$[?(@.StartTime < "
                            + Instant.now().minus(Duration.ofDays(1)).getEpochSecond() + ")]"))
                    .willReturn(AwsWire.ok("cloudtrail", "{\"Events\":[],\"NextToken\":\"more\"}")));
            wire.server.stubFor(wire.request("us-east-1", "cloudtrail", "LookupEvents").atPriority(1)
                    .withRequestBody(matchingJsonPath("$.LookupAttributes[0].AttributeKey", equalTo("ResourceName")))
                    .willReturn(AwsWire.ok("cloudtrail", "{\"Events\":[]}")));
            List<io.hipaaaudit.inventory.aws.ChangeTarget> five = java.util.stream.IntStream.range(0, 5)
                    .mapToObj(i -> new io.hipaaaudit.inventory.aws.ChangeTarget(AwsWire.ACCOUNT, "us-east-1", "sg-" + i))
                    .toList();
            long start = System.nanoTime();
            // the wait for the limiter counts against the attempt timeout: give it room, or a slow attempt is retried
            AwsCollection c;
            try (AwsSession session = new AwsCollector().open(wire.options("us-east-1")
                    .withRatesPerSecond(Map.of("cloudtrail:LookupEvents", 2.0))
                    .withAttemptTimeout(Duration.ofSeconds(30)))) {
                session.changes(five);
                c = session.collection();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            // a history page that settles no name, then the five by name (their window holds the scan's own time)
            assertThat(c.apiCalls()).containsEntry("cloudtrail:LookupEvents", 6L);
            // 2 per second: the first call at once, the next five half a second apart (a lower bound only)
            assertThat(seconds).isGreaterThanOrEqualTo(2.4);
        }
    }

    private static double seconds(Instant t) {
        return t.getEpochSecond() + t.getNano() / 1e9;
    }

    /** A live scan of the wire's account through the scan pipeline, attribution on. */
    private static ScanResult scan(AwsCollectorOptions options) {
        return Scanner.run(ScanRequest.builder(new Source.Aws(options, new Source.Accounts.One(Optional.empty())), PACK)
                .environments(ENV).build());
    }

    private static ChangeEvent parse(String name) throws IOException {
        return CloudTrailEvents.parse(event(name)).orElseThrow();
    }

    private static String event(String name) throws IOException {
        return Files.readString(AwsWire.resource("cloudtrail-events/" + name + ".json"));
    }

    /**
     * Answers the changes of {@code resource} in {@code region} with the events of {@code names}, whichever way
     * they are asked for: looked up by its name, or read from the region's write history (where each event names
     * the resource in its {@code Resources}).
     */
    static void stubChanges(AwsWire wire, String region, String resource, String... names) throws IOException {
        String answer = lookupResponse(resource, names);
        wire.server.stubFor(wire.request(region, "cloudtrail", "LookupEvents").atPriority(1)
                .withRequestBody(matchingJsonPath("$.LookupAttributes[0].AttributeKey", equalTo("ResourceName")))
                .withRequestBody(matchingJsonPath("$.LookupAttributes[0].AttributeValue", equalTo(resource)))
                .willReturn(AwsWire.ok("cloudtrail", answer)));
        wire.server.stubFor(wire.request(region, "cloudtrail", "LookupEvents").atPriority(2)
                .withRequestBody(matchingJsonPath("$.LookupAttributes[0].AttributeKey", equalTo("ReadOnly")))
                .willReturn(AwsWire.ok("cloudtrail", answer)));
    }

    /** A LookupEvents response as CloudTrail sends it: the record itself travels as a JSON string. */
    static String lookupResponse(String resource, String... names) throws IOException {
        ObjectNode response = JSON.createObjectNode();
        ArrayNode events = response.putArray("Events");
        for (String name : names) {
            var record = JSON.readTree(event(name));
            ObjectNode e = events.addObject();
            e.put("EventId", record.get("eventID").asText());
            e.put("EventName", record.get("eventName").asText());
            e.put("ReadOnly", record.get("readOnly").asText());
            e.put("EventTime", Instant.parse(record.get("eventTime").asText()).getEpochSecond());
            e.put("EventSource", record.get("eventSource").asText());
            e.putArray("Resources").addObject().put("ResourceName", resource);
            e.put("CloudTrailEvent", JSON.writeValueAsString(record));
        }
        return JSON.writeValueAsString(response);
    }
}
