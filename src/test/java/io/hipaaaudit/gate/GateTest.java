package io.hipaaaudit.gate;

import static io.hipaaaudit.findings.TestFindings.doc;
import static io.hipaaaudit.findings.TestFindings.finding;
import static org.assertj.core.api.Assertions.assertThat;

import io.hipaaaudit.gate.GateVerdict.Outcome;
import io.hipaaaudit.findings.Severity;
import io.hipaaaudit.findings.Status;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The gate's baseline semantics, finding by finding. */
class GateTest {
    private static final String RULE = "rds-instance-multi-az";

    @Test
    void aFailureThatWasOnlyWaivedBeforeIsNewOnceTheWaiverIsGone() {
        Baseline before = new Baseline(doc(finding(RULE, Status.WAIVED, "a", "111122223333", "us-east-1")));
        GateVerdict v = Gate.evaluate(doc(finding(RULE, Status.FAIL, "a", "111122223333", "us-east-1")),
                Severity.HIGH, false, Optional.of(before));
        assertThat(v.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(v.newFailing()).hasSize(1);
    }

    @Test
    void identityIsRuleTypeIdAccountAndRegion() {
        Baseline before = new Baseline(doc(finding(RULE, Status.FAIL, "a", "111122223333", "us-east-1")));
        GateVerdict sameResource = Gate.evaluate(doc(finding(RULE, Status.FAIL, "a", "111122223333", "us-east-1")),
                Severity.HIGH, false, Optional.of(before));
        GateVerdict otherRegion = Gate.evaluate(doc(finding(RULE, Status.FAIL, "a", "111122223333", "eu-west-1")),
                Severity.HIGH, false, Optional.of(before));
        assertThat(sameResource.outcome()).isEqualTo(Outcome.PASSED);
        assertThat(otherRegion.outcome()).isEqualTo(Outcome.FAILED);
    }

    @Test
    void aResourceGoneFromAScannedAccountIsFixedButNotFromAnUnscannedOne() {
        Baseline before = new Baseline(doc(finding(RULE, Status.FAIL, "gone", "111122223333", "us-east-1"),
                finding(RULE, Status.FAIL, "elsewhere", "999988887777", "us-east-1")));
        GateVerdict v = Gate.evaluate(doc(), Severity.HIGH, false, Optional.of(before));
        assertThat(v.fixed()).extracting(f -> f.resource().id()).containsExactly("gone");
    }

    @Test
    void belowThresholdFailuresNeverGate() {
        GateVerdict v = Gate.evaluate(doc(finding(RULE, Status.FAIL, "a", "1", "r")), Severity.CRITICAL, false,
                Optional.empty());
        assertThat(v.outcome()).isEqualTo(Outcome.PASSED);
    }
}
