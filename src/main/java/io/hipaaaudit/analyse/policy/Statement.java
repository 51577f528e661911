package io.hipaaaudit.analyse.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One policy statement, as far as "who may call" goes: its effect, its {@code Principal} or {@code NotPrincipal}
 * and its {@code Condition} block flattened to one entry per operator and key (entries are ANDed; the values of
 * one entry are ORed).
 *
 * @param label              the Sid, or {@code #index} (zero-based) when the statement has none
 * @param conditionMalformed the {@code Condition} element is present but not an object of objects
 * @param deny               {@code Effect} is {@code Deny}
 * @param actions            {@code Action} (one string or a list); {@code notActions} likewise for {@code NotAction}
 * @param resources          {@code Resource}; {@code notResources} likewise for {@code NotResource}
 */
public record Statement(String label, boolean allow, Optional<Principal> principal, Optional<Principal> notPrincipal,
                        List<Condition> conditions, boolean conditionPresent, boolean conditionMalformed,
                        boolean deny, List<String> actions, List<String> notActions, List<String> resources,
                        List<String> notResources) {
    public Statement {
        conditions = List.copyOf(conditions);
        actions = List.copyOf(actions);
        notActions = List.copyOf(notActions);
        resources = List.copyOf(resources);
        notResources = List.copyOf(notResources);
    }

    static Statement of(JsonNode s, int index) {
        String sid = s.path("Sid").isTextual() ? s.get("Sid").asText() : "";
        String label = sid.isEmpty() ? "#" + index : sid;
        // Effect values are case-sensitive in the policy grammar: only "Allow" grants.
        boolean allow = "Allow".equals(s.path("Effect").asText());
        Optional<Principal> principal = s.has("Principal") ? Optional.of(Principal.of(s.get("Principal"))) : Optional.empty();
        Optional<Principal> notPrincipal = s.has("NotPrincipal")
                ? Optional.of(Principal.of(s.get("NotPrincipal"))) : Optional.empty();
        JsonNode block = s.path("Condition");
        List<Condition> conditions = new ArrayList<>();
        boolean malformed = false;
        if (!block.isMissingNode()) {
            if (!block.isObject()) {
                malformed = true;
            } else {
                for (Iterator<Map.Entry<String, JsonNode>> ops = block.fields(); ops.hasNext(); ) {
                    Map.Entry<String, JsonNode> op = ops.next();
                    if (!op.getValue().isObject()) {
                        malformed = true;
                        continue;
                    }
                    ConditionOperator operator = ConditionOperator.parse(op.getKey());
                    for (Iterator<Map.Entry<String, JsonNode>> keys = op.getValue().fields(); keys.hasNext(); ) {
                        Map.Entry<String, JsonNode> key = keys.next();
                        Optional<List<String>> values = values(key.getValue());
                        if (values.isEmpty()) {
                            malformed = true;
                        } else {
                            conditions.add(new Condition(operator, key.getKey(), values.get()));
                        }
                    }
                }
            }
        }
        return new Statement(label, allow, principal, notPrincipal, conditions, !block.isMissingNode(), malformed,
                "Deny".equals(s.path("Effect").asText()), strings(s.path("Action")), strings(s.path("NotAction")),
                strings(s.path("Resource")), strings(s.path("NotResource")));
    }

    /** A string or a list of strings; anything else (absent, malformed) reads as none. */
    private static List<String> strings(JsonNode v) {
        List<String> out = new ArrayList<>();
        if (v.isTextual()) {
            out.add(v.asText());
        } else if (v.isArray()) {
            v.forEach(e -> {
                if (e.isTextual()) {
                    out.add(e.asText());
                }
            });
        }
        return out;
    }

    /**
     * The statement applies to this action: an {@code Action} pattern matches it (IAM action names ignore case),
     * or {@code NotAction} is given and none of its patterns matches it.
     */
    public boolean coversAction(String action) {
        if (!actions.isEmpty()) {
            return actions.stream().anyMatch(p -> Wildcards.matches(p.toLowerCase(java.util.Locale.ROOT),
                    action.toLowerCase(java.util.Locale.ROOT)));
        }
        return !notActions.isEmpty() && notActions.stream().noneMatch(p -> Wildcards.matches(
                p.toLowerCase(java.util.Locale.ROOT), action.toLowerCase(java.util.Locale.ROOT)));
    }

    /** The statement applies to the resource with exactly this ARN. */
    public boolean coversResource(String arn) {
        if (!resources.isEmpty()) {
            return resources.stream().anyMatch(p -> Wildcards.matches(p, arn));
        }
        return !notResources.isEmpty() && notResources.stream().noneMatch(p -> Wildcards.matches(p, arn));
    }

    /**
     * The statement applies to every resource whose ARN starts with {@code prefix} (every object of a bucket:
     * {@code arn:aws:s3:::bucket/}): a {@code Resource} pattern matches all of them, or no {@code NotResource}
     * pattern can match any of them.
     */
    public boolean coversEveryResourceUnder(String prefix) {
        if (!resources.isEmpty()) {
            return resources.stream().anyMatch(p -> Wildcards.coversEveryExtension(p, prefix));
        }
        return !notResources.isEmpty() && notResources.stream().noneMatch(p -> Wildcards.matchesSomeExtension(p, prefix));
    }

    /** A condition value is a string, number or boolean, or a list of them; anything else is malformed. */
    private static Optional<List<String>> values(JsonNode v) {
        List<String> out = new ArrayList<>();
        if (v.isValueNode() && !v.isNull()) {
            out.add(v.asText());
        } else if (v.isArray()) {
            for (JsonNode e : v) {
                if (!e.isValueNode() || e.isNull()) {
                    return Optional.empty();
                }
                out.add(e.asText());
            }
        } else {
            return Optional.empty();
        }
        return Optional.of(out);
    }

    /** The entries of this statement on one condition key (keys are case-insensitive). */
    public List<Condition> on(String key) {
        return conditions.stream().filter(c -> c.key().equalsIgnoreCase(key)).toList();
    }
}
