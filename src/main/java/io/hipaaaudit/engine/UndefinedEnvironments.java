package io.hipaaaudit.engine;

import io.hipaaaudit.findings.Finding;
import io.hipaaaudit.findings.Status;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The environments nobody defined that left findings NOT_ASSESSED, one entry per name with where it was read
 * (the sources, e.g. "tag Environment=staging") and how many findings and resources it left unjudged: what a scan
 * warns about, read back from the findings' evidence.
 */
public final class UndefinedEnvironments {
    private UndefinedEnvironments() {}

    public record Undefined(String name, SortedSet<String> sources, int findings, int resources) {}

    public static List<Undefined> in(List<Finding> findings) {
        Map<String, SortedSet<String>> sources = new TreeMap<>();
        Map<String, Integer> counts = new TreeMap<>();
        Map<String, SortedSet<String>> resources = new TreeMap<>();
        for (Finding f : findings) {
            Map<String, Object> e = f.evidence();
            if (f.status() != Status.NOT_ASSESSED || !e.containsKey("definedEnvironments")
                    || !(e.get("environment") instanceof String name)) {
                continue;
            }
            sources.computeIfAbsent(name, n -> new TreeSet<>()).add(String.valueOf(e.get("environmentSource")));
            counts.merge(name, 1, Integer::sum);
            resources.computeIfAbsent(name, n -> new TreeSet<>()).add(String.join("|", f.resource().type(),
                    f.resource().account(), f.resource().region(), f.resource().id()));
        }
        return counts.keySet().stream()
                .map(n -> new Undefined(n, sources.get(n), counts.get(n), resources.get(n).size())).toList();
    }
}
