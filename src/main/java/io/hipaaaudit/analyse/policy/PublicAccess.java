package io.hipaaaudit.analyse.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds the statements of a resource-based policy that allow every AWS principal: {@code Effect: Allow} with
 * {@code Principal "*"} (or {@code {"AWS": "*"}}, alone or in a list), or with {@code NotPrincipal}, unless a
 * condition on a {@link CallerKey} pins the caller to one account, organization or identity. Conditions on
 * anything else (TLS, time, network, encryption context, the calling service) leave the statement open: they
 * say how or from where, not who. A condition counts only when
 * <ul>
 *   <li>its operator compares for a match: StringEquals, StringEqualsIgnoreCase, StringLike, ArnEquals, ArnLike,
 *       bare or with {@code ForAnyValue:} (a negated operator admits every other caller; {@code Null} only tests
 *       presence);</li>
 *   <li>it fails when the key is absent: an {@code ...IfExists} operator or {@code ForAllValues:} passes a request
 *       without the key, so either counts only beside {@code "Null": {key: "false"}};</li>
 *   <li>every one of its values pins the caller (values are ORed, so one {@code "*"} opens it).</li>
 * </ul>
 * Deny statements are not credited: an open Allow is reported even when a Deny fences it.
 */
public final class PublicAccess {
    /** Keys that limit where a request comes from, not who sends it (named apart in the reason). */
    private static final Set<String> NETWORK_KEYS = Set.of("aws:sourceip", "aws:sourcevpc", "aws:sourcevpce",
            "aws:vpcsourceip", "aws:sourcevpcarn");

    private PublicAccess() {}

    /** The open statements of a policy; empty Optional when the policy is not a JSON object (unknown). */
    public static Optional<List<OpenStatement>> openStatements(String policy) {
        return PolicyDocument.parse(policy).map(PublicAccess::openStatements);
    }

    public static List<OpenStatement> openStatements(PolicyDocument doc) {
        List<OpenStatement> open = new ArrayList<>();
        for (Statement s : doc.statements()) {
            open(s).ifPresent(reason -> open.add(new OpenStatement(s.label(), reason)));
        }
        return List.copyOf(open);
    }

    /** Why the statement is open to everyone; empty when it is not. */
    static Optional<String> open(Statement s) {
        if (!s.allow()) {
            return Optional.empty();
        }
        String subject;
        if (s.principal().isPresent()) {
            if (!s.principal().get().everyone()) {
                return Optional.empty();
            }
            subject = "Principal \"*\"";
        } else if (s.notPrincipal().isPresent() && !s.notPrincipal().get().everyone()) {
            subject = "NotPrincipal with Allow (everyone but the listed principals)";
        } else {
            return Optional.empty();
        }
        if (!s.conditionPresent()) {
            return Optional.of(subject + ": no Condition");
        }
        List<String> why = new ArrayList<>();
        Set<String> other = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        Set<String> network = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (Condition c : s.conditions()) {
            Optional<CallerKey> key = CallerKey.of(c.key());
            if (key.isEmpty()) {
                (NETWORK_KEYS.contains(c.key().toLowerCase(Locale.ROOT)) ? network : other).add(c.key());
                continue;
            }
            Optional<String> problem = problem(s, c, key.get());
            if (problem.isEmpty()) {
                return Optional.empty();
            }
            why.add(c.operator().text() + " on " + c.key() + " " + problem.get());
        }
        if (!other.isEmpty()) {
            why.add("condition keys " + String.join(", ", other) + " do not restrict the caller");
        }
        if (!network.isEmpty()) {
            why.add("condition keys " + String.join(", ", network) + " limit the network, not the caller");
        }
        if (s.conditionMalformed()) {
            why.add("the Condition element is malformed");
        }
        if (why.isEmpty()) {
            why.add("an empty Condition");
        }
        return Optional.of(subject + ": " + String.join("; ", why));
    }

    /** Why this condition on a caller key does not narrow the statement; empty when it does. */
    private static Optional<String> problem(Statement s, Condition c, CallerKey key) {
        ConditionOperator op = c.operator();
        boolean present = requiresPresence(s, c.key());
        if (op.isNull()) {
            return Optional.of("only tests whether the key is present");
        }
        if (!op.matching()) {
            return Optional.of(op.base().contains("not") ? "is negated and admits every other caller"
                    : "does not compare the key for a match");
        }
        if (op.qualifier() == ConditionOperator.Qualifier.UNKNOWN) {
            return Optional.of("has an unknown set qualifier");
        }
        if (op.ifExists() && !present) {
            return Optional.of("passes when the key is absent");
        }
        if (op.qualifier() == ConditionOperator.Qualifier.FOR_ALL_VALUES && !present) {
            return Optional.of("passes when the key is absent (ForAllValues of no values is true)");
        }
        for (String v : c.values()) {
            Optional<String> p = key.problem(op, v);
            if (p.isPresent()) {
                return Optional.of("admits callers of any account: " + p.get());
            }
        }
        return Optional.empty();
    }

    /** The statement also says {@code "Null": {key: "false"}}: a request without the key does not match. */
    private static boolean requiresPresence(Statement s, String key) {
        return s.on(key).stream().anyMatch(c -> c.operator().isNull() && !c.operator().ifExists()
                && c.operator().qualifier() == ConditionOperator.Qualifier.NONE
                && !c.values().isEmpty() && c.values().stream().allMatch(v -> v.equalsIgnoreCase("false")));
    }
}
