package io.hipaaaudit.collect.aws;

import static io.hipaaaudit.collect.aws.MissingField.require;
import static io.hipaaaudit.inventory.ResourceTypes.TRAIL;

import io.hipaaaudit.inventory.CollectionError;
import io.hipaaaudit.inventory.aws.Trail;
import io.hipaaaudit.redact.Redaction;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.GetEventSelectorsResponse;
import software.amazon.awssdk.services.cloudtrail.model.GetTrailStatusResponse;

/**
 * CloudTrail in two steps. {@link #list} runs DescribeTrails (shadow trails included) in every region; a
 * multi-region trail then appears once per region with the same ARN. {@link #state} reads GetTrailStatus and
 * GetEventSelectors once per ARN, in the trail's home region, and every listing of that ARN gets the result and
 * its errors.
 */
final class CloudTrailCollector {
    /** The facts GetTrailStatus gives; all unknown when it fails. */
    private static final List<String> STATUS_FACTS =
            List.of("isLogging", "latestDeliveryTime", "latestDeliveryError", "startLoggingTime");

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

    /** A trail as listed; a listing without HomeRegion leaves that field unknown (a MissingField error on the trail). */
    static Trail trail(software.amazon.awssdk.services.cloudtrail.model.Trail t, RegionScope scope) {
        Optional<String> home = Optional.ofNullable(t.homeRegion()).filter(h -> !h.isBlank());
        if (home.isEmpty()) {
            scope.missing("cloudtrail:DescribeTrails", TRAIL, t.trailARN(), List.of("homeRegion"), "HomeRegion");
        }
        return new Trail(scope.account(), scope.region(), t.name(), t.trailARN(), home,
                Optional.ofNullable(t.isMultiRegionTrail()), Optional.ofNullable(t.isOrganizationTrail()),
                Optional.ofNullable(t.logFileValidationEnabled()), Tags.text(t.kmsKeyId()), t.s3BucketName(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Map.of());
    }

    /**
     * Where to ask about a trail: the HomeRegion a listing reported, else the region in the trail's ARN (a trail ARN
     * names the region the trail was created in, its home), so a listing without HomeRegion still gets its status.
     */
    static String homeRegion(String arn, List<Trail> listings) {
        String[] parts = arn.split(":", 6);
        return listings.stream().flatMap(t -> t.homeRegion().stream()).findFirst()
                .orElse(parts.length > 3 && !parts[3].isEmpty() ? parts[3] : listings.get(0).region());
    }

    /**
     * Status and selectors of one trail, read in its home region, given to every listing of its ARN. Each call is
     * about this trail only: when it fails, or its answer lacks IsLogging or both selector lists, only the facts it
     * would have given are unknown, for this trail. The error is recorded in the home region and again in every
     * other region that lists a shadow of the trail, so a shadow never reads as a trail whose calls succeeded.
     */
    static List<Trail> state(CloudTrailClient home, InventorySink sink, String account, String arn,
                             List<Trail> listings) {
        String homeRegion = homeRegion(arn, listings);
        InventorySink calls = new InventorySink();
        RegionScope scope = new RegionScope(account, homeRegion, calls);
        Optional<GetTrailStatusResponse> status = scope.callFor("cloudtrail:GetTrailStatus", TRAIL, arn, STATUS_FACTS,
                () -> home.getTrailStatus(r -> r.name(arn)));
        // an answer without IsLogging leaves only that unknown: its delivery times are still what CloudTrail said
        if (status.isPresent() && status.get().isLogging() == null) {
            scope.missing("cloudtrail:GetTrailStatus", TRAIL, arn, List.of("isLogging"), "IsLogging");
        }
        Optional<GetEventSelectorsResponse> selectors = scope.callFor("cloudtrail:GetEventSelectors", TRAIL, arn,
                List.of("eventSelectors", "advancedEventSelectors"), () -> {
                    GetEventSelectorsResponse answer = home.getEventSelectors(r -> r.trailName(arn));
                    return answer.hasEventSelectors() || answer.hasAdvancedEventSelectors() ? answer
                            : require(null, "EventSelectors or AdvancedEventSelectors");
                });
        List<CollectionError> errors = calls.errors();
        errors.forEach(sink::error);
        listings.stream().map(Trail::region).filter(r -> !r.equals(homeRegion)).distinct()
                .forEach(shadow -> errors.forEach(e -> sink.error(inRegion(e, shadow))));
        return listings.stream().map(t -> new Trail(t.account(), t.region(), t.id(), t.arn(), t.homeRegion(),
                t.isMultiRegionTrail(), t.isOrganizationTrail(), t.logFileValidationEnabled(), t.kmsKeyId(),
                t.s3BucketName(), status.map(GetTrailStatusResponse::isLogging),
                status.map(GetTrailStatusResponse::latestDeliveryTime),
                status.map(GetTrailStatusResponse::latestDeliveryError).filter(e -> !e.isBlank()).map(Redaction::text),
                status.map(GetTrailStatusResponse::startLoggingTime),
                selectors.map(s -> s.eventSelectors().stream().map(CloudTrailCollector::basic).toList()),
                selectors.map(s -> s.advancedEventSelectors().stream().map(CloudTrailCollector::advanced).toList()),
                t.tags())).toList();
    }

    private static CollectionError inRegion(CollectionError e, String region) {
        return new CollectionError(e.source(), e.account(), Optional.of(region), e.database(), e.operation(),
                e.resourceTypes(), e.code(), e.message(), e.resource(), e.fields());
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
