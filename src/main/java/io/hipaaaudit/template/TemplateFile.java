package io.hipaaaudit.template;

import java.nio.file.Path;
import java.util.Map;

/**
 * One parsed CloudFormation template: its body as plain values (maps, lists, strings, numbers, booleans; the YAML
 * short forms already turned into their long {@code {"Fn::X": ...}} forms) and the line of each logical id under
 * {@code Resources}, for the reports that point at the source.
 */
public record TemplateFile(Path file, Map<String, Object> body, Map<String, Integer> resourceLines) {
    public TemplateFile {
        body = java.util.Collections.unmodifiableMap(body);
        resourceLines = Map.copyOf(resourceLines);
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> section(String name) {
        Object v = body.get(name);
        return v instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    public int lineOf(String logicalId) {
        return resourceLines.getOrDefault(logicalId, 1);
    }
}
