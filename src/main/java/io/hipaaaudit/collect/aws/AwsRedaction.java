package io.hipaaaudit.collect.aws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hipaaaudit.json.Json;
import io.hipaaaudit.redact.Redaction;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What of an HTTP exchange may be kept (structural: the evidence keeps its shape; free-text messages go through
 * {@link Redaction} instead). Headers are kept by allow-list (so Authorization, the security token,
 * the payload hash, cookies and whatever a future SDK adds stay out), signature parameters leave the URL, and
 * credentials leave request and response bodies (STS AssumeRole answers with a key pair and a session token).
 * Lambda answers carry each function's environment variables: their values are replaced, their names kept (the
 * names are evidence, the values may be credentials).
 */
final class AwsRedaction {
    static final String TARGET = "x-amz-target";
    static final String REDACTED = "[redacted]";
    private static final Set<String> REQUEST_HEADERS = Set.of("content-type", TARGET, "amz-sdk-request");
    private static final Set<String> RESPONSE_HEADERS = Set.of("content-type", "date", "x-amzn-requestid",
            "x-amz-request-id", "x-amz-id-2", "x-amzn-errortype", "x-amzn-query-error");
    private static final Set<String> SECRET_FIELDS = Set.of("accesskeyid", "secretaccesskey", "sessiontoken",
            "externalid", "tokencode", "password");
    // The element names are fixed and their text never contains '<', so a targeted replacement keeps the rest of
    // the XML byte for byte, which a parse-and-serialise round trip would not.
    private static final Pattern XML_SECRET = Pattern.compile(
            "<(AccessKeyId|SecretAccessKey|SessionToken)>[^<]*</\\1>");

    private AwsRedaction() {}

    static Map<String, String> requestHeaders(Map<String, List<String>> headers) {
        return keep(headers, REQUEST_HEADERS);
    }

    static Map<String, String> responseHeaders(Map<String, List<String>> headers) {
        return keep(headers, RESPONSE_HEADERS);
    }

    private static Map<String, String> keep(Map<String, List<String>> headers, Set<String> allowed) {
        Map<String, String> out = new TreeMap<>();
        headers.forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (allowed.contains(lower)) {
                out.put(lower, String.join(",", values));
            }
        });
        return out;
    }

    /** The URL without signature or credential query parameters (pre-signed style). */
    static String url(URI uri) {
        String base = uri.getScheme() + "://" + uri.getRawAuthority() + (uri.getRawPath() == null ? "" : uri.getRawPath());
        if (uri.getRawQuery() == null) {
            return base;
        }
        String kept = java.util.Arrays.stream(uri.getRawQuery().split("&"))
                .filter(p -> !secretName(p.split("=", 2)[0])).collect(Collectors.joining("&"));
        return kept.isEmpty() ? base : base + "?" + kept;
    }

    private static boolean secretName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return Redaction.secretName(lower) || lower.startsWith("x-amz-") || lower.contains("accesskey")
                || SECRET_FIELDS.contains(lower);
    }

    /** A request body with secret parameter values (ExternalId, TokenCode) replaced. */
    static String requestBody(String body) {
        if (body.isEmpty() || body.strip().startsWith("{")) {
            return json(body);
        }
        return java.util.Arrays.stream(body.split("&", -1)).map(p -> {
            String[] kv = p.split("=", 2);
            return kv.length == 2 && SECRET_FIELDS.contains(kv[0].toLowerCase(Locale.ROOT)) ? kv[0] + "=" + REDACTED : p;
        }).collect(Collectors.joining("&"));
    }

    /** A response body with credentials replaced, XML (query protocol) or JSON. */
    static String responseBody(String body) {
        String stripped = body.strip();
        if (stripped.startsWith("{")) {
            return json(body);
        }
        return XML_SECRET.matcher(body).replaceAll("<$1>" + REDACTED + "</$1>");
    }

    private static String json(String body) {
        if (body.isBlank()) {
            return body;
        }
        try {
            JsonNode tree = Json.json().readTree(body);
            return redact(tree) ? Json.json().writeValueAsString(tree) : body;
        } catch (JsonProcessingException e) {
            return body;
        }
    }

    private static boolean redact(JsonNode node) {
        boolean changed = false;
        if (node instanceof ObjectNode object) {
            for (String field : (Iterable<String>) () -> object.fieldNames()) {
                if (field.equals("Environment") && object.get(field) instanceof ObjectNode environment
                        && environment.get("Variables") instanceof ObjectNode variables) {
                    variables.fieldNames().forEachRemaining(name -> variables.put(name, REDACTED));
                    changed = true;
                } else if (SECRET_FIELDS.contains(field.toLowerCase(Locale.ROOT)) && object.get(field).isTextual()) {
                    object.put(field, REDACTED);
                    changed = true;
                } else {
                    changed |= redact(object.get(field));
                }
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                changed |= redact(element);
            }
        }
        return changed;
    }
}
