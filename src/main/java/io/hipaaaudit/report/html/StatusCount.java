package io.hipaaaudit.report.html;

import io.hipaaaudit.findings.Status;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** How many findings have one status, with the status's CSS class and label for the templates. */
public record StatusCount(String status, String css, String label, long count) {

    static StatusCount of(Status s, long count) {
        return new StatusCount(s.name(), css(s), label(s), count);
    }

    /** The CSS class of a status, e.g. {@code st-not-assessed}. */
    static String css(Status s) {
        return "st-" + s.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static String label(Status s) {
        return s.name().replace('_', ' ');
    }

    /** One count per status, in the enum's order, zeros included so tables line up. */
    static List<StatusCount> all(Collection<Status> statuses) {
        Map<Status, Long> n = tally(statuses);
        List<StatusCount> out = new ArrayList<>();
        for (Status s : Status.values()) {
            out.add(of(s, n.get(s)));
        }
        return out;
    }

    static Map<Status, Long> tally(Collection<Status> statuses) {
        Map<Status, Long> n = new EnumMap<>(Status.class);
        for (Status s : Status.values()) {
            n.put(s, 0L);
        }
        statuses.forEach(s -> n.merge(s, 1L, Long::sum));
        return n;
    }
}
