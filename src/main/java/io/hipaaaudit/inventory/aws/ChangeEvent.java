package io.hipaaaudit.inventory.aws;

import io.hipaaaudit.inventory.Nulls;
import java.time.Instant;
import java.util.Optional;

/**
 * One write API call CloudTrail recorded against a resource: who made it ({@code principalArn}, or the
 * {@code principal} name CloudTrail shows when there is no ARN, e.g. the root user or an AWS service), when, from
 * where and with which call. Only what the event said is kept; nothing is inferred.
 */
public record ChangeEvent(String eventId, Instant eventTime, String eventName, String eventSource,
                          Optional<String> principalArn, Optional<String> principal, Optional<String> sourceIp,
                          Optional<String> userAgent) {
    public ChangeEvent {
        if (eventTime == null) {
            throw new IllegalArgumentException("missing required field 'eventTime'");
        }
        eventId = Nulls.str(eventId);
        eventName = Nulls.required(eventName, "eventName");
        eventSource = Nulls.str(eventSource);
        principalArn = Nulls.opt(principalArn);
        principal = Nulls.opt(principal);
        sourceIp = Nulls.opt(sourceIp);
        userAgent = Nulls.opt(userAgent);
    }
}
