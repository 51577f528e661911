package io.hipaaaudit.rules;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.hipaaaudit.json.Json;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Line numbers of the keys of a YAML document, as {@code key -> line} for top-level keys and
 * {@code key.sub -> line} for nested ones, so semantic errors found after parsing still point at a line.
 */
final class KeyLines {
    private final String yaml;
    private Map<String, Integer> lines;

    private KeyLines(String yaml) {
        this.yaml = yaml;
    }

    /**
     * The lines of {@code yaml}'s keys, read when a line is first asked for: only an error needs one, and reading
     * them is a second pass of the YAML parser over the file.
     */
    static KeyLines of(String yaml) {
        return new KeyLines(yaml);
    }

    private static Map<String, Integer> read(String yaml) {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser p = Json.yaml().getFactory().createParser(yaml)) {
            java.util.ArrayDeque<String> path = new java.util.ArrayDeque<>();
            java.util.ArrayDeque<Boolean> pushed = new java.util.ArrayDeque<>();
            String pending = null;
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.FIELD_NAME) {
                    pending = p.currentName();
                    String key = path.isEmpty() ? pending : String.join(".", reversed(path)) + "." + pending;
                    lines.putIfAbsent(key, p.currentTokenLocation().getLineNr());
                } else if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    boolean push = pending != null;
                    if (push) {
                        path.push(pending);
                    }
                    pushed.push(push);
                    pending = null;
                } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    if (!pushed.isEmpty() && pushed.pop()) {
                        path.pop();
                    }
                } else {
                    pending = null;
                }
            }
        } catch (IOException e) {
            // The strict parse reports syntax errors with their location; lines are best effort here.
        }
        return lines;
    }

    private static java.util.List<String> reversed(java.util.ArrayDeque<String> path) {
        java.util.List<String> list = new java.util.ArrayList<>(path);
        java.util.Collections.reverse(list);
        return list;
    }

    /** The line of {@code key} (dotted for nested keys), falling back to its parent, or 0 if unknown. */
    synchronized int line(String key) {
        if (lines == null) {
            lines = read(yaml);
        }
        String k = key;
        while (true) {
            Integer line = lines.get(k);
            if (line != null) {
                return line;
            }
            int dot = k.lastIndexOf('.');
            if (dot < 0) {
                return 0;
            }
            k = k.substring(0, dot);
        }
    }
}
