package io.hipaaaudit.config;

import io.hipaaaudit.inventory.Nulls;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * A waiver as written in the configuration: which rule (id or glob) and which resources, why, who approved it,
 * and the last day it applies.
 */
public record WaiverSpec(String id, String rule, ResourcePattern resource, String justification, String approvedBy,
                         LocalDate expires) {
    public WaiverSpec {
        resource = resource == null ? new ResourcePattern(null, null, null, null, null, null, null) : resource;
    }

    /** Every key given must match; an absent key matches anything. {@code arn} and {@code id} are globs. */
    public record ResourcePattern(Optional<String> arn, Optional<String> arnRegex, Optional<String> id,
                                  Optional<String> type, Optional<String> account, Optional<String> region,
                                  Map<String, String> tags) {
        public ResourcePattern {
            arn = Nulls.opt(arn);
            arnRegex = Nulls.opt(arnRegex);
            id = Nulls.opt(id);
            type = Nulls.opt(type);
            account = Nulls.opt(account);
            region = Nulls.opt(region);
            tags = tags == null ? Map.of() : Map.copyOf(tags);
        }
    }
}
