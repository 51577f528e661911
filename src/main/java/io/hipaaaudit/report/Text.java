package io.hipaaaudit.report;

/** String limits of target formats, applied without splitting a character. */
final class Text {
    private Text() {}

    /**
     * {@code value} cut to at most {@code max} UTF-16 units, ending in an ellipsis when cut; a surrogate pair is never
     * split, so the result is always valid Unicode and encodes to valid JSON.
     */
    static String truncate(String value, int max) {
        if (value.length() <= max) {
            return value;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(0, end) + "\u2026";
    }

    static String orElse(String value, String fallback) {
        return value.isBlank() ? fallback : value;
    }
}
