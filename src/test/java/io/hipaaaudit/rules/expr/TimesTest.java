package io.hipaaaudit.rules.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cel.common.internal.DateTimeHelpers;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The timestamps read field by field are the ones CEL's runtime parser gives, and only texts it accepts. */
class TimesTest {
    @Test
    void fieldByFieldAgreesWithTheRuntimeParserOnGeneratedTexts() {
        Random random = new Random(7);
        int read = 0;
        for (int i = 0; i < 200_000; i++) {
            String text = String.format("%04d-%02d-%02dT%02d:%02d:%02d%sZ", random.nextInt(10_000),
                    random.nextInt(14), random.nextInt(33), random.nextInt(26), random.nextInt(62), random.nextInt(62),
                    fraction(random));
            Instant mine = Times.utc(text);
            Instant cel;
            try {
                cel = DateTimeHelpers.parse(text);
            } catch (RuntimeException e) {
                cel = null;
            }
            if (mine != null) {
                read++;
                assertThat(mine).as(text).isEqualTo(cel);
            } else if (text.length() >= 20 && !text.contains(".Z")) {
                assertThat(cel).as(text + ": the runtime accepts a text read field by field would").isNull();
            }
        }
        assertThat(read).isGreaterThan(50_000);
    }

    @Test
    void otherTextsGoToTheRuntimeParserOrToCel() {
        assertThat(Times.utc("2026-11-24T11:55:00+01:00")).isNull();
        assertThat(Times.timestamp("2026-11-24T11:55:00+01:00")).isEqualTo(Instant.parse("2026-11-24T10:55:00Z"));
        assertThat(Times.utc("2026-11-24T11:55:00.123456789Z")).isEqualTo(Instant.parse("2026-11-24T11:55:00.123456789Z"));
        assertThat(Times.utc("0000-01-01T00:00:00Z")).isNull();
        assertThatThrownBy(() -> Times.timestamp("0000-01-01T00:00:00Z")).isSameAs(DirectEval.FALLBACK);
        assertThatThrownBy(() -> Times.timestamp("yesterday")).isSameAs(DirectEval.FALLBACK);
        assertThat(new Times.LastDuration().parse("24h")).hasHours(24);
        assertThatThrownBy(() -> new Times.LastDuration().parse("24 hours")).isSameAs(DirectEval.FALLBACK);
    }

    private static String fraction(Random random) {
        int digits = random.nextInt(12) - 1;
        if (digits < 0) {
            return "";
        }
        StringBuilder b = new StringBuilder(".");
        for (int i = 0; i < digits; i++) {
            b.append(random.nextInt(10));
        }
        return b.toString();
    }
}
