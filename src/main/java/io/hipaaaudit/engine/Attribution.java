package io.hipaaaudit.engine;

import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelVariableResolver;
import io.hipaaaudit.inventory.Inventory;
import io.hipaaaudit.inventory.ResourceTypes;
import io.hipaaaudit.inventory.aws.ChangeEvent;
import io.hipaaaudit.inventory.aws.ChangeTarget;
import io.hipaaaudit.inventory.aws.ResourceChanges;
import io.hipaaaudit.rules.Rule;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Change attribution for failing findings: which CloudTrail write events explain the state a rule failed on.
 * The names looked up are the failing resource's own (when CloudTrail records changes to that kind of resource)
 * and the related resources the rule names in {@code attribute_to}. What the inventory holds for those names is
 * added to the finding's evidence ({@code changes}, newest first, or {@code changesUnavailable} with the reason);
 * names it does not hold yet are remembered as {@link #wanted()}, so a live scan can look them up and evaluate
 * again.
 */
final class Attribution {
    /** Resource types whose changes CloudTrail records under the resource's name (KMS keys under their ARN). */
    private static final Set<String> OWN = Set.of(ResourceTypes.SECURITY_GROUP, ResourceTypes.SUBNET,
            ResourceTypes.ROUTE_TABLE, ResourceTypes.DB_INSTANCE, ResourceTypes.DB_CLUSTER, ResourceTypes.DB_SNAPSHOT,
            ResourceTypes.DB_PARAMETER_GROUP, ResourceTypes.KMS_KEY);

    private final Map<ChangeTarget, ResourceChanges> known = new HashMap<>();
    private final Set<ChangeTarget> wanted = ConcurrentHashMap.newKeySet();

    Attribution(Inventory inventory) {
        inventory.resourceChanges().forEach(c -> known.put(ChangeTarget.of(c), c));
    }

    /** The names of failing resources whose changes the inventory does not hold yet. */
    Set<ChangeTarget> wanted() {
        return Set.copyOf(wanted);
    }

    /** Adds what is known of the changes behind a FAIL to its evidence. */
    void attach(Rule rule, ResourceView r, CelVariableResolver vars, Map<String, Object> evidence) {
        if (!r.type().startsWith("aws.") || r.account().isEmpty() || r.region().isEmpty()) {
            return;
        }
        List<Map<String, Object>> events = new ArrayList<>();
        List<String> unavailable = new ArrayList<>();
        for (String name : names(rule, r, vars)) {
            ChangeTarget key = new ChangeTarget(r.account(), r.region(), name);
            ResourceChanges c = known.get(key);
            if (c == null) {
                wanted.add(key);
                continue;
            }
            c.unavailable().ifPresent(why -> unavailable.add(name + ": " + why));
            c.events().forEach(e -> events.add(event(name, e)));
        }
        if (!events.isEmpty()) {
            events.sort((a, b) -> ((String) b.get("when")).compareTo((String) a.get("when")));
            evidence.put("changes", events);
        }
        if (!unavailable.isEmpty()) {
            evidence.put("changesUnavailable", unavailable);
        }
    }

    private static Collection<String> names(Rule rule, ResourceView r, CelVariableResolver vars) {
        Set<String> out = new LinkedHashSet<>();
        if (OWN.contains(r.type())) {
            out.add(r.type().equals(ResourceTypes.KMS_KEY) && !r.arn().isEmpty() ? r.arn() : r.id());
        }
        rule.attributeTo().ifPresent(expr -> {
            try {
                if (expr.eval(r.facts(), vars) instanceof Collection<?> related) {
                    related.stream().filter(String.class::isInstance).map(String.class::cast)
                            .filter(s -> !s.isBlank()).forEach(out::add);
                }
            } catch (CelEvaluationException | RuntimeException e) {
                // Related resources that were not observed are not looked up; the verdict does not depend on them.
            }
        });
        return out;
    }

    private static Map<String, Object> event(String resource, ChangeEvent e) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("resource", resource);
        out.put("when", e.eventTime().toString());
        out.put("call", e.eventName());
        e.principalArn().or(e::principal).ifPresent(v -> out.put("by", v));
        e.sourceIp().ifPresent(v -> out.put("from", v));
        e.userAgent().ifPresent(v -> out.put("userAgent", v));
        out.put("eventId", e.eventId());
        return out;
    }
}
