package io.hipaaaudit.engine;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How a resource picks the environment its rule parameters are resolved for: the value of its environment tag
 * ({@code Environment} unless configured otherwise, matched case-insensitively, value lower-cased), else the
 * scan's environment.
 */
public record Environments(String scanEnvironment, String tagKey) {
    public static final String DEFAULT_TAG = "Environment";

    public Environments {
        scanEnvironment = scanEnvironment == null || scanEnvironment.isBlank() ? "default" : scanEnvironment;
        tagKey = tagKey == null || tagKey.isBlank() ? DEFAULT_TAG : tagKey;
    }

    public String of(Map<String, String> tags) {
        return fromTags(tags).orElse(scanEnvironment);
    }

    public Optional<String> fromTags(Map<String, String> tags) {
        for (Map.Entry<String, String> t : tags.entrySet()) {
            if (t.getKey().equalsIgnoreCase(tagKey) && !t.getValue().isBlank()) {
                return Optional.of(t.getValue().trim().toLowerCase(Locale.ROOT));
            }
        }
        return Optional.empty();
    }
}
