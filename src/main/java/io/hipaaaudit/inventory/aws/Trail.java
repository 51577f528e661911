package io.hipaaaudit.inventory.aws;

import io.hipaaaudit.inventory.Nulls;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A CloudTrail trail as seen from the account scanned. {@code region} is where it was listed; {@code homeRegion}
 * where it lives (a multi-region trail shows up as a shadow in every other region: same ARN), absent when
 * DescribeTrails did not say. An organization trail from the management account has an ARN in another account.
 * {@code isLogging} and the delivery fields come from GetTrailStatus, selectors from GetEventSelectors.
 * {@code latestDeliveryTime} is absent when the trail has not delivered a log file yet (a trail that just started
 * logging), {@code latestDeliveryError} when the last delivery succeeded; when GetTrailStatus fails they are unknown
 * through its collection error, not through their absence.
 */
public record Trail(String account, String region, String id, String arn, Optional<String> homeRegion,
                    Optional<Boolean> isMultiRegionTrail, Optional<Boolean> isOrganizationTrail,
                    Optional<Boolean> logFileValidationEnabled, Optional<String> kmsKeyId, String s3BucketName,
                    Optional<Boolean> isLogging, Optional<Instant> latestDeliveryTime,
                    Optional<String> latestDeliveryError, Optional<Instant> startLoggingTime,
                    Optional<List<EventSelector>> eventSelectors,
                    Optional<List<AdvancedEventSelector>> advancedEventSelectors, Map<String, String> tags)
        implements AwsResource {
    public Trail {
        account = Nulls.required(account, "account");
        region = Nulls.required(region, "region");
        id = Nulls.required(id, "id");
        homeRegion = Nulls.opt(homeRegion);
        isMultiRegionTrail = Nulls.opt(isMultiRegionTrail);
        isOrganizationTrail = Nulls.opt(isOrganizationTrail);
        logFileValidationEnabled = Nulls.opt(logFileValidationEnabled);
        kmsKeyId = Nulls.opt(kmsKeyId);
        s3BucketName = Nulls.str(s3BucketName);
        isLogging = Nulls.opt(isLogging);
        latestDeliveryTime = Nulls.opt(latestDeliveryTime);
        latestDeliveryError = Nulls.opt(latestDeliveryError);
        startLoggingTime = Nulls.opt(startLoggingTime);
        eventSelectors = Nulls.opt(eventSelectors).map(List::copyOf);
        advancedEventSelectors = Nulls.opt(advancedEventSelectors).map(List::copyOf);
        tags = Nulls.sorted(tags);
    }

    /** Whether this listing is the trail in its home region, not a shadow seen from another region. */
    public boolean atHome() {
        return homeRegion.map(region::equals).orElse(false);
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
