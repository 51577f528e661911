package io.hipaaaudit.analyse.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.hipaaaudit.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A resource-based policy (KMS key policy, Secrets Manager resource policy, S3 bucket policy, VPC endpoint
 * policy) read into its statements. The grammar is the IAM policy language: {@code Statement} is one object or a
 * list of them.
 */
public record PolicyDocument(List<Statement> statements) {
    public PolicyDocument {
        statements = List.copyOf(statements);
    }

    /** The document's statements; empty when the text is not a JSON object (the policy is then unknown). */
    public static Optional<PolicyDocument> parse(String policy) {
        JsonNode doc;
        try {
            doc = Json.json().readTree(policy);
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
        if (doc == null || !doc.isObject()) {
            return Optional.empty();
        }
        JsonNode node = doc.path("Statement");
        List<JsonNode> nodes = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(nodes::add);
        } else if (node.isObject()) {
            nodes.add(node);
        }
        List<Statement> statements = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            statements.add(Statement.of(nodes.get(i), i));
        }
        return Optional.of(new PolicyDocument(statements));
    }
}
