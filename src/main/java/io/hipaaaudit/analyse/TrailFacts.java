package io.hipaaaudit.analyse;

import io.hipaaaudit.inventory.aws.Trail;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which management events a trail records, from its basic or advanced event selectors. A trail records read
 * and write management events when a basic selector includes management events for All (or one selector each
 * for ReadOnly and WriteOnly), or an advanced selector selects {@code eventCategory = Management} with no
 * {@code readOnly} filter (or one for true and one for false). Selectors that exclude event sources are reported,
 * not ignored.
 */
public final class TrailFacts {
    private TrailFacts() {}

    /** Trail facts for rules: the record's fields plus managementRead/managementWrite when selectors are known. */
    public static Map<String, Object> of(Trail t, Map<String, Object> plain) {
        Map<String, Object> m = new HashMap<>(plain);
        coverage(t).ifPresent(c -> {
            m.put("managementRead", c[0]);
            m.put("managementWrite", c[1]);
            m.put("managementExcludedSources", excluded(t));
        });
        return m;
    }

    /** {read, write}, or empty when neither kind of selector was read. */
    static Optional<boolean[]> coverage(Trail t) {
        if (t.advancedEventSelectors().isPresent() && !t.advancedEventSelectors().get().isEmpty()) {
            boolean read = false;
            boolean write = false;
            for (Trail.AdvancedEventSelector s : t.advancedEventSelectors().get()) {
                if (!selectsManagement(s)) {
                    continue;
                }
                Optional<Trail.FieldSelector> ro = field(s, "readOnly");
                if (ro.isEmpty()) {
                    read = true;
                    write = true;
                } else {
                    read |= ro.get().equalsTo().contains("true");
                    write |= ro.get().equalsTo().contains("false");
                }
            }
            return Optional.of(new boolean[] {read, write});
        }
        if (t.eventSelectors().isPresent()) {
            boolean read = false;
            boolean write = false;
            for (Trail.EventSelector s : t.eventSelectors().get()) {
                if (!s.includeManagementEvents()) {
                    continue;
                }
                read |= !s.readWriteType().equals("WriteOnly");
                write |= !s.readWriteType().equals("ReadOnly");
            }
            return Optional.of(new boolean[] {read, write});
        }
        return Optional.empty();
    }

    private static boolean selectsManagement(Trail.AdvancedEventSelector s) {
        return field(s, "eventCategory").map(f -> f.equalsTo().contains("Management")).orElse(false);
    }

    private static Optional<Trail.FieldSelector> field(Trail.AdvancedEventSelector s, String name) {
        return s.fieldSelectors().stream().filter(f -> f.field().equals(name)).findFirst();
    }

    private static List<String> excluded(Trail t) {
        List<String> out = new java.util.ArrayList<>();
        t.eventSelectors().ifPresent(list -> list.forEach(s -> out.addAll(s.excludeManagementEventSources())));
        t.advancedEventSelectors().ifPresent(list -> list.stream().filter(TrailFacts::selectsManagement)
                .forEach(s -> field(s, "eventSource").ifPresent(f -> out.addAll(f.notEquals()))));
        return out.stream().distinct().sorted().toList();
    }
}
