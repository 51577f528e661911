package io.hipaaaudit.analyse.privileges;

import java.util.regex.Pattern;

/**
 * Quotes identifiers inside human-readable text (grant chains, the table renderer) the way SQL would, so a role
 * called {@code read only} cannot be mistaken for two words. Data fields keep the raw name.
 */
public final class Names {
    private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_$]*");

    private Names() {}

    public static String quote(String identifier) {
        if (identifier.equals("PUBLIC") || PLAIN.matcher(identifier).matches()) {
            return identifier;
        }
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
