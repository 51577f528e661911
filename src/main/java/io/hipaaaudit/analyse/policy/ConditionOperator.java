package io.hipaaaudit.analyse.policy;

import java.util.Locale;
import java.util.Set;

/**
 * A condition operator taken apart: the set qualifier ({@code ForAnyValue:} / {@code ForAllValues:}), the base
 * operator and the {@code IfExists} suffix. Names are compared without regard to case: AWS refuses a policy
 * with an operator it does not know, so leniency here cannot make a stored policy look narrower than it is.
 *
 * @param text the operator as written in the policy
 * @param base the base operator in lower case, e.g. {@code stringequals}
 */
public record ConditionOperator(String text, Qualifier qualifier, String base, boolean ifExists) {
    public enum Qualifier { NONE, FOR_ANY_VALUE, FOR_ALL_VALUES, UNKNOWN }

    /** Operators that hold only when the request's value equals or matches one of the policy's values. */
    private static final Set<String> MATCHING = Set.of("stringequals", "stringequalsignorecase", "stringlike",
            "arnequals", "arnlike");
    /** Operators that read {@code *} and {@code ?} as wildcards (ARN operators do, per colon-separated part). */
    private static final Set<String> PATTERN = Set.of("stringlike", "arnequals", "arnlike");

    public static ConditionOperator parse(String text) {
        String rest = text.toLowerCase(Locale.ROOT);
        Qualifier qualifier = Qualifier.NONE;
        int colon = rest.indexOf(':');
        if (colon >= 0) {
            String q = rest.substring(0, colon);
            qualifier = q.equals("foranyvalue") ? Qualifier.FOR_ANY_VALUE
                    : q.equals("forallvalues") ? Qualifier.FOR_ALL_VALUES : Qualifier.UNKNOWN;
            rest = rest.substring(colon + 1);
        }
        boolean ifExists = rest.endsWith("ifexists");
        if (ifExists) {
            rest = rest.substring(0, rest.length() - "ifexists".length());
        }
        return new ConditionOperator(text, qualifier, rest, ifExists);
    }

    /** StringEquals, StringEqualsIgnoreCase, StringLike, ArnEquals or ArnLike (not their Not forms). */
    public boolean matching() {
        return MATCHING.contains(base);
    }

    /** The operator reads {@code *} and {@code ?} in the policy's values as wildcards. */
    public boolean patterns() {
        return PATTERN.contains(base);
    }

    /** StringLike matches across the whole value; ARN operators match each part of the ARN separately. */
    public boolean wholeStringPattern() {
        return base.equals("stringlike");
    }

    public boolean isNull() {
        return base.equals("null");
    }
}
