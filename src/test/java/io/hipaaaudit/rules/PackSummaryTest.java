package io.hipaaaudit.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code version} reports the pack from its files alone: the same count and hash as loading it. */
class PackSummaryTest {
    @Test
    void theSummaryEqualsTheLoadedPack() {
        RulePack pack = RuleLoader.load(List.of());
        RuleLoader.Summary summary = RuleLoader.bundledSummary();
        assertThat(summary.rules()).isEqualTo(pack.rules().size());
        assertThat(summary.sha256()).isEqualTo(pack.sha256());
    }
}
