package io.hipaaaudit.evidence;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One HTTP attempt an AWS SDK client made, as the evidence bundle keeps it: what was asked (signing headers and
 * cookies already removed), what came back (credentials in the body already redacted), or why nothing came back.
 *
 * @param time     when the request was sent
 * @param service  the IAM service prefix, e.g. {@code ec2}
 * @param region   the region of the client that sent it
 * @param action   the API action, e.g. {@code DescribeVpcs}
 * @param response empty when the attempt failed before an answer arrived ({@code failure} says why)
 */
public record HttpExchange(Instant time, String service, String region, String action, Request request,
                           Optional<Response> response, Optional<Failure> failure) {
    public HttpExchange {
        response = response == null ? Optional.empty() : response;
        failure = failure == null ? Optional.empty() : failure;
    }

    /** @param body the request body as UTF-8 text (query-protocol form or JSON), empty when there is none */
    public record Request(String method, String url, Map<String, String> headers, String body) {
        public Request {
            headers = new TreeMap<>(headers == null ? Map.of() : headers);
            body = body == null ? "" : body;
        }
    }

    public record Response(int status, Map<String, String> headers, String body) {
        public Response {
            headers = new TreeMap<>(headers == null ? Map.of() : headers);
            body = body == null ? "" : body;
        }
    }

    /** @param timeout whether the attempt timed out (replayed as a timeout, not as a network error) */
    public record Failure(boolean timeout, String message) {}
}
