package io.hipaaaudit.template;

import java.util.Map;
import java.util.Optional;

/**
 * One stack to map: its name, its template, the parameter values given for it and where it lives. {@code scope}
 * is the stack whose inventory scope its resources join (a nested stack joins its root stack).
 */
public record Stack(String name, TemplateFile template, Map<String, Object> parameters, Optional<String> region,
                    Optional<String> account, String scope) {
    public Stack {
        parameters = Map.copyOf(parameters);
    }
}
