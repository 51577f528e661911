package io.hipaaaudit.collect.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import io.hipaaaudit.inventory.aws.ChangeEvent;
import io.hipaaaudit.inventory.aws.ChangeTarget;
import io.hipaaaudit.inventory.aws.ResourceChanges;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The change history of several resources of one region read at once: LookupEvents with {@code ReadOnly=false}
 * returns the region's write events newest first, each naming the resources it touched in {@code Resources} (the
 * list CloudTrail's {@code ResourceName} filter matches), in pages of at most 50 with a {@code NextToken}. Each
 * name gets the writes that name it; what the history pages do not settle cheaply is looked up by name, over the
 * part of the 90 days the pages did not cover. Real SDK client, wire format of the CloudTrail API reference.
 */
class ChangeHistoryTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REGION = "us-east-1";
    private static final String TARGET = "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.LookupEvents";

    @Test
    void severalNamesOfARegionAreSettledByOneReadOfItsWriteHistory() {
        try (AwsWire wire = new AwsWire().region(REGION)) {
            Instant now = Instant.now();
            wire.server.stubFor(history(wire, null).willReturn(page(null,
                    write("e1", "AuthorizeSecurityGroupIngress", now.minus(Duration.ofDays(1)), "sg-1"),
                    write("e2", "ModifyDBInstance", now.minus(Duration.ofDays(3)), "app-db", "app-pg"),
                    write("e3", "CreateRoute", now.minus(Duration.ofDays(4)), "rtb-9"),
                    write("e4", "RevokeSecurityGroupEgress", now.minus(Duration.ofDays(20)), "sg-1"))));

            Result r = changes(wire, "sg-1", "app-db", "app-pg", "arn:aws:kms:us-east-1:111122223333:key/k-1");

            assertThat(r.lookups()).as("the history before collection started, then the scan's own time").hasSize(2);
            JsonNode body = r.lookups().get(0);
            assertThat(body.at("/LookupAttributes/0/AttributeKey").asText()).isEqualTo("ReadOnly");
            assertThat(body.at("/LookupAttributes/0/AttributeValue").asText()).isEqualTo("false");
            assertThat(body.get("MaxResults").asInt()).isEqualTo(50);
            assertThat(body.get("EndTime").asDouble() - body.get("StartTime").asDouble())
                    .isEqualTo(Duration.ofDays(90).toSeconds(), org.assertj.core.data.Offset.offset(0.001));
            assertThat(r.events("sg-1")).as("newest first").containsExactly("e1", "e4");
            assertThat(r.events("app-db")).as("an event names every resource it touched").containsExactly("e2");
            assertThat(r.events("app-pg")).containsExactly("e2");
            assertThat(r.byName().get("arn:aws:kms:us-east-1:111122223333:key/k-1").events())
                    .as("no write in the whole history: known, not unavailable").isEmpty();
            assertThat(r.changes()).allSatisfy(c -> assertThat(c.unavailable()).isEmpty());
        }
    }

    @Test
    void pagesAreReadUntilEveryNameHasItsNewestWrites() {
        try (AwsWire wire = new AwsWire().region(REGION)) {
            Instant now = Instant.now();
            List<ObjectNode> first = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                first.add(write("a" + i, "ModifyDBInstance", now.minus(Duration.ofDays(1 + 10L * i)), "db-a"));
            }
            first.add(write("b0", "ModifyDBInstance", now.minus(Duration.ofDays(45)), "db-b"));
            wire.server.stubFor(history(wire, null).willReturn(page("t1", first.toArray(ObjectNode[]::new))));
            wire.server.stubFor(history(wire, "t1").willReturn(page("t2",
                    write("b1", "ModifyDBInstance", now.minus(Duration.ofDays(60)), "db-b"),
                    write("a5", "ModifyDBInstance", now.minus(Duration.ofDays(61)), "db-a"))));
            wire.server.stubFor(history(wire, "t2").willReturn(page(null,
                    write("b2", "CreateDBSnapshot", now.minus(Duration.ofDays(80)), "db-b"))));

            Result r = changes(wire, "db-a", "db-b", "db-c");

            assertThat(r.lookups()).extracting(b -> b.path("NextToken").asText("")).containsExactly("", "t1", "t2", "");
            assertThat(r.events("db-c")).isEmpty();
            assertThat(r.events("db-a")).as("the newest five").containsExactly("a0", "a1", "a2", "a3", "a4");
            assertThat(r.events("db-b")).as("to the end of the history").containsExactly("b0", "b1", "b2");
        }
    }

    @Test
    void aBusyHistoryIsLeftToLookupsByNameOverTheTimeItsPagesDidNotCover() {
        try (AwsWire wire = new AwsWire().region(REGION)) {
            Instant now = Instant.now();
            List<ObjectNode> busy = new ArrayList<>();
            for (int i = 0; i < 44; i++) {
                busy.add(write("n" + i, "CreateNetworkInterface", now.minusSeconds(60L * i), "eni-" + i));
            }
            for (int i = 0; i < 5; i++) {
                busy.add(write("s" + i, "AuthorizeSecurityGroupIngress", now.minusSeconds(60L * i + 30), "sg-s"));
            }
            Instant oldest = now.minusSeconds(3600);
            busy.add(write("x1", "ModifyDBInstance", oldest, "db-x"));
            wire.server.stubFor(history(wire, null).willReturn(page("more", busy.toArray(ObjectNode[]::new))));
            wire.server.stubFor(history(wire, "more").willReturn(AwsWire.jsonError(500, "InternalFailure", "not expected")));
            // by name: db-x's own page repeats the event the history page found, and has an older one
            wire.server.stubFor(byName(wire, "db-x").willReturn(page(null,
                    write("x1", "ModifyDBInstance", oldest, "db-x"),
                    write("x0", "CreateDBInstance", now.minus(Duration.ofDays(30)), "db-x"))));
            wire.server.stubFor(byName(wire, "db-y").willReturn(page(null)));

            Result r = changes(wire, "db-x", "db-y", "sg-s");

            assertThat(r.lookups()).as("one history page, the scan's own time, then one lookup per open name").hasSize(4);
            List<JsonNode> named = r.lookups().stream()
                    .filter(b -> b.at("/LookupAttributes/0/AttributeKey").asText().equals("ResourceName")).toList();
            assertThat(named).extracting(b -> b.at("/LookupAttributes/0/AttributeValue").asText())
                    .containsExactlyInAnyOrder("db-x", "db-y");
            // the pages covered the last hour: the lookups by name read what is older (a second of overlap)
            assertThat(named).allSatisfy(b -> assertThat(b.get("EndTime").asDouble())
                    .isEqualTo(oldest.getEpochSecond() + 1.0, org.assertj.core.data.Offset.offset(0.001)));
            assertThat(r.events("db-x")).as("found once").containsExactly("x1", "x0");
            assertThat(r.events("db-y")).isEmpty();
            assertThat(r.events("sg-s")).as("settled by the history page").containsExactly("s0", "s1", "s2", "s3", "s4");
            assertThat(r.changes()).allSatisfy(c -> assertThat(c.unavailable()).isEmpty());
        }
    }

    @Test
    void historyPagesThatSettleNoNameAreLeftForLookupsByNameOverTheWholeWindow() {
        try (AwsWire wire = new AwsWire().region(REGION)) {
            Instant now = Instant.now();
            List<ObjectNode> busy = new ArrayList<>();
            for (int i = 0; i < 49; i++) {
                busy.add(write("n" + i, "CreateNetworkInterface", now.minusSeconds(60L * i), "eni-" + i));
            }
            busy.add(write("x1", "ModifyDBInstance", now.minusSeconds(3600), "db-x"));
            wire.server.stubFor(history(wire, null).willReturn(page("more", busy.toArray(ObjectNode[]::new))));
            wire.server.stubFor(byName(wire, "db-x").willReturn(page(null,
                    write("x1", "ModifyDBInstance", now.minusSeconds(3600), "db-x"))));
            wire.server.stubFor(byName(wire, "db-y").willReturn(page(null)));

            Result r = changes(wire, "db-x", "db-y");

            assertThat(r.lookups()).as("the history page, then each name: the scan's own time is in their window")
                    .hasSize(3);
            assertThat(r.lookups().subList(1, 3)).allSatisfy(b -> {
                assertThat(b.at("/LookupAttributes/0/AttributeKey").asText()).isEqualTo("ResourceName");
                assertThat(b.get("EndTime").asDouble() - b.get("StartTime").asDouble())
                        .isEqualTo(Duration.ofDays(90).toSeconds(), org.assertj.core.data.Offset.offset(0.001));
            });
            assertThat(r.events("db-x")).containsExactly("x1");
        }
    }

    @Test
    void aNameAloneInItsRegionIsLookedUpByName() {
        try (AwsWire wire = new AwsWire().region(REGION)) {
            Instant now = Instant.now();
            wire.server.stubFor(byName(wire, "db-a").willReturn(page(null,
                    write("a0", "ModifyDBInstance", now.minus(Duration.ofDays(2)), "db-a"))));

            Result r = changes(wire, "db-a");

            assertThat(r.lookups()).singleElement()
                    .satisfies(b -> assertThat(b.at("/LookupAttributes/0/AttributeKey").asText()).isEqualTo("ResourceName"));
            assertThat(r.events("db-a")).containsExactly("a0");
        }
    }

    @Test
    void aHistoryPageThatFailsLaterLeavesTheOpenNamesToLookupsByName() {
        try (AwsWire wire = new AwsWire().region(REGION)) {
            Instant now = Instant.now();
            List<ObjectNode> first = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                first.add(write("a" + i, "ModifyDBInstance", now.minus(Duration.ofDays(1 + i)), "db-a"));
            }
            first.add(write("b0", "ModifyDBInstance", now.minus(Duration.ofDays(50)), "db-b"));
            wire.server.stubFor(history(wire, null).willReturn(page("t1", first.toArray(ObjectNode[]::new))));
            wire.server.stubFor(history(wire, "t1").willReturn(AwsWire.jsonError(400, "InvalidNextTokenException",
                    "The token is not valid")));
            wire.server.stubFor(byName(wire, "db-b").willReturn(AwsWire.jsonError(400, "AccessDeniedException",
                    "not authorized to perform: cloudtrail:LookupEvents")));

            Result r = changes(wire, "db-a", "db-b");

            assertThat(r.events("db-a")).hasSize(5);
            assertThat(r.byName().get("db-a").unavailable()).isEmpty();
            ResourceChanges b = r.byName().get("db-b");
            assertThat(b.events()).as("what the history page found stays").extracting(ChangeEvent::eventId)
                    .containsExactly("b0");
            assertThat(b.unavailable()).hasValueSatisfying(why -> assertThat(why)
                    .startsWith("cloudtrail:LookupEvents failed (AccessDeniedException)"));
        }
    }

    @Test
    void aHistoryReadThatIsRefusedMakesEveryNameUnavailableWithTheReason() {
        try (AwsWire wire = new AwsWire().region(REGION)) {
            wire.server.stubFor(history(wire, null).willReturn(AwsWire.jsonError(400, "AccessDeniedException",
                    "User: arn:aws:sts::111122223333:assumed-role/audit/scan is not authorized to perform: cloudtrail:LookupEvents")));

            Result r = changes(wire, "db-a", "db-b");

            assertThat(r.lookups()).as("the lookups by name would be refused alike").hasSize(1);
            assertThat(r.changes()).hasSize(2).allSatisfy(c -> {
                assertThat(c.events()).isEmpty();
                assertThat(c.unavailable()).hasValueSatisfying(why -> assertThat(why)
                        .startsWith("cloudtrail:LookupEvents failed (AccessDeniedException)").contains("not authorized"));
            });
        }
    }

    @Test
    void aScanReadsEachRegionsHistoryWhileItStillCollectsAndNotAtAllWithoutAttribution() throws IOException {
        try (AwsWire wire = new AwsWire().region(REGION)) {
            wire.server.setGlobalFixedDelay(100); // every answer takes a while: collection lasts about a second
            ChangeAttributionTest.stubChanges(wire, REGION, "app-db", "modify-db-instance");
            io.hipaaaudit.rules.RulePack pack = io.hipaaaudit.rules.RuleLoader.load(List.of());
            var source = new io.hipaaaudit.scan.Source.Aws(wire.options(REGION),
                    new io.hipaaaudit.scan.Source.Accounts.One(java.util.Optional.empty()));
            var scan = io.hipaaaudit.scan.Scanner.run(io.hipaaaudit.scan.ScanRequest.builder(source, pack).build());

            var served = wire.server.getAllServeEvents().stream()
                    .sorted(java.util.Comparator.comparing(e -> e.getRequest().getLoggedDate())).toList();
            java.util.Date firstLookup = served.stream().filter(e -> TARGET.equals(e.getRequest().getHeader("X-Amz-Target")))
                    .map(e -> e.getRequest().getLoggedDate()).findFirst().orElseThrow();
            java.util.Date lastCollected = served.stream().filter(e -> !TARGET.equals(e.getRequest().getHeader("X-Amz-Target")))
                    .map(e -> e.getRequest().getLoggedDate()).reduce((a, b) -> b).orElseThrow();
            assertThat(firstLookup).as("the history is read while the region is collected").isBefore(lastCollected);
            assertThat(scan.inventory().resourceChanges()).filteredOn(c -> c.resourceName().equals("app-db"))
                    .singleElement().satisfies(c -> assertThat(c.events()).isNotEmpty());

            wire.server.resetRequests();
            var plain = io.hipaaaudit.scan.Scanner.run(io.hipaaaudit.scan.ScanRequest.builder(source, pack)
                    .attribution(false).build());
            assertThat(plain.apiCalls()).doesNotContainKey("cloudtrail:LookupEvents");
            assertThat(wire.server.getAllServeEvents())
                    .noneMatch(e -> TARGET.equals(e.getRequest().getHeader("X-Amz-Target")));
        }
    }

    @Test
    void aBundleRecordedWithLookupsByNameReplaysToTheSameChangesAsOneRecordedWithTheHistoryRead() {
        // the demo's bundle as it was recorded before regions read their write history: eight lookups by name
        io.hipaaaudit.rules.RulePack pack = io.hipaaaudit.rules.RuleLoader.load(List.of());
        var old = io.hipaaaudit.scan.Scanner.run(io.hipaaaudit.scan.ScanRequest.builder(new io.hipaaaudit.scan.Source.Replay(
                java.nio.file.Path.of("src/test/resources/evidence/lookups-by-name")), pack).build());
        var now = io.hipaaaudit.scan.Scanner.run(io.hipaaaudit.scan.ScanRequest.builder(new io.hipaaaudit.scan.Source.Replay(
                java.nio.file.Path.of("examples/demo/evidence")), pack).build());

        assertThat(now.apiCalls()).as("per region one history page and one of the scan's own time")
                .containsEntry("cloudtrail:LookupEvents", 4L);
        assertThat(now.inventory().resourceChanges()).hasSize(8)
                .anySatisfy(c -> assertThat(c.events()).isNotEmpty());
        assertThat(old.inventory().resourceChanges()).isEqualTo(now.inventory().resourceChanges());
        assertThat(old.findings().findings()).isEqualTo(now.findings().findings());
    }

    private record Result(List<ResourceChanges> changes, List<JsonNode> lookups) {
        Map<String, ResourceChanges> byName() {
            return changes.stream().collect(Collectors.toMap(ResourceChanges::resourceName, Function.identity()));
        }

        List<String> events(String name) {
            return byName().get(name).events().stream().map(ChangeEvent::eventId).toList();
        }
    }

    private static Result changes(AwsWire wire, String... names) {
        List<ChangeTarget> targets = java.util.Arrays.stream(names)
                .map(n -> new ChangeTarget(AwsWire.ACCOUNT, REGION, n)).toList();
        List<ResourceChanges> changes;
        // the scan's own time (the window starting when collection started): nothing was written then
        wire.server.stubFor(recent(wire).atPriority(5).willReturn(page(null)));
        try (AwsSession session = new AwsCollector().open(wire.options(REGION)
                .withRatesPerSecond(Map.of("cloudtrail:LookupEvents", 100.0)))) {
            wire.server.resetRequests();
            changes = session.changes(targets);
        }
        List<JsonNode> lookups = wire.server.getAllServeEvents().stream()
                .filter(e -> TARGET.equals(e.getRequest().getHeader("X-Amz-Target")))
                .sorted(java.util.Comparator.comparing(e -> e.getRequest().getLoggedDate()))
                .map(e -> {
                    try {
                        return JSON.readTree(e.getRequest().getBodyAsString());
                    } catch (IOException ex) {
                        throw new UncheckedIOException(ex);
                    }
                }).toList();
        assertThat(changes).extracting(ResourceChanges::resourceName).containsExactlyInAnyOrder(names);
        return new Result(changes, lookups);
    }

    /** The history before collection started: a window that starts 90 days ago. */
    private static MappingBuilder history(AwsWire wire, String token) {
        MappingBuilder m = wire.request(REGION, "cloudtrail", "LookupEvents").atPriority(1)
                .withRequestBody(matchingJsonPath("$.LookupAttributes[0].AttributeKey", equalTo("ReadOnly")))
                .withRequestBody(matchingJsonPath("$[?(@.StartTime < " + dayAgo() + ")]"));
        return token == null ? m.withRequestBody(matchingJsonPath("$.NextToken", absent()))
                : m.withRequestBody(matchingJsonPath("$.NextToken", equalTo(token)));
    }

    /** The writes of the scan's own time: a window that starts when collection started. */
    static MappingBuilder recent(AwsWire wire) {
        return wire.request(REGION, "cloudtrail", "LookupEvents")
                .withRequestBody(matchingJsonPath("$.LookupAttributes[0].AttributeKey", equalTo("ReadOnly")))
                .withRequestBody(matchingJsonPath("$[?(@.StartTime > " + dayAgo() + ")]"));
    }

    private static long dayAgo() {
        return Instant.now().minus(Duration.ofDays(1)).getEpochSecond();
    }

    private static MappingBuilder byName(AwsWire wire, String name) {
        return wire.request(REGION, "cloudtrail", "LookupEvents").atPriority(1)
                .withRequestBody(matchingJsonPath("$.LookupAttributes[0].AttributeKey", equalTo("ResourceName")))
                .withRequestBody(matchingJsonPath("$.LookupAttributes[0].AttributeValue", equalTo(name)));
    }

    /** An event of LookupEvents' answer: the record travels as a JSON string, the resources it names beside it. */
    private static ObjectNode write(String id, String name, Instant when, String... resources) {
        ObjectNode record = JSON.createObjectNode();
        record.put("eventVersion", "1.09");
        record.putObject("userIdentity").put("type", "IAMUser")
                .put("arn", "arn:aws:iam::111122223333:user/ops").put("userName", "ops");
        record.put("eventTime", when.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        record.put("eventSource", "ec2.amazonaws.com");
        record.put("eventName", name);
        record.put("awsRegion", REGION);
        record.put("sourceIPAddress", "203.0.113.7");
        record.put("readOnly", false);
        record.put("eventID", id);
        ObjectNode e = JSON.createObjectNode();
        e.put("EventId", id);
        e.put("EventName", name);
        e.put("ReadOnly", "false");
        e.put("EventTime", when.getEpochSecond());
        e.put("EventSource", "ec2.amazonaws.com");
        ArrayNode named = e.putArray("Resources");
        for (String r : resources) {
            named.addObject().put("ResourceType", "AWS::EC2::Thing").put("ResourceName", r);
        }
        try {
            e.put("CloudTrailEvent", JSON.writeValueAsString(record));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return e;
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder page(String next, ObjectNode... events) {
        ObjectNode response = JSON.createObjectNode();
        ArrayNode list = response.putArray("Events");
        for (ObjectNode e : events) {
            list.add(e);
        }
        if (next != null) {
            response.put("NextToken", next);
        }
        return AwsWire.ok("cloudtrail", response.toString());
    }
}
