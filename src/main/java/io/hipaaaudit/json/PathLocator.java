package io.hipaaaudit.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Finds the line of a JSON/YAML path in the source text. Jackson reports some errors (an unknown key inside a
 * record) at the end of the enclosing object; re-reading the tokens finds the line of the key itself.
 */
public final class PathLocator {
    private PathLocator() {}

    /** Line of the last element of {@code path} in {@code text}, or 0 when it cannot be found. */
    static int line(JsonFactory factory, String text, List<JsonMappingException.Reference> path) {
        List<Object> target = new ArrayList<>();
        for (JsonMappingException.Reference r : path) {
            target.add(r.getFieldName() != null ? r.getFieldName() : (Object) r.getIndex());
        }
        return lineOf(factory, text, target);
    }

    /**
     * Line of a path given as field names (String) and array indexes (Integer), e.g. {@code [waivers, 2, expires]},
     * for errors found after binding; 0 when it cannot be found.
     */
    public static int lineOf(JsonFactory factory, String text, List<Object> target) {
        if (target.isEmpty()) {
            return 0;
        }
        try (JsonParser p = factory.createParser(text)) {
            ArrayDeque<Object[]> stack = new ArrayDeque<>();
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.FIELD_NAME) {
                    stack.peek()[0] = p.currentName();
                    if (matches(stack, target)) {
                        return p.currentTokenLocation().getLineNr();
                    }
                    continue;
                }
                if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    stack.pop();
                    continue;
                }
                Object[] parent = stack.peek();
                if (parent != null && parent[1] != null) {
                    parent[0] = (Integer) parent[0] + 1;
                    if (matches(stack, target)) {
                        return p.currentTokenLocation().getLineNr();
                    }
                }
                if (t == JsonToken.START_OBJECT) {
                    stack.push(new Object[] {null, null});
                } else if (t == JsonToken.START_ARRAY) {
                    stack.push(new Object[] {-1, Boolean.TRUE});
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }

    private static boolean matches(ArrayDeque<Object[]> stack, List<Object> target) {
        if (stack.size() != target.size()) {
            return false;
        }
        List<Object[]> frames = new ArrayList<>(stack);
        for (int i = 0; i < target.size(); i++) {
            Object current = frames.get(frames.size() - 1 - i)[0];
            if (!Objects.equals(current, target.get(i))) {
                return false;
            }
        }
        return true;
    }
}
