package io.hipaaaudit.bench.aws;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/** What the synthetic endpoint counted: requests and throttles per action, and the most requests in flight. */
record ServerStats(Map<String, Long> requests, Map<String, Long> throttled, int peakInFlight) {
    static ServerStats fetch(URI endpoint) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(endpoint.resolve("/__stats")).GET().build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json = JsonWire.MAPPER.readTree(r.body());
        TypeReference<Map<String, Long>> counts = new TypeReference<>() {};
        return new ServerStats(JsonWire.MAPPER.convertValue(json.get("requests"), counts),
                JsonWire.MAPPER.convertValue(json.get("throttled"), counts), json.get("peakInFlight").asInt());
    }

    long totalThrottled() {
        return throttled.values().stream().mapToLong(Long::longValue).sum();
    }
}
