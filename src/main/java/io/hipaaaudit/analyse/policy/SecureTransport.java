package io.hipaaaudit.analyse.policy;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the statements of a resource-based policy that refuse requests not sent over TLS: {@code Effect: Deny}
 * for {@code Principal "*"} (or {@code {"AWS": "*"}}) whose only condition is {@code Bool} or {@code BoolIfExists}
 * on {@code aws:SecureTransport} with the value {@code false} (a second condition would narrow the refusal to some
 * of the plain-text requests), and whose Action (or NotAction) covers every one of the actions asked for and
 * whose Resource (or NotResource) covers every resource asked for and every resource under each prefix asked for.
 */
public final class SecureTransport {
    private SecureTransport() {}

    /** The labels of the statements that deny plain-text requests as above; empty Optional when not valid JSON. */
    public static Optional<List<String>> denyingStatements(String policy, List<String> actions,
                                                           List<String> resources, List<String> prefixes) {
        return PolicyDocument.parse(policy).map(doc -> doc.statements().stream()
                .filter(s -> denies(s, actions, resources, prefixes)).map(Statement::label).toList());
    }

    static boolean denies(Statement s, List<String> actions, List<String> resources, List<String> prefixes) {
        if (!s.deny() || s.principal().map(p -> !p.everyone()).orElse(true) || s.conditionMalformed()
                || s.conditions().size() != 1) {
            return false;
        }
        Condition c = s.conditions().get(0);
        ConditionOperator op = c.operator();
        boolean insecure = op.base().equals("bool") && op.qualifier() == ConditionOperator.Qualifier.NONE
                && c.key().toLowerCase(Locale.ROOT).equals("aws:securetransport")
                && c.values().stream().anyMatch(v -> v.equalsIgnoreCase("false"));
        return insecure && actions.stream().allMatch(s::coversAction)
                && resources.stream().allMatch(s::coversResource)
                && prefixes.stream().allMatch(s::coversEveryResourceUnder);
    }
}
