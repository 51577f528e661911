package io.hipaaaudit.analyse;

import io.hipaaaudit.analyse.policy.OpenStatement;
import io.hipaaaudit.analyse.policy.PublicAccess;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The key-policy facts of a KMS key, from the shared resource-policy analysis ({@link PublicAccess}): the
 * statements that allow every principal without a condition that pins the caller, and why each is open.
 */
public final class KeyPolicyFacts {
    private KeyPolicyFacts() {}

    /** The Sids (or {@code #index}) of open statements; empty Optional when the policy is not valid JSON. */
    public static Optional<List<String>> openStatements(String policy) {
        return PublicAccess.openStatements(policy).map(open -> open.stream().map(OpenStatement::statement).toList());
    }

    /**
     * Facts for rules: {@code policyOpenStatements} (the labels) and {@code policyOpenReasons} (label and reason
     * per statement); none when the policy is not valid JSON, so rules reading them are NOT_ASSESSED.
     */
    public static Map<String, Object> facts(String policy) {
        Map<String, Object> facts = new LinkedHashMap<>();
        PublicAccess.openStatements(policy).ifPresent(open -> {
            facts.put("policyOpenStatements", open.stream().map(OpenStatement::statement).toList());
            facts.put("policyOpenReasons", open.stream()
                    .map(o -> (Object) Map.of("statement", o.statement(), "reason", o.reason())).toList());
        });
        return facts;
    }
}
