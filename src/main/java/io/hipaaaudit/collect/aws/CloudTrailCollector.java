package io.hipaaaudit.collect.aws;

import static io.hipaaaudit.collect.aws.MissingField.require;
import static io.hipaaaudit.inventory.ResourceTypes.TRAIL;

import io.hipaaaudit.inventory.aws.Trail;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.GetEventSelectorsResponse;

/**
 * CloudTrail in two steps. {@link #list} runs DescribeTrails (shadow trails included) in every region; a
 * multi-region trail then appears once per region with the same ARN. {@link #state} reads GetTrailStatus and
 * GetEventSelectors once per ARN, in the trail's home region, and every listing of that ARN gets the result.
 */
final class CloudTrailCollector {
    private CloudTrailCollector() {}

    /** The trails as listed in this region, without status or selectors yet; a trail without its ARN or name is dropped (and recorded). */
    static List<software.amazon.awssdk.services.cloudtrail.model.Trail> list(CloudTrailClient client, RegionScope scope) {
        var listed = scope.call("cloudtrail:DescribeTrails", List.of(TRAIL), () -> {
            var answer = client.describeTrails(r -> r.includeShadowTrails(true));
            return require(answer.hasTrailList() ? answer.trailList() : null, "trailList");
        }).orElse(List.of());
        var named = scope.identified("cloudtrail:DescribeTrails", List.of(TRAIL), listed, t -> t.trailARN(), "TrailARN");
        return scope.identified("cloudtrail:DescribeTrails", List.of(TRAIL), named, t -> t.name(), "Name");
    }

    /**
     * Status and selectors of one trail, read in its home region (scope = home region). Each call is about this
     * trail only: when it fails, or its answer lacks IsLogging or both selector lists, only the facts it would
     * have given are unknown, for this trail.
     */
    static Function<Trail, Trail> state(CloudTrailClient home, RegionScope scope, String arn) {
        Optional<Boolean> logging = scope.callFor("cloudtrail:GetTrailStatus", TRAIL, arn, List.of("isLogging"),
                () -> require(home.getTrailStatus(r -> r.name(arn)).isLogging(), "IsLogging"));
        Optional<GetEventSelectorsResponse> selectors = scope.callFor("cloudtrail:GetEventSelectors", TRAIL, arn,
                List.of("eventSelectors", "advancedEventSelectors"), () -> {
                    GetEventSelectorsResponse answer = home.getEventSelectors(r -> r.trailName(arn));
                    return answer.hasEventSelectors() || answer.hasAdvancedEventSelectors() ? answer
                            : require(null, "EventSelectors or AdvancedEventSelectors");
                });
        return t -> new Trail(t.account(), t.region(), t.id(), t.arn(), t.homeRegion(), t.isMultiRegionTrail(),
                t.isOrganizationTrail(), t.logFileValidationEnabled(), t.kmsKeyId(), t.s3BucketName(), logging,
                selectors.map(s -> s.eventSelectors().stream().map(CloudTrailCollector::basic).toList()),
                selectors.map(s -> s.advancedEventSelectors().stream().map(CloudTrailCollector::advanced).toList()),
                t.tags());
    }

    static Trail trail(software.amazon.awssdk.services.cloudtrail.model.Trail t, RegionScope scope) {
        return new Trail(scope.account(), scope.region(), t.name(), t.trailARN(), t.homeRegion(),
                Optional.ofNullable(t.isMultiRegionTrail()), Optional.ofNullable(t.isOrganizationTrail()),
                Optional.ofNullable(t.logFileValidationEnabled()), Tags.text(t.kmsKeyId()), t.s3BucketName(),
                Optional.empty(), Optional.empty(), Optional.empty(), java.util.Map.of());
    }

    private static Trail.EventSelector basic(software.amazon.awssdk.services.cloudtrail.model.EventSelector s) {
        return new Trail.EventSelector(s.readWriteTypeAsString(), !Boolean.FALSE.equals(s.includeManagementEvents()),
                s.excludeManagementEventSources());
    }

    private static Trail.AdvancedEventSelector advanced(
            software.amazon.awssdk.services.cloudtrail.model.AdvancedEventSelector s) {
        return new Trail.AdvancedEventSelector(s.name(), s.fieldSelectors().stream()
                .map(f -> new Trail.FieldSelector(f.field(), f.equalsValue(), f.notEquals(), f.startsWith(),
                        f.notStartsWith(), f.endsWith(), f.notEndsWith()))
                .toList());
    }
}
