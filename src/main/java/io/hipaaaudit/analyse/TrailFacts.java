package io.hipaaaudit.analyse;

import io.hipaaaudit.inventory.aws.Trail;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Which management events a trail records, how long ago it last delivered, and what keeps it from being a full
 * audit trail.
 *
 * <p>Basic selectors: a selector with IncludeManagementEvents (true when absent) records reads unless it is
 * WriteOnly and writes unless it is ReadOnly; ExcludeManagementEventSources are reported. Advanced selectors: the
 * field selectors of one advanced selector are ANDed, the selectors ORed. A selector with {@code eventCategory
 * Equals Management} records reads and writes when it has no {@code readOnly} field, only the side its
 * {@code readOnly Equals} names otherwise (Equals is the only operator CloudTrail accepts there); {@code
 * eventSource NotEquals} (the kms / rdsdata exclusions) is reported as excluded sources. Any other narrowing (an
 * eventSource Equals, StartsWith, EndsWith, NotStartsWith or NotEndsWith, eventName, eventType, resources.ARN,
 * userIdentity.arn, ...) selects only part of the management events, so that selector counts for neither side.
 *
 * <p>Delivery: the age is the time between the later of the last log file delivery and the start of logging, and
 * the end of collection. A trail that has not delivered a log file yet (GetTrailStatus has no LatestDeliveryTime:
 * CloudTrail delivers about every five minutes, so a trail created just before the scan has none) is measured
 * from when it started logging; one that started long ago and never delivered is as stale as its start.
 */
public final class TrailFacts {
    private TrailFacts() {}

    /** Trail facts for rules: the record's fields plus the coverage, delivery and shortfall facts when known. */
    public static Map<String, Object> of(Trail t, Map<String, Object> plain, Optional<Instant> collectedAt) {
        Map<String, Object> m = new HashMap<>(plain);
        Optional<Coverage> coverage = coverage(t);
        coverage.ifPresent(c -> {
            m.put("managementRead", c.read());
            m.put("managementWrite", c.write());
            m.put("managementExcludedSources", c.excluded());
            m.put("managementNarrowedBy", c.narrowedBy());
        });
        deliveryAgeHours(t, collectedAt).ifPresent(h -> m.put("deliveryAgeHours", h));
        m.put("shortfalls", shortfalls(t, coverage));
        return m;
    }

    /** What the selectors record; empty when neither kind of selector was read. */
    public record Coverage(boolean read, boolean write, List<String> excluded, List<String> narrowedBy) {}

    static Optional<Coverage> coverage(Trail t) {
        if (t.advancedEventSelectors().isPresent() && !t.advancedEventSelectors().get().isEmpty()) {
            return Optional.of(advanced(t.advancedEventSelectors().get()));
        }
        return t.eventSelectors().map(TrailFacts::basic);
    }

    private static Coverage basic(List<Trail.EventSelector> selectors) {
        boolean read = false;
        boolean write = false;
        TreeSet<String> excluded = new TreeSet<>();
        for (Trail.EventSelector s : selectors) {
            if (!s.includeManagementEvents()) {
                continue;
            }
            read |= !s.readWriteType().equals("WriteOnly");
            write |= !s.readWriteType().equals("ReadOnly");
            excluded.addAll(s.excludeManagementEventSources());
        }
        return new Coverage(read, write, List.copyOf(excluded), List.of());
    }

    private static Coverage advanced(List<Trail.AdvancedEventSelector> selectors) {
        boolean read = false;
        boolean write = false;
        TreeSet<String> excluded = new TreeSet<>();
        TreeSet<String> narrowed = new TreeSet<>();
        for (Trail.AdvancedEventSelector s : selectors) {
            if (!selectsManagement(s)) {
                continue;
            }
            List<String> narrowing = narrowing(s);
            if (!narrowing.isEmpty()) {
                narrowed.addAll(narrowing);
                continue;
            }
            Optional<Trail.FieldSelector> ro = field(s, "readOnly");
            read |= ro.map(f -> f.equalsTo().contains("true")).orElse(true);
            write |= ro.map(f -> f.equalsTo().contains("false")).orElse(true);
            field(s, "eventSource").ifPresent(f -> excluded.addAll(f.notEquals()));
        }
        return new Coverage(read, write, List.copyOf(excluded), List.copyOf(narrowed));
    }

    private static boolean selectsManagement(Trail.AdvancedEventSelector s) {
        return field(s, "eventCategory").map(f -> f.equalsTo().contains("Management")).orElse(false);
    }

    /** The field selectors of a management selector that select part of the management events, as "field Operator". */
    private static List<String> narrowing(Trail.AdvancedEventSelector s) {
        List<String> out = new ArrayList<>();
        for (Trail.FieldSelector f : s.fieldSelectors()) {
            switch (f.field()) {
                case "eventCategory" -> {
                    if (!onlyEquals(f)) {
                        out.add(describe(f));
                    }
                }
                case "readOnly" -> {
                    if (!onlyEquals(f) || f.equalsTo().stream().anyMatch(v -> !v.equals("true") && !v.equals("false"))) {
                        out.add(describe(f));
                    }
                }
                case "eventSource" -> {
                    if (!f.equalsTo().isEmpty() || !f.startsWith().isEmpty() || !f.endsWith().isEmpty()
                            || !f.notStartsWith().isEmpty() || !f.notEndsWith().isEmpty()) {
                        out.add(describe(f));
                    }
                }
                default -> out.add(describe(f));
            }
        }
        return out;
    }

    private static boolean onlyEquals(Trail.FieldSelector f) {
        return f.notEquals().isEmpty() && f.startsWith().isEmpty() && f.endsWith().isEmpty()
                && f.notStartsWith().isEmpty() && f.notEndsWith().isEmpty();
    }

    private static String describe(Trail.FieldSelector f) {
        List<String> ops = new ArrayList<>();
        operator(ops, "Equals", f.equalsTo());
        operator(ops, "NotEquals", f.notEquals());
        operator(ops, "StartsWith", f.startsWith());
        operator(ops, "NotStartsWith", f.notStartsWith());
        operator(ops, "EndsWith", f.endsWith());
        operator(ops, "NotEndsWith", f.notEndsWith());
        return f.field() + " " + String.join(" ", ops);
    }

    private static void operator(List<String> out, String name, List<String> values) {
        if (!values.isEmpty()) {
            out.add(name + " " + values);
        }
    }

    private static Optional<Trail.FieldSelector> field(Trail.AdvancedEventSelector s, String name) {
        return s.fieldSelectors().stream().filter(f -> f.field().equals(name)).findFirst();
    }

    /** Hours from the later of the last delivery and the start of logging to the end of collection. */
    static Optional<Double> deliveryAgeHours(Trail t, Optional<Instant> collectedAt) {
        Optional<Instant> since = t.latestDeliveryTime()
                .map(d -> t.startLoggingTime().filter(s -> s.isAfter(d)).orElse(d))
                .or(t::startLoggingTime);
        if (since.isEmpty() || collectedAt.isEmpty()) {
            return Optional.empty();
        }
        double hours = Duration.between(since.get(), collectedAt.get()).toSeconds() / 3600.0;
        return Optional.of(Math.max(0.0, Math.round(hours * 10) / 10.0));
    }

    /**
     * What keeps this trail from a full audit trail, in words, without the delivery age (its limit is a rule
     * parameter). Unknown properties are named as unknown, so the list never reads as "nothing missing".
     */
    static List<String> shortfalls(Trail t, Optional<Coverage> coverage) {
        List<String> out = new ArrayList<>();
        flag(out, t.isMultiRegionTrail(), "single-region", "multi-region unknown");
        flag(out, t.isLogging(), "not logging", "logging status unknown");
        flag(out, t.logFileValidationEnabled(), "log file validation off", "log file validation unknown");
        if (t.kmsKeyId().isEmpty()) {
            out.add("not KMS-encrypted");
        }
        t.latestDeliveryError().ifPresent(e -> out.add("delivery error: " + e));
        if (t.isLogging().orElse(false) && t.latestDeliveryTime().isEmpty()) {
            out.add("no log file delivered yet");
        }
        if (coverage.isEmpty()) {
            out.add("event selectors unknown");
            return out;
        }
        Coverage c = coverage.get();
        if (!c.read()) {
            out.add("read management events not recorded");
        }
        if (!c.write()) {
            out.add("write management events not recorded");
        }
        if ((!c.read() || !c.write()) && !c.narrowedBy().isEmpty()) {
            out.add("management selectors narrowed by " + String.join(", ", c.narrowedBy()));
        }
        if (!c.excluded().isEmpty()) {
            out.add("management events from " + String.join(", ", c.excluded()) + " excluded");
        }
        return out;
    }

    private static void flag(List<String> out, Optional<Boolean> value, String whenFalse, String whenUnknown) {
        if (value.isEmpty()) {
            out.add(whenUnknown);
        } else if (!value.get()) {
            out.add(whenFalse);
        }
    }
}
