package io.hipaaaudit.bench.aws;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One AWS request as the endpoint sees it: region and service from the SigV4 credential scope
 * ({@code Credential=AKID/date/<region>/<service>/aws4_request}), the action from {@code Action=} (query protocol)
 * or {@code X-Amz-Target} (JSON 1.1), and the parameters.
 */
record WireRequest(String region, String service, String action, Map<String, String> form, JsonNode json) {
    private static final Pattern SCOPE = Pattern.compile("Credential=[^/]+/\\d{8}/([^/]+)/([^/]+)/aws4_request");

    static WireRequest parse(String authorization, String target, String body) {
        Matcher m = SCOPE.matcher(authorization == null ? "" : authorization);
        if (!m.find()) {
            throw new Paging.BadRequest("missing SigV4 credential scope");
        }
        if (target != null) {
            try {
                JsonNode json = JsonWire.MAPPER.readTree(body.isEmpty() ? "{}" : body);
                return new WireRequest(m.group(1), m.group(2), target.substring(target.lastIndexOf('.') + 1), Map.of(), json);
            } catch (java.io.IOException e) {
                throw new Paging.BadRequest("malformed JSON body");
            }
        }
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return new WireRequest(m.group(1), m.group(2), form.getOrDefault("Action", ""), Map.copyOf(form), null);
    }

    /** A form parameter, or a JSON field, or null. */
    String param(String name) {
        if (json != null) {
            JsonNode v = json.get(name);
            return v == null || v.isNull() ? null : v.asText();
        }
        return form.get(name);
    }

    /** Every form value whose key matches {@code regex} (e.g. the values of a query-protocol filter). */
    List<String> values(String regex) {
        return form.entrySet().stream().filter(e -> e.getKey().matches(regex)).map(Map.Entry::getValue).sorted().toList();
    }

    /** A request without the page-size parameter (EC2 gives DescribeSecurityGroups a lower quota then). */
    boolean unpaged() {
        return param("MaxResults") == null && param("MaxRecords") == null && param("Limit") == null;
    }

    record Answer(int status, String contentType, String body) {
        static Answer xml(String body) {
            return new Answer(200, "text/xml;charset=UTF-8", body);
        }

        static Answer json(String body) {
            return new Answer(200, "application/x-amz-json-1.1", body);
        }
    }
}
