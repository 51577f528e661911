package io.hipaaaudit.rules.expr;

import dev.cel.common.internal.DateTimeHelpers;
import dev.cel.runtime.RuntimeHelpers;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;

/**
 * CEL's {@code timestamp(string)} and {@code duration(string)} for {@link DirectEval}, with CEL's values: a text
 * either gives the value CEL's runtime gives it or {@link DirectEval#FALLBACK}, so that CEL reports its own error.
 *
 * <p>The timestamps AWS reports ({@code 2026-11-24T11:55:00Z}, {@code 2026-11-24T11:55:00.123Z}) are read
 * field by field: that form, with every field in its range, is one the runtime's parser
 * ({@code OffsetDateTime.parse}, then years 1 to 9999) accepts with exactly this value. Any other text goes to that
 * parser itself.
 */
final class Times {
    private static final int[] SCALE = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    private Times() {}

    static Instant timestamp(String text) {
        Instant plain = utc(text);
        if (plain != null) {
            return plain;
        }
        try {
            return DateTimeHelpers.parse(text);
        } catch (RuntimeException e) {
            throw DirectEval.FALLBACK;
        }
    }

    /** {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z} with every field in range, or null for anything else. */
    static Instant utc(String s) {
        int n = s.length();
        if (n < 20 || n > 30 || n == 21 || s.charAt(n - 1) != 'Z' || s.charAt(4) != '-' || s.charAt(7) != '-'
                || s.charAt(10) != 'T' || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 7);
        int day = digits(s, 8, 10);
        int hour = digits(s, 11, 13);
        int minute = digits(s, 14, 16);
        int second = digits(s, 17, 19);
        int nanos = 0;
        if (n > 20) {
            int fraction = digits(s, 20, n - 1);
            if (s.charAt(19) != '.' || fraction < 0) {
                return null;
            }
            nanos = fraction * SCALE[9 - (n - 21)];
        }
        if (year < 1 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59 || day > YearMonth.of(year, month).lengthOfMonth()) {
            return null;
        }
        long seconds = LocalDate.of(year, month, day).toEpochDay() * 86_400L + hour * 3_600L + minute * 60L + second;
        return Instant.ofEpochSecond(seconds, nanos);
    }

    /** The ASCII digits of {@code s[from, to)} as a number, or -1 when one is not an ASCII digit. */
    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /**
     * {@code duration(string)} of one expression: the text is most often the same on every resource (built from
     * the rule's parameters), so the last one is kept with its value.
     */
    static final class LastDuration {
        private volatile Map.Entry<String, Duration> last;

        Duration parse(String text) {
            Map.Entry<String, Duration> known = last;
            if (known != null && known.getKey().equals(text)) {
                return known.getValue();
            }
            Duration value;
            try {
                value = RuntimeHelpers.createJavaDurationFromString(text);
            } catch (RuntimeException e) {
                throw DirectEval.FALLBACK;
            }
            last = Map.entry(text, value);
            return value;
        }
    }
}
