package io.hipaaaudit.inventory.aws;

import io.hipaaaudit.inventory.Nulls;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A CloudTrail trail as seen from the account scanned. {@code region} is where it was listed; {@code homeRegion}
 * where it lives (a multi-region trail shows up as a shadow in every other region: same ARN). An organization
 * trail from the management account has an ARN in another account. {@code isLogging} comes from GetTrailStatus,
 * selectors from GetEventSelectors; both are absent when they could not be read.
 */
public record Trail(String account, String region, String id, String arn, String homeRegion,
                    Optional<Boolean> isMultiRegionTrail, Optional<Boolean> isOrganizationTrail,
                    Optional<Boolean> logFileValidationEnabled, Optional<String> kmsKeyId, String s3BucketName,
                    Optional<Boolean> isLogging, Optional<List<EventSelector>> eventSelectors,
                    Optional<List<AdvancedEventSelector>> advancedEventSelectors, Map<String, String> tags)
        implements AwsResource {
    public Trail {
        account = Nulls.required(account, "account");
        region = Nulls.required(region, "region");
        id = Nulls.required(id, "id");
        homeRegion = homeRegion == null ? region : homeRegion;
        isMultiRegionTrail = Nulls.opt(isMultiRegionTrail);
        isOrganizationTrail = Nulls.opt(isOrganizationTrail);
        logFileValidationEnabled = Nulls.opt(logFileValidationEnabled);
        kmsKeyId = Nulls.opt(kmsKeyId);
        s3BucketName = Nulls.str(s3BucketName);
        isLogging = Nulls.opt(isLogging);
        eventSelectors = Nulls.opt(eventSelectors).map(List::copyOf);
        advancedEventSelectors = Nulls.opt(advancedEventSelectors).map(List::copyOf);
        tags = Nulls.sorted(tags);
    }

    /** A basic event selector; {@code readWriteType} is All, ReadOnly or WriteOnly. */
    public record EventSelector(String readWriteType, boolean includeManagementEvents,
                                List<String> excludeManagementEventSources) {
        public EventSelector {
            readWriteType = readWriteType == null ? "All" : readWriteType;
            excludeManagementEventSources = Nulls.list(excludeManagementEventSources);
        }
    }

    public record AdvancedEventSelector(String name, List<FieldSelector> fieldSelectors) {
        public AdvancedEventSelector {
            name = Nulls.str(name);
            fieldSelectors = Nulls.list(fieldSelectors);
        }
    }

    public record FieldSelector(String field, List<String> equalsTo, List<String> notEquals, List<String> startsWith,
                                List<String> notStartsWith, List<String> endsWith, List<String> notEndsWith) {
        public FieldSelector {
            field = Nulls.str(field);
            equalsTo = Nulls.list(equalsTo);
            notEquals = Nulls.list(notEquals);
            startsWith = Nulls.list(startsWith);
            notStartsWith = Nulls.list(notStartsWith);
            endsWith = Nulls.list(endsWith);
            notEndsWith = Nulls.list(notEndsWith);
        }
    }
}
