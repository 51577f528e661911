package io.hipaaaudit.policy;

import java.util.ArrayList;
import java.util.List;

/**
 * The schema names of a {@code search_path} value as PostgreSQL stores it in {@code proconfig}: a comma-separated
 * list of identifiers, each bare (folded to lower case when it was written unquoted, so stored as written) or in
 * double quotes with {@code ""} for a quote inside.
 */
final class SearchPath {
    private SearchPath() {}

    static List<String> schemas(String value) {
        List<String> out = new ArrayList<>();
        StringBuilder name = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < value.length() && value.charAt(i + 1) == '"') {
                    name.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    name.append(c);
                }
            } else if (c == '"') {
                quoted = true;
                wasQuoted = true;
            } else if (c == ',') {
                add(out, name, wasQuoted);
                name.setLength(0);
                wasQuoted = false;
            } else if (!Character.isWhitespace(c)) {
                name.append(c);
            }
        }
        add(out, name, wasQuoted);
        return out;
    }

    private static void add(List<String> out, StringBuilder name, boolean quoted) {
        if (name.length() > 0 || quoted) {
            out.add(name.toString());
        }
    }
}
