package io.hipaaaudit.analyse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.hipaaaudit.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a KMS key policy and lists the statements that allow anyone: {@code Effect: Allow} with
 * {@code Principal: "*"} (or {@code {"AWS": "*"}}, alone or in a list) and no {@code Condition}. Such a statement
 * lets any AWS principal in any account use or manage the key.
 */
public final class KeyPolicyFacts {
    private KeyPolicyFacts() {}

    /** The Sids (or {@code #index}) of open statements; empty Optional when the policy is not valid JSON. */
    public static Optional<List<String>> openStatements(String policy) {
        JsonNode doc;
        try {
            doc = Json.json().readTree(policy);
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
        if (doc == null || !doc.isObject()) {
            return Optional.empty();
        }
        JsonNode statements = doc.path("Statement");
        List<JsonNode> list = new ArrayList<>();
        if (statements.isArray()) {
            statements.forEach(list::add);
        } else if (statements.isObject()) {
            list.add(statements);
        }
        List<String> open = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode s = list.get(i);
            boolean allow = "Allow".equals(s.path("Effect").asText());
            boolean conditioned = s.has("Condition") && s.get("Condition").size() > 0;
            if (allow && !conditioned && anyone(s.path("Principal"))) {
                open.add(s.hasNonNull("Sid") && !s.get("Sid").asText().isEmpty() ? s.get("Sid").asText() : "#" + i);
            }
        }
        return Optional.of(List.copyOf(open));
    }

    private static boolean anyone(JsonNode principal) {
        if (principal.isTextual()) {
            return "*".equals(principal.asText());
        }
        JsonNode aws = principal.path("AWS");
        if (aws.isTextual()) {
            return "*".equals(aws.asText());
        }
        if (aws.isArray()) {
            for (JsonNode p : aws) {
                if ("*".equals(p.asText())) {
                    return true;
                }
            }
        }
        return false;
    }
}
