package io.hipaaaudit.report.html;

/**
 * Makes strings from the cloud safe to show as text. HTML escaping is jte's job; this only makes invisible
 * characters visible: control characters and bidirectional overrides in a tag value could otherwise hide or
 * reorder what an auditor reads (a resource name shown reversed), so they are shown as {@code <U+202E>}.
 */
final class Text {
    private Text() {}

    static String visible(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean hidden = (Character.isISOControl(c) && c != '\n' && c != '\t') || isBidiControl(c);
            if (hidden && out == null) {
                out = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (hidden) {
                out.append(String.format(java.util.Locale.ROOT, "<U+%04X>", (int) c));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? s : out.toString();
    }

    private static boolean isBidiControl(char c) {
        return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069') || c == '\u200E' || c == '\u200F'
                || c == '\u061C';
    }
}
