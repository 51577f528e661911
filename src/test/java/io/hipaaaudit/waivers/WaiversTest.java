package io.hipaaaudit.waivers;

import static io.hipaaaudit.findings.TestFindings.doc;
import static io.hipaaaudit.findings.TestFindings.finding;
import static org.assertj.core.api.Assertions.assertThat;

import io.hipaaaudit.config.ConfigLoader;
import io.hipaaaudit.findings.Finding;
import io.hipaaaudit.findings.Status;
import io.hipaaaudit.rules.RuleLoader;
import io.hipaaaudit.rules.RulePack;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which failing findings a waiver covers, until when, and what happens to the ones it does not. */
class WaiversTest {
    private static final RulePack PACK = RuleLoader.load(List.of());
    private static final LocalDate TODAY = LocalDate.parse("2026-06-01");

    static Waivers waivers(String resource, String rule, String expires) {
        String yaml = "waivers:\n  - id: W-1\n    rule: \"" + rule + "\"\n" + resource
                + "    justification: accepted for staging only\n    approved_by: jane\n    expires: " + expires + "\n";
        ConfigLoader.Loaded loaded = ConfigLoader.parse("w.yaml", yaml);
        return Waivers.compile(loaded.config().waivers(), PACK, loaded.source());
    }

    static Status statusAfter(Waivers w, Finding f) {
        return w.apply(doc(f), ResourceTags.none(), TODAY).document().findings().get(0).status();
    }

    @Test
    void arnGlobSelectsResources() {
        Waivers w = waivers("    resource:\n      arn: \"arn:aws:rds:*:111122223333:db:staging-*\"\n",
                "rds-instance-multi-az", "2026-12-31");
        assertThat(statusAfter(w, finding("rds-instance-multi-az", Status.FAIL, "staging-1", "111122223333", "us-east-1")))
                .isEqualTo(Status.WAIVED);
        assertThat(statusAfter(w, finding("rds-instance-multi-az", Status.FAIL, "prod-1", "111122223333", "us-east-1")))
                .isEqualTo(Status.FAIL);
        assertThat(statusAfter(w, finding("rds-instance-multi-az", Status.FAIL, "staging-1", "999988887777", "us-east-1")))
                .isEqualTo(Status.FAIL);
    }

    @Test
    void arnRegexMustMatchTheWholeArn() {
        Waivers w = waivers("    resource:\n      arn_regex: \"arn:aws:rds:us-east-1:[0-9]+:db:load-test-[0-9]+\"\n",
                "rds-instance-multi-az", "2026-12-31");
        assertThat(statusAfter(w, finding("rds-instance-multi-az", Status.FAIL, "load-test-7", "1", "us-east-1")))
                .isEqualTo(Status.WAIVED);
        assertThat(statusAfter(w, finding("rds-instance-multi-az", Status.FAIL, "load-test-7b", "1", "us-east-1")))
                .isEqualTo(Status.FAIL);
    }

    @Test
    void ruleGlobAccountAndRegionMustAllMatch() {
        Waivers w = waivers("    resource:\n      account: \"111122223333\"\n      region: eu-west-1\n",
                "rds-*-multi-az", "2026-12-31");
        assertThat(statusAfter(w, finding("rds-instance-multi-az", Status.FAIL, "a", "111122223333", "eu-west-1")))
                .isEqualTo(Status.WAIVED);
        assertThat(statusAfter(w, finding("rds-cluster-multi-az", Status.FAIL, "a", "111122223333", "eu-west-1")))
                .isEqualTo(Status.WAIVED);
        assertThat(statusAfter(w, finding("rds-instance-multi-az", Status.FAIL, "a", "111122223333", "us-east-1")))
                .isEqualTo(Status.FAIL);
        assertThat(statusAfter(w, finding("rds-instance-storage-encrypted", Status.FAIL, "a", "111122223333", "eu-west-1")))
                .isEqualTo(Status.FAIL);
    }

    @Test
    void waivedFindingCarriesWhoWhyAndUntilAndCountsMove() {
        Waivers w = waivers("", "rds-instance-multi-az", "2026-06-01");
        WaiverOutcome out = w.apply(doc(finding("rds-instance-multi-az", Status.FAIL, "a", "1", "r")), ResourceTags.none(), TODAY);
        Finding f = out.document().findings().get(0);
        assertThat(f.status()).isEqualTo(Status.WAIVED);
        assertThat(f.waiver()).hasValueSatisfying(v -> {
            assertThat(v.id()).isEqualTo("W-1");
            assertThat(v.approvedBy()).isEqualTo("jane");
            assertThat(v.expires()).isEqualTo(TODAY);
        });
        assertThat(out.document().scan().counts()).containsEntry("WAIVED", 1L).containsEntry("FAIL", 0L);
        assertThat(out.applied()).containsExactly("W-1");
        assertThat(out.document().toJson()).contains("\"waiver\" : {").doesNotContain("unusedWaivers");
    }

    @Test
    void expiredWaiverStopsApplyingAndTheFindingSaysSo() {
        Waivers w = waivers("", "rds-instance-multi-az", "2026-05-31");
        WaiverOutcome out = w.apply(doc(finding("rds-instance-multi-az", Status.FAIL, "a", "1", "r")), ResourceTags.none(), TODAY);
        Finding f = out.document().findings().get(0);
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.waiver()).isEmpty();
        assertThat(f.message()).isEqualTo("a fails (waiver W-1 expired on 2026-05-31)");
        assertThat(f.evidence()).containsKey("expiredWaiver").containsEntry("k", 1);
        assertThat(out.expired()).containsExactly(f);
        assertThat(out.unused()).isEmpty();
    }

    @Test
    void waiverNeverTouchesNotAssessedOrPassAndIsThenUnused() {
        Waivers w = waivers("", "rds-instance-multi-az", "2026-12-31");
        Finding notAssessed = finding("rds-instance-multi-az", Status.NOT_ASSESSED, "a", "1", "r");
        Finding pass = finding("rds-instance-multi-az", Status.PASS, "b", "1", "r");
        WaiverOutcome out = w.apply(doc(notAssessed, pass), ResourceTags.none(), TODAY);
        assertThat(out.document().findings()).containsExactly(notAssessed, pass);
        assertThat(out.unused()).containsExactly("W-1");
        assertThat(out.document().scan().unusedWaivers()).containsExactly("W-1");
        assertThat(out.document().toJson()).contains("\"unusedWaivers\" : [ \"W-1\" ]");
    }

    @Test
    void firstMatchingWaiverInFileOrderWins() {
        String yaml = """
                waivers:
                  - {id: A, rule: rds-instance-multi-az, justification: first of the two, approved_by: x, expires: 2026-12-31}
                  - {id: B, rule: "rds-*", justification: second of the two, approved_by: y, expires: 2026-12-31}
                """;
        ConfigLoader.Loaded loaded = ConfigLoader.parse("w.yaml", yaml);
        Waivers w = Waivers.compile(loaded.config().waivers(), PACK, loaded.source());
        WaiverOutcome out = w.apply(doc(finding("rds-instance-multi-az", Status.FAIL, "a", "1", "r")), ResourceTags.none(), TODAY);
        assertThat(out.document().findings().get(0).waiver()).map(v -> v.id()).contains("A");
        assertThat(out.unused()).containsExactly("B");
    }
}
