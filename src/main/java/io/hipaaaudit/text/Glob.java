package io.hipaaaudit.text;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Shell-style globs, one meaning everywhere (waivers, database policies, {@code db privileges --object}): {@code *}
 * any run of characters, {@code ?} one character, everything else literally and case-sensitively.
 */
public final class Glob {
    /** Patterns are compiled once: policies match every role against every table. */
    private static final Map<String, Pattern> COMPILED = new ConcurrentHashMap<>();

    private Glob() {}

    public static Pattern compile(String glob) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : glob.toCharArray()) {
            if (c == '*' || c == '?') {
                if (!literal.isEmpty()) {
                    regex.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                regex.append(c == '*' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        if (!literal.isEmpty()) {
            regex.append(Pattern.quote(literal.toString()));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    public static boolean matches(String glob, String text) {
        return COMPILED.computeIfAbsent(glob, Glob::compile).matcher(text).matches();
    }
}
