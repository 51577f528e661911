package io.hipaaaudit.policy;

import io.hipaaaudit.text.Glob;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Glob matching for role and table patterns, and validation of the policy's pattern and privilege lists. */
public final class Globs {
    static final Set<String> PRIVILEGES = Set.of("SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES",
            "TRIGGER", "MAINTAIN", "USAGE");

    private Globs() {}

    /** {@code *} matches any run of characters, {@code ?} one; everything else literally and case-sensitively. */
    public static boolean matches(String glob, String text) {
        return Glob.matches(glob, text);
    }

    public static boolean any(List<String> globs, String text) {
        return globs.stream().anyMatch(g -> matches(g, text));
    }

    static List<String> tablePatterns(List<String> patterns, String where) {
        for (String p : patterns) {
            if (p == null || !p.contains(".")) {
                throw new IllegalArgumentException(where + ": '" + p + "' is not a schema.table pattern");
            }
        }
        return patterns;
    }

    static List<String> privileges(List<String> privileges) {
        List<String> upper = privileges.stream().map(p -> p == null ? "" : p.strip().toUpperCase(Locale.ROOT)).toList();
        for (String p : upper) {
            if (p.equals("ALL")) {
                return List.copyOf(PRIVILEGES.stream().sorted().toList());
            }
            if (!PRIVILEGES.contains(p)) {
                throw new IllegalArgumentException("privilege '" + p + "' is not one of "
                        + String.join(", ", PRIVILEGES.stream().sorted().toList()) + " or ALL");
            }
        }
        return upper;
    }
}
