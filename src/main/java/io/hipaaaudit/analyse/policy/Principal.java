package io.hipaaaudit.analyse.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code Principal} (or {@code NotPrincipal}) element: the bare string {@code "*"}, or a map from principal type
 * ({@code AWS}, {@code Service}, {@code Federated}, {@code CanonicalUser}) to one or more identifiers.
 *
 * @param wildcard the element is the string {@code "*"}
 */
public record Principal(boolean wildcard, Map<String, List<String>> byType) {
    public Principal {
        byType = Map.copyOf(byType);
    }

    static Principal of(JsonNode p) {
        if (p.isTextual()) {
            return new Principal("*".equals(p.asText()), Map.of());
        }
        Map<String, List<String>> byType = new LinkedHashMap<>();
        if (p.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = p.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                List<String> ids = new ArrayList<>();
                if (e.getValue().isArray()) {
                    e.getValue().forEach(v -> ids.add(v.asText()));
                } else {
                    ids.add(e.getValue().asText());
                }
                byType.put(e.getKey(), ids);
            }
        }
        return new Principal(false, byType);
    }

    /**
     * Every AWS principal, in every account, and anonymous callers where the service allows them: {@code "*"} or
     * {@code {"AWS": "*"}} (alone or in a list). A partial wildcard such as {@code arn:aws:iam::*:root} is not one:
     * the Principal element takes no wildcard but the whole {@code "*"}, and AWS refuses such a policy
     * (MalformedPolicyDocumentException), so it grants nobody.
     */
    public boolean everyone() {
        return wildcard || byType.getOrDefault("AWS", List.of()).contains("*");
    }
}
