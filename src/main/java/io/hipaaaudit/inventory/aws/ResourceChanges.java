package io.hipaaaudit.inventory.aws;

import io.hipaaaudit.inventory.Nulls;
import java.util.List;
import java.util.Optional;

/**
 * The most recent write events CloudTrail holds for one resource name in one account and region (newest first,
 * within CloudTrail's 90-day event history), or why they could not be read ({@code unavailable}, e.g. the
 * scanning role lacks {@code cloudtrail:LookupEvents}). Looked up only for resources of failing findings.
 */
public record ResourceChanges(String account, String region, String resourceName, List<ChangeEvent> events,
                              Optional<String> unavailable) {
    public ResourceChanges {
        account = Nulls.str(account);
        region = Nulls.str(region);
        resourceName = Nulls.str(resourceName);
        events = Nulls.list(events);
        unavailable = Nulls.opt(unavailable);
    }
}
