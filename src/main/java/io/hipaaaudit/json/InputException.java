package io.hipaaaudit.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.util.stream.Collectors;

/**
 * Bad user input (snapshot, rule file, parameters, configuration). The message is one line, starts with the
 * file and line, and is what the CLI prints before exiting with code 2.
 */
public final class InputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InputException(String message) {
        super(message, null, false, false);
    }

    /** Turns a Jackson error into {@code file:line:column: what is wrong (at path)}. */
    public static InputException of(String origin, JsonProcessingException e) {
        JsonLocation loc = e.getLocation();
        String where = origin + (loc != null && loc.getLineNr() > 0 ? ":" + loc.getLineNr() + ":" + loc.getColumnNr() : "");
        return new InputException(where + ": " + describe(e));
    }

    /**
     * Like {@link #of(String, JsonProcessingException)}, but for an unknown key the line is that of the key itself,
     * found again in {@code text} (Jackson reports it at the end of the enclosing object).
     */
    public static InputException of(String origin, JsonProcessingException e, JsonFactory factory, String text) {
        if (e instanceof UnrecognizedPropertyException u) {
            int line = PathLocator.line(factory, text, u.getPath());
            if (line > 0) {
                return new InputException(origin + ":" + line + ": " + describe(e));
            }
        }
        return of(origin, e);
    }

    /**
     * Like {@link #of(String, JsonProcessingException, JsonFactory, String)}, and a value a record's constructor
     * rejected is reported at the line where that value starts rather than where its enclosing object ends.
     */
    public static InputException atValue(String origin, JsonProcessingException e, JsonFactory factory, String text) {
        if (e instanceof ValueInstantiationException v) {
            int line = PathLocator.line(factory, text, v.getPath());
            if (line > 0) {
                return new InputException(origin + ":" + line + ": " + describe(e));
            }
        }
        return of(origin, e, factory, text);
    }

    static String describe(JsonProcessingException e) {
        String path = "";
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            path = m.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
        }
        String what;
        if (e instanceof UnrecognizedPropertyException u) {
            what = "unknown key '" + u.getPropertyName() + "'"
                    + (u.getKnownPropertyIds() == null ? "" : "; expected one of " + u.getKnownPropertyIds().stream()
                    .map(String::valueOf).sorted().collect(Collectors.joining(", ")));
            path = path.contains(".") ? path.substring(0, path.lastIndexOf('.')) : "";
        } else {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            what = root instanceof JsonProcessingException j ? j.getOriginalMessage() : root.getMessage();
            if (root instanceof IllegalArgumentException || root instanceof NullPointerException) {
                what = root.getMessage();
            }
        }
        what = what == null ? e.getClass().getSimpleName() : what.replaceAll("\\s+", " ").trim();
        // a parser limit names the Java setting that holds it; the user needs only the limit
        what = what.replaceAll(",? from `[A-Za-z.()]+`", "");
        return path.isEmpty() ? what : what + " (at " + path + ")";
    }
}
