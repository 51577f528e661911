package io.hipaaaudit.demo;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Serves the demo environment's hand-written AWS answers ({@code examples/demo/aws-wire/<region>/<service>/}) in
 * the real wire formats, with the test endpoint's naming: {@code Action.xml|json} answers the action in that
 * region; {@code Action@text.xml|json} answers it when the request names {@code text} (a parameter group, a
 * snapshot, a key id) and wins over the plain one. A {@code LookupEvents@name} answers only the lookup of exactly
 * that resource name (or of an ARN ending in {@code /name}), so {@code healthapp-prod} does not also answer for
 * the snapshot {@code healthapp-prod-pre-migration-...}; a read of the region's write history
 * ({@code ReadOnly=false}) before the collection time gets the write events of all of them, one of the scan's own
 * time (from the collection time on) none. Lambda's REST API is matched by method and path. The
 * region comes from the SigV4 credential scope.
 */
final class DemoWire implements AutoCloseable {
    private static final Map<String, String> JSON_TARGETS = Map.of(
            "kms", "TrentService.", "cloudtrail", "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.",
            "logs", "Logs_20140328.", "secretsmanager", "secretsmanager.");
    /** REST APIs: service → action → path (regex) of its GET request. */
    private static final Map<String, Map<String, String>> REST_PATHS = Map.of(
            "lambda", Map.of("ListFunctions", "/2015-03-31/functions/?"));

    private final WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort().containerThreads(8));

    private final ZonedDateTime date;
    private final Map<UUID, String> fixtureOfStub = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<UUID, List<String>> historyFiles = new java.util.concurrent.ConcurrentHashMap<>();

    DemoWire(Path fixtures, Instant date) {
        this.date = date.atZone(ZoneOffset.UTC);
        server.start();
        try (Stream<Path> files = Files.walk(fixtures)) {
            files.filter(Files::isRegularFile).sorted().forEach(file -> serve(fixtures.relativize(file)
                    .getName(0).toString(), file));
            try (Stream<Path> regions = Files.list(fixtures)) {
                regions.filter(r -> Files.isDirectory(r.resolve("cloudtrail"))).sorted().forEach(this::serveHistory);
            }
        } catch (IOException e) {
            server.stop();
            throw new UncheckedIOException(e);
        }
    }

    URI endpoint() {
        return URI.create(server.baseUrl());
    }

    /** Every request the endpoint saw that matched no fixture (none, when the fixtures cover the scan). */
    List<String> unmatched() {
        return server.findAllUnmatchedRequests().stream()
                .map(r -> r.getHeader("X-Amz-Target") + " " + r.getBodyAsString()).toList();
    }

    /** Fixture files that answered no request so far. */
    List<String> unusedFixtures() {
        java.util.Set<String> used = new java.util.HashSet<>();
        server.getAllServeEvents().forEach(e -> {
            if (e.getStubMapping() != null && fixtureOfStub.containsKey(e.getStubMapping().getId())) {
                used.add(fixtureOfStub.get(e.getStubMapping().getId()));
            }
            if (e.getStubMapping() != null) {
                used.addAll(historyFiles.getOrDefault(e.getStubMapping().getId(), List.of()));
            }
        });
        return fixtureOfStub.values().stream().filter(f -> !used.contains(f)).sorted().toList();
    }

    /**
     * A region's write history ({@code LookupEvents} with {@code ReadOnly=false}, one page): the write events of
     * all its {@code LookupEvents@name} answers, each naming its resources, newest first, as CloudTrail returns
     * them. Its stub counts as the use of each of those files.
     */
    private void serveHistory(Path regionDir) {
        String region = regionDir.getFileName().toString();
        List<Path> named;
        try (Stream<Path> files = Files.list(regionDir.resolve("cloudtrail"))) {
            named = files.filter(f -> f.getFileName().toString().startsWith("LookupEvents@")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (named.isEmpty()) {
            return;
        }
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        java.util.Map<String, com.fasterxml.jackson.databind.JsonNode> events = new java.util.LinkedHashMap<>();
        for (Path f : named) {
            try {
                json.readTree(read(f)).path("Events").forEach(e -> {
                    if (!"true".equalsIgnoreCase(e.path("ReadOnly").asText())) {
                        events.putIfAbsent(e.path("EventId").asText(), e);
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        var page = json.createObjectNode();
        var list = page.putArray("Events");
        events.values().stream().sorted(java.util.Comparator.comparingDouble(
                (com.fasterxml.jackson.databind.JsonNode e) -> e.path("EventTime").asDouble()).reversed()).forEach(list::add);
        var stub = server.stubFor(post(urlPathEqualTo("/"))
                .withHeader("Authorization", containing("/" + region + "/cloudtrail/aws4_request"))
                .withHeader("X-Amz-Target", equalTo(JSON_TARGETS.get("cloudtrail") + "LookupEvents"))
                .withRequestBody(matchingJsonPath("$.LookupAttributes[0].AttributeKey", equalTo("ReadOnly")))
                .atPriority(2)
                .willReturn(aResponse().withStatus(200).withBody(page.toString())
                        .withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withHeader("x-amzn-RequestId", UUID.nameUUIDFromBytes((region + "/cloudtrail/history")
                                .getBytes(StandardCharsets.UTF_8)).toString())
                        .withHeader("Date", DateTimeFormatter.RFC_1123_DATE_TIME.format(date))));
        named.forEach(f -> historyFiles.computeIfAbsent(stub.getId(), k -> new java.util.ArrayList<>())
                .add(region + "/cloudtrail/" + f.getFileName()));
        // the scan's own time (from the start of collection, which is the demo's date): nothing was written then
        server.stubFor(post(urlPathEqualTo("/"))
                .withHeader("Authorization", containing("/" + region + "/cloudtrail/aws4_request"))
                .withHeader("X-Amz-Target", equalTo(JSON_TARGETS.get("cloudtrail") + "LookupEvents"))
                .withRequestBody(matchingJsonPath("$.LookupAttributes[0].AttributeKey", equalTo("ReadOnly")))
                .withRequestBody(matchingJsonPath("$[?(@.StartTime >= " + date.minusDays(1).toEpochSecond() + ")]"))
                .atPriority(1)
                .willReturn(aResponse().withStatus(200).withBody("{\"Events\":[]}")
                        .withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withHeader("x-amzn-RequestId", UUID.nameUUIDFromBytes((region + "/cloudtrail/recent")
                                .getBytes(StandardCharsets.UTF_8)).toString())
                        .withHeader("Date", DateTimeFormatter.RFC_1123_DATE_TIME.format(date))));
    }

    private void serve(String region, Path file) {
        String service = file.getParent().getFileName().toString();
        String name = file.getFileName().toString().replaceAll("\\.(xml|json)$", "");
        String[] parts = name.split("@", 2);
        if (service.startsWith("s3")) {
            serveS3(region, service, parts[0], file);
            return;
        }
        boolean rest = REST_PATHS.containsKey(service);
        MappingBuilder mapping = (rest ? get(urlPathMatching(REST_PATHS.get(service).get(parts[0])))
                : post(urlPathEqualTo("/")))
                .withHeader("Authorization", containing("/" + region + "/" + service + "/aws4_request"));
        String prefix = JSON_TARGETS.get(service);
        if (!rest) {
            mapping = prefix == null ? mapping.withRequestBody(containing("Action=" + parts[0] + "&"))
                    : mapping.withHeader("X-Amz-Target", equalTo(prefix + parts[0]));
        }
        if (parts.length == 2 && rest) {
            mapping = mapping.withQueryParam("Marker", equalTo(parts[1])).atPriority(1);
        } else if (parts.length == 2 && parts[0].equals("LookupEvents")) {
            mapping = mapping.withRequestBody(matchingJsonPath("$.LookupAttributes[0].AttributeValue",
                    matching("(.*/)?" + Pattern.quote(parts[1])))).atPriority(1);
        } else if (parts.length == 2) {
            mapping = mapping.withRequestBody(containing(parts[1])).atPriority(1);
        } else {
            mapping = mapping.atPriority(5);
        }
        // the headers AWS sends with every answer: a request id (derived from the file, so it is stable) and the
        // date, which is the demo's collection time
        var stub = server.stubFor(mapping.willReturn(aResponse().withStatus(200).withBody(read(file))
                .withHeader("Content-Type", rest ? "application/json"
                        : prefix != null ? "application/x-amz-json-1.1" : "text/xml;charset=UTF-8")
                .withHeader("x-amzn-RequestId", UUID.nameUUIDFromBytes((region + "/" + service + "/" + name)
                        .getBytes(StandardCharsets.UTF_8)).toString())
                .withHeader("Date", DateTimeFormatter.RFC_1123_DATE_TIME.format(date))));
        fixtureOfStub.put(stub.getId(), region + "/" + service + "/" + file.getFileName());
    }

    /**
     * S3 (REST-XML, path-style against this endpoint): {@code Action} answers the action on any bucket of the
     * region; ListBuckets and s3control GetPublicAccessBlock are account-level, so any region's request gets them.
     */
    private void serveS3(String region, String service, String action, Path file) {
        Map<String, String> subresources = Map.of("GetBucketEncryption", "encryption", "GetPublicAccessBlock",
                "publicAccessBlock", "GetBucketPolicy", "policy", "GetBucketPolicyStatus", "policyStatus",
                "GetBucketLifecycleConfiguration", "lifecycle", "GetBucketOwnershipControls", "ownershipControls",
                "GetBucketAcl", "acl", "GetBucketTagging", "tagging");
        MappingBuilder mapping;
        if (service.equals("s3control")) {
            mapping = get(urlPathEqualTo("/v20180820/configuration/publicAccessBlock"));
        } else if (action.equals("ListBuckets")) {
            mapping = get(urlMatching("/\\?(.*&)?max-buckets=.*"));
        } else {
            // the sub-resource is a bare query key (?policy); a pattern on the whole URL keeps ?policy from ?policyStatus
            // the bucket is in the host name (AWS addressing, as the demo records) or the path (one endpoint)
            mapping = get(urlMatching("/([^/?]+/?)?\\?(.*&)?" + subresources.get(action) + "(=[^&]*)?(&.*)?"))
                    .withHeader("Authorization", containing("/" + region + "/s3/aws4_request"));
        }
        String body = read(file);
        var stub = server.stubFor(mapping.atPriority(5).willReturn(aResponse().withStatus(200).withBody(body)
                .withHeader("Content-Type", body.startsWith("{") ? "application/json" : "application/xml")
                .withHeader("x-amz-request-id", UUID.nameUUIDFromBytes((region + "/" + service + "/" + action)
                        .getBytes(StandardCharsets.UTF_8)).toString().replace("-", "").substring(0, 16).toUpperCase())
                .withHeader("Date", DateTimeFormatter.RFC_1123_DATE_TIME.format(date))));
        fixtureOfStub.put(stub.getId(), region + "/" + service + "/" + file.getFileName());
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
