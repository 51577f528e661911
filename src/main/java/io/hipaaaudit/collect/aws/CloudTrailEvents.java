package io.hipaaaudit.collect.aws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hipaaaudit.inventory.aws.ChangeEvent;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads the CloudTrail record LookupEvents returns as a JSON string ({@code CloudTrailEvent}) into a
 * {@link ChangeEvent}. Only identity, time, source and call are kept: request parameters, access key ids and
 * session details stay out of the inventory. The principal is the caller's ARN (for an assumed role, the
 * {@code assumed-role/ROLE/SESSION} ARN, which names the person or job behind the session); where CloudTrail has
 * none (an AWS service acting, or an event shape without {@code arn}) the service or user name is kept instead.
 */
final class CloudTrailEvents {
    // A lenient mapper of its own: CloudTrail adds fields over time, and this reads a record, not our own JSON.
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CloudTrailEvents() {}

    /** The write event in {@code json}, or empty when it is a read-only call or cannot be understood. */
    static Optional<ChangeEvent> parse(String json) {
        JsonNode e;
        try {
            e = MAPPER.readTree(json);
        } catch (JsonProcessingException ex) {
            return Optional.empty();
        }
        if (e == null || !e.isObject() || e.path("readOnly").asBoolean(false)) {
            return Optional.empty();
        }
        Optional<Instant> time = text(e, "eventTime").flatMap(CloudTrailEvents::instant);
        Optional<String> name = text(e, "eventName");
        if (time.isEmpty() || name.isEmpty()) {
            return Optional.empty();
        }
        JsonNode who = e.path("userIdentity");
        Optional<String> principal = text(who, "userName").or(() -> text(who, "invokedBy"))
                .or(() -> text(who.path("sessionContext").path("sessionIssuer"), "userName"))
                .or(() -> text(who, "type"));
        return Optional.of(new ChangeEvent(text(e, "eventID").orElse(""), time.get(), name.get(),
                text(e, "eventSource").orElse(""), text(who, "arn"), principal, text(e, "sourceIPAddress"),
                text(e, "userAgent")));
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isTextual() && !v.asText().isBlank() ? Optional.of(v.asText()) : Optional.empty();
    }

    private static Optional<Instant> instant(String text) {
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException ex) {
            return Optional.empty();
        }
    }
}
