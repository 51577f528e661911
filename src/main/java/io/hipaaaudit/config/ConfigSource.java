package io.hipaaaudit.config;

import io.hipaaaudit.json.InputException;
import io.hipaaaudit.json.Json;
import io.hipaaaudit.json.PathLocator;
import java.util.List;

/** The configuration file's name and text, to point errors found after parsing at {@code file:line}. */
public record ConfigSource(String origin, String text) {

    /** Line of a path of keys (String) and list indexes (Integer), e.g. {@code waivers, 2, expires}; 0 if unknown. */
    public int line(List<Object> path) {
        int line = PathLocator.lineOf(Json.yaml().getFactory(), text, path);
        for (int n = path.size() - 1; line == 0 && n > 0; n--) {
            line = PathLocator.lineOf(Json.yaml().getFactory(), text, path.subList(0, n));
        }
        return line;
    }

    public InputException error(List<Object> path, String message) {
        int line = line(path);
        return new InputException((line > 0 ? origin + ":" + line : origin) + ": " + message);
    }
}
