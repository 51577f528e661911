package io.hipaaaudit.analyse.policy;

import java.util.List;

/**
 * One operator-key entry of a {@code Condition} block, e.g. {@code "StringEquals": {"aws:PrincipalOrgID": ["o-1"]}}.
 * The key keeps the spelling of the policy (keys are case-insensitive); numbers and booleans are read as text.
 */
public record Condition(ConditionOperator operator, String key, List<String> values) {
    public Condition {
        values = List.copyOf(values);
    }
}
