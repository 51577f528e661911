package io.hipaaaudit.analyse.policy;

import java.util.BitSet;

/**
 * The policy language's wildcards in {@code Action} and {@code Resource}: {@code *} matches any run of characters
 * (none included), {@code ?} any one character; everything else matches itself. Besides matching one string, it
 * answers for all strings that start with a prefix at once, by running the pattern over the prefix and looking at
 * the pattern positions it can be in afterwards.
 */
final class Wildcards {
    private Wildcards() {}

    static boolean matches(String pattern, String text) {
        BitSet at = after(pattern, text);
        return at.get(pattern.length());
    }

    /** Every string that starts with {@code prefix} matches: from some position reached, only {@code *}s remain. */
    static boolean coversEveryExtension(String pattern, String prefix) {
        BitSet at = after(pattern, prefix);
        for (int i = at.nextSetBit(0); i >= 0; i = at.nextSetBit(i + 1)) {
            if (pattern.substring(i).chars().allMatch(c -> c == '*')) {
                return true;
            }
        }
        return false;
    }

    /** Some string that starts with {@code prefix} (itself included) matches. */
    static boolean matchesSomeExtension(String pattern, String prefix) {
        return !after(pattern, prefix).isEmpty();
    }

    /** The pattern positions (0..length) reachable after reading {@code text}. */
    private static BitSet after(String pattern, String text) {
        BitSet at = closure(pattern, single(0));
        for (int k = 0; k < text.length() && !at.isEmpty(); k++) {
            char c = text.charAt(k);
            BitSet next = new BitSet();
            for (int i = at.nextSetBit(0); i >= 0; i = at.nextSetBit(i + 1)) {
                if (i == pattern.length()) {
                    continue;
                }
                char p = pattern.charAt(i);
                if (p == '*') {
                    next.set(i);
                } else if (p == '?' || p == c) {
                    next.set(i + 1);
                }
            }
            at = closure(pattern, next);
        }
        return at;
    }

    /** A {@code *} may match nothing: from its position the one after it is reachable too. */
    private static BitSet closure(String pattern, BitSet at) {
        BitSet out = (BitSet) at.clone();
        for (int i = out.nextSetBit(0); i >= 0 && i < pattern.length(); i = out.nextSetBit(i + 1)) {
            if (pattern.charAt(i) == '*') {
                out.set(i + 1);
            }
        }
        return out;
    }

    private static BitSet single(int i) {
        BitSet b = new BitSet();
        b.set(i);
        return b;
    }
}
