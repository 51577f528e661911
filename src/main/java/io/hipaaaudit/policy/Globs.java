package io.hipaaaudit.policy;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** Glob matching for role and table patterns, and validation of the policy's pattern and privilege lists. */
public final class Globs {
    static final Set<String> PRIVILEGES = Set.of("SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES",
            "TRIGGER", "MAINTAIN", "USAGE");

    private Globs() {}

    /** {@code *} matches any run of characters, {@code ?} one; everything else literally and case-sensitively. */
    public static boolean matches(String glob, String text) {
        return COMPILED.computeIfAbsent(glob, Globs::compile).matcher(text).matches();
    }

    /** Patterns are compiled once: rules match every role against every table. */
    private static final Map<String, Pattern> COMPILED = new ConcurrentHashMap<>();

    private static Pattern compile(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
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
