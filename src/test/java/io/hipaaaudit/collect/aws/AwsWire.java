package io.hipaaaudit.collect.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A local AWS endpoint speaking the real wire formats. Responses live in {@code aws-wire/<region>/<service>/}:
 * {@code Action.xml|json} answers the action; {@code Action@text.xml} answers it when the request body contains
 * {@code text} (a page token or a resource id) and wins over the plain one. Requests are told apart by the
 * SigV4 credential scope ({@code /<region>/<service>/aws4_request}) and by {@code Action=} (query protocol) or
 * {@code X-Amz-Target} (JSON 1.1), or for a REST API (Lambda) by method and path, where {@code Action@text} matches
 * the page token {@code Marker=text} in the query.
 */
final class AwsWire implements AutoCloseable {
    static final String ACCOUNT = "111122223333";
    private static final Map<String, String> JSON_TARGETS = Map.of(
            "kms", "TrentService.", "cloudtrail", "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.",
            "logs", "Logs_20140328.", "secretsmanager", "secretsmanager.");
    /** REST APIs: service → action → path (regex) of its GET request. */
    private static final Map<String, Map<String, String>> REST_PATHS = Map.of(
            "lambda", Map.of("ListFunctions", "/2015-03-31/functions/?"));

    final WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort().containerThreads(16));

    AwsWire() {
        server.start();
    }

    URI endpoint() {
        return URI.create(server.baseUrl());
    }

    /** Serves every fixture file of a region. */
    AwsWire region(String region) {
        Path root = resource("aws-wire/" + region);
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(Files::isRegularFile).forEach(file -> {
                String service = file.getParent().getFileName().toString();
                String name = file.getFileName().toString().replaceAll("\\.(xml|json)$", "");
                String[] parts = name.split("@", 2);
                MappingBuilder mapping = request(region, service, parts[0]);
                if (service.startsWith("s3")) {
                    mapping = s3(region, service, parts[0], parts.length == 2 ? parts[1] : null);
                    server.stubFor(mapping.atPriority(parts.length == 2 ? 1 : 5).willReturn(s3Answer(read(file))));
                    return;
                }
                if (parts.length == 2 && REST_PATHS.containsKey(service)) {
                    mapping = mapping.withQueryParam("Marker", equalTo(parts[1])).atPriority(1);
                } else if (parts.length == 2) {
                    mapping = mapping.withRequestBody(containing(parts[1])).atPriority(1);
                } else {
                    mapping = mapping.atPriority(5);
                }
                server.stubFor(mapping.willReturn(ok(service, read(file))));
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /**
     * S3 (REST-XML, path-style against this endpoint): {@code Action@bucket} answers the action on that bucket, a
     * plain {@code Action} on any bucket; {@code ListBuckets@token} answers the page with that continuation token.
     * ListBuckets, GetBucketLocation and s3control GetPublicAccessBlock are account-level: any region answers.
     * An answer whose root is {@code <Error>} is sent with 403 (AccessDenied) or 404 as S3 does.
     */
    static final Map<String, String> S3_SUBRESOURCES = Map.of("GetBucketEncryption", "encryption",
            "GetPublicAccessBlock", "publicAccessBlock", "GetBucketPolicy", "policy", "GetBucketPolicyStatus",
            "policyStatus", "GetBucketLifecycleConfiguration", "lifecycle", "GetBucketOwnershipControls",
            "ownershipControls", "GetBucketAcl", "acl", "GetBucketTagging", "tagging", "GetBucketLocation", "location");

    MappingBuilder s3(String region, String service, String action, String bucketOrToken) {
        if (service.equals("s3control")) {
            return get(urlPathEqualTo("/v20180820/configuration/publicAccessBlock"))
                    .withHeader("x-amz-account-id", matching("[0-9]{12}"));
        }
        if (action.equals("ListBuckets")) {
            MappingBuilder m = get(urlPathEqualTo("/")).withQueryParam("max-buckets", matching(".*"));
            return bucketOrToken == null ? m : m.withQueryParam("continuation-token", equalTo(bucketOrToken));
        }
        // the sub-resource is a bare query key (?policy); a pattern on the whole URL keeps ?policy from ?policyStatus
        MappingBuilder m = get(urlMatching((bucketOrToken == null ? "/[^/?]+" : "/" + bucketOrToken) + "/?\\?(.*&)?"
                + S3_SUBRESOURCES.get(action) + "(=[^&]*)?(&.*)?"));
        return action.equals("GetBucketLocation") ? m
                : m.withHeader("Authorization", containing("/" + region + "/s3/aws4_request"));
    }

    static ResponseDefinitionBuilder s3Answer(String body) {
        boolean error = body.contains("<Error>");
        int status = !error ? 200 : body.contains("<Code>AccessDenied</Code>") ? 403 : 404;
        return aResponse().withStatus(status).withBody(body)
                .withHeader("Content-Type", body.startsWith("{") ? "application/json" : "application/xml");
    }

    /** An S3 error as S3 sends it. */
    static ResponseDefinitionBuilder s3Error(int status, String code, String message) {
        return s3Answer("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>"
                + message + "</Message><RequestId>4442587FB7D0A2F9</RequestId></Error>").withStatus(status);
    }

    /** A request matcher for one action of one service in one region. */
    MappingBuilder request(String region, String service, String action) {
        if (REST_PATHS.containsKey(service)) {
            return get(urlPathMatching(REST_PATHS.get(service).get(action)))
                    .withHeader("Authorization", containing("/" + region + "/" + service + "/aws4_request"));
        }
        MappingBuilder mapping = post(urlPathEqualTo("/"))
                .withHeader("Authorization", containing("/" + region + "/" + service + "/aws4_request"));
        String prefix = JSON_TARGETS.get(service);
        return prefix == null ? mapping.withRequestBody(containing("Action=" + action + "&"))
                : mapping.withHeader("X-Amz-Target", equalTo(prefix + action));
    }

    static ResponseDefinitionBuilder ok(String service, String body) {
        return aResponse().withStatus(200).withBody(body).withHeader("Content-Type",
                REST_PATHS.containsKey(service) ? "application/json"
                        : JSON_TARGETS.containsKey(service) ? "application/x-amz-json-1.1" : "text/xml;charset=UTF-8");
    }

    /** An EC2 error as EC2 sends it. */
    static ResponseDefinitionBuilder ec2Error(int status, String code, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "text/xml;charset=UTF-8").withBody(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response><Errors><Error><Code>" + code
                        + "</Code><Message>" + message + "</Message></Error></Errors>"
                        + "<RequestID>ea966190-f9aa-478e-9ede-example</RequestID></Response>");
    }

    /** An RDS (or STS) error as the query protocol sends it. */
    static ResponseDefinitionBuilder queryError(int status, String code, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "text/xml").withBody(
                "<ErrorResponse xmlns=\"http://rds.amazonaws.com/doc/2014-10-31/\"><Error><Type>Sender</Type><Code>"
                        + code + "</Code><Message>" + message + "</Message></Error>"
                        + "<RequestId>7bbf2e3c-example</RequestId></ErrorResponse>");
    }

    /** A JSON 1.1 error (KMS, CloudTrail, CloudWatch Logs, Secrets Manager). */
    static ResponseDefinitionBuilder jsonError(int status, String type, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/x-amz-json-1.1")
                .withBody("{\"__type\":\"" + type + "\",\"message\":\"" + message + "\"}");
    }

    /** A REST-JSON error (Lambda): the type in {@code x-amzn-ErrorType}, the message in the body. */
    static ResponseDefinitionBuilder restError(int status, String type, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withHeader("x-amzn-ErrorType", type)
                .withBody("{\"Type\":\"User\",\"Message\":\"" + message + "\"}");
    }

    /** Options for a scan of this endpoint: static fake keys, immediate retries, no rate limit. */
    AwsCollectorOptions options(String... regions) {
        return LocalEndpointOptions.of(endpoint(), Duration.ofSeconds(2))
                .withRegions(List.of(regions))
                .withConcurrency(4);
    }

    static Path resource(String name) {
        try {
            return Path.of(AwsWire.class.getClassLoader().getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static String read(Path file) {
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
