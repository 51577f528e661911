package io.hipaaaudit.collect.aws;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.hipaaaudit.evidence.HttpExchange;
import io.hipaaaudit.json.Json;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/**
 * What makes two requests "the same call" for replay: client (service, region), method, host, path and query,
 * {@code X-Amz-Target} and the canonical body. Query-protocol bodies are compared as sorted parameters, JSON
 * bodies as JSON with sorted keys, so a different but equivalent serialisation still matches; the page token is
 * part of the body, so each page has its own key. Keys are built from redacted requests on both sides.
 */
record ExchangeKey(String service, String region, String method, String host, String path, String target,
                   String body) {

    static ExchangeKey of(String service, String region, HttpExchange.Request request) {
        URI uri = URI.create(request.url());
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        HostAndBucket addressed = serviceHost(service, uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()));
        String host = addressed.host();
        if (!addressed.bucket().isEmpty()) {
            path = "/" + addressed.bucket() + (path.equals("/") ? "" : path);
        }
        // REST APIs name the call (S3's ?policy) and carry the page token (Lambda's Marker, S3's continuation-token)
        // in the query: part of the key, its parameters in a fixed order
        if (uri.getRawQuery() != null && !uri.getRawQuery().isEmpty()) {
            path += "?" + new TreeMap<>(formParams(uri.getRawQuery()));
        }
        return new ExchangeKey(service, region, request.method(), host, path,
                request.headers().getOrDefault(AwsRedaction.TARGET, ""), canonical(request.body()));
    }

    /** A host without the bucket S3 puts in front of it, and that bucket (empty when there is none). */
    record HostAndBucket(String host, String bucket) {}

    /**
     * S3 addresses a bucket by host name against AWS ({@code bucket.s3.us-west-2.amazonaws.com/?policy}) and by
     * path against one endpoint ({@code s3.us-west-2.amazonaws.com/bucket?policy}, which the replay uses): both
     * are read as the path form, so a recording made against AWS replays.
     */
    static HostAndBucket serviceHost(String service, String host) {
        if (service.equals("s3")) {
            java.util.regex.Matcher m = VIRTUAL_HOSTED.matcher(host);
            if (m.matches()) {
                return new HostAndBucket(m.group(2), m.group(1));
            }
        }
        return new HostAndBucket(host, "");
    }

    private static final java.util.regex.Pattern VIRTUAL_HOSTED =
            java.util.regex.Pattern.compile("^(.+?)\\.(s3[.-].*amazonaws\\.com(:\\d+)?)$");

    static String canonical(String body) {
        String trimmed = body.strip();
        if (trimmed.isEmpty()) {
            return "";
        }
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            try {
                // maps are written with sorted keys (ORDER_MAP_ENTRIES_BY_KEYS), nested ones too
                return Json.json().writeValueAsString(Json.json().readValue(trimmed, Object.class));
            } catch (JsonProcessingException e) {
                return body;
            }
        }
        return new TreeMap<>(formParams(body)).toString();
    }

    /** Decoded parameters of an {@code application/x-www-form-urlencoded} body. */
    static Map<String, List<String>> formParams(String body) {
        return SdkHttpUtils.uriParams(URI.create("http://form/?" + body.strip()));
    }

    /** The REST APIs' actions, by their whole path (method GET): GetFunction's {@code functions/<name>} is not one. */
    private static final Map<String, String> REST_ACTIONS = Map.of("/2015-03-31/functions/?", "ListFunctions");

    /** The action of a request: as {@link #action(String, String)}, else from a REST API's path. */
    static String action(String target, String body, String url) {
        String action = action(target, body);
        if (action.equals("Unknown") && target.isEmpty()) {
            String path = URI.create(url).getRawPath();
            for (Map.Entry<String, String> rest : REST_ACTIONS.entrySet()) {
                if (path != null && path.matches(rest.getKey())) {
                    return rest.getValue();
                }
            }
        }
        return action;
    }

    /** The action: from {@code X-Amz-Target} (JSON 1.1, {@code TrentService.DescribeKey}) or {@code Action=}. */
    static String action(String target, String body) {
        if (!target.isEmpty()) {
            return target.substring(target.lastIndexOf('.') + 1);
        }
        try {
            List<String> action = formParams(body).get("Action");
            return action == null || action.isEmpty() ? "Unknown" : action.get(0);
        } catch (IllegalArgumentException e) {
            return "Unknown";
        }
    }
}
