package io.hipaaaudit.text;

/** Text from the cloud made safe for one line of a terminal or a log. */
public final class Printable {
    private Printable() {}

    /**
     * {@code s} with every control character (ANSI escapes, carriage returns, line feeds) and every format
     * character (bidi overrides, zero-width characters) replaced by '?', so a hostile tag value or resource name
     * can neither rewrite a terminal nor hide or reorder what a reader sees.
     */
    public static String line(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT) {
                b.append('?');
            } else {
                b.appendCodePoint(cp);
            }
        });
        return b.toString();
    }
}
