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
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            boolean hidden = (Character.isISOControl(cp) && cp != '\n' && cp != '\t')
                    || io.hipaaaudit.report.FindingText.invisible(cp);
            if (hidden && out == null) {
                out = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (hidden) {
                out.append(String.format(java.util.Locale.ROOT, "<U+%04X>", cp));
            } else if (out != null) {
                out.appendCodePoint(cp);
            }
            i += Character.charCount(cp);
        }
        return out == null ? s : out.toString();
    }
}
