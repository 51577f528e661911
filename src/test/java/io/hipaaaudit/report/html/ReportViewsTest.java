package io.hipaaaudit.report.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.hipaaaudit.findings.Finding;
import io.hipaaaudit.findings.Status;
import io.hipaaaudit.report.ReportInput;
import io.hipaaaudit.report.html.SpecRow.Verdict;
import io.hipaaaudit.rules.Framework;
import io.hipaaaudit.rules.Framework.Specification;
import io.hipaaaudit.rules.RulePack;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The view model: HIPAA roll-up, counts, grouping, evidence tree and visible text. */
class ReportViewsTest {
    private static final Specification AUTOMATED = spec("164.312(a)(2)(iv)", "automated", "");
    private static final Specification PARTIAL = spec("164.308(a)(1)(ii)(D)", "partial", "Review records.");
    private static final Specification MANUAL = spec("164.308(a)(2)", "manual", "A written designation.");
    private static final RulePack NO_RULES = new RulePack(
            new Framework("f", "F", "1", List.of(AUTOMATED, PARTIAL, MANUAL)), List.of(), "sha");

    private static Specification spec(String citation, String evidence, String attestation) {
        return new Specification(citation, citation.substring(0, 7), "administrative", "Std", "T", "required",
                evidence, Optional.empty(), Optional.of(attestation));
    }

    private static Finding cite(String rule, Status status, String... citations) {
        Finding f = ReportScenario.finding("rds-instance-storage-encrypted", io.hipaaaudit.findings.Severity.HIGH,
                status, "area", "db-" + rule + status, "m", Map.of());
        return new Finding(rule, f.title(), f.severity(), status, f.area(), List.of(citations), f.resource(),
                f.message(), f.evidence(), f.remediation(), f.waiver());
    }

    @Test
    void anyFailFailsTheSpecificationThenNotAssessedThenWaivedThenPass() {
        assertThat(HipaaRollup.verdict(false, List.of(Status.PASS, Status.NOT_ASSESSED, Status.FAIL, Status.WAIVED)))
                .isEqualTo(Verdict.FAIL);
        assertThat(HipaaRollup.verdict(false, List.of(Status.PASS, Status.NOT_ASSESSED, Status.WAIVED)))
                .isEqualTo(Verdict.NOT_ASSESSED);
        assertThat(HipaaRollup.verdict(false, List.of(Status.PASS, Status.WAIVED, Status.NOT_APPLICABLE)))
                .as("an accepted failure is not a pass").isEqualTo(Verdict.WAIVED);
        assertThat(HipaaRollup.verdict(false, List.of(Status.PASS, Status.NOT_APPLICABLE))).isEqualTo(Verdict.PASS);
        assertThat(HipaaRollup.verdict(false, List.of(Status.WAIVED, Status.NOT_APPLICABLE))).isEqualTo(Verdict.WAIVED);
        assertThat(HipaaRollup.verdict(false, List.of(Status.NOT_APPLICABLE))).isEqualTo(Verdict.NOT_APPLICABLE);
        assertThat(HipaaRollup.verdict(true, List.of())).isEqualTo(Verdict.MANUAL);
    }

    @Test
    void everySpecificationIsListedInFrameworkOrderWithItsRollUp() {
        List<SpecRow> rows = HipaaRollup.rows(NO_RULES, List.of(
                cite("r1", Status.PASS, AUTOMATED.citation()), cite("r2", Status.WAIVED, AUTOMATED.citation()),
                cite("r3", Status.NOT_ASSESSED, PARTIAL.citation(), AUTOMATED.citation())));
        assertThat(rows).extracting(SpecRow::citation, SpecRow::verdict, SpecRow::partial, SpecRow::rules)
                .containsExactly(
                        tuple(AUTOMATED.citation(), Verdict.NOT_ASSESSED, false, List.of("r1", "r2", "r3")),
                        tuple(PARTIAL.citation(), Verdict.NOT_ASSESSED, true, List.of("r3")),
                        tuple(MANUAL.citation(), Verdict.MANUAL, false, List.of()));
        assertThat(rows.get(0).counts()).extracting(StatusCount::status, StatusCount::count).contains(
                tuple("PASS", 1L), tuple("WAIVED", 1L), tuple("NOT_ASSESSED", 1L), tuple("FAIL", 0L));
        assertThat(rows.get(2).attestation()).isEqualTo("A written designation.");
    }

    @Test
    void aCitingRuleWithoutAnyFindingLeavesTheSpecificationNotAssessed() {
        SpecRow row = HipaaRollup.row(spec("164.312(a)(2)(iv)", "automated", ""), ReportScenario.PACK,
                List.of(cite("rds-instance-storage-encrypted", Status.PASS, "164.312(a)(2)(iv)")));
        assertThat(row.verdict()).isEqualTo(Verdict.NOT_ASSESSED);
        assertThat(row.rules()).contains("rds-instance-storage-encrypted");
        assertThat(row.rulesWithoutFindings()).isNotEmpty().doesNotContain("rds-instance-storage-encrypted");
    }

    @Test
    void summaryCountsBySeverityAndStatusAddUpToTheFindings() {
        ReportView view = ReportViews.of(ReportScenario.input());
        var s = view.summary();
        assertThat(s.total()).isEqualTo(6);
        assertThat(s.totals()).extracting(StatusCount::status, StatusCount::count).containsExactly(
                tuple("PASS", 1L), tuple("FAIL", 2L), tuple("NOT_APPLICABLE", 1L), tuple("NOT_ASSESSED", 1L),
                tuple("WAIVED", 1L));
        assertThat(s.bySeverity()).extracting(ReportView.SeverityRow::severity, ReportView.SeverityRow::total)
                .containsExactly(tuple("critical", 0L), tuple("high", 4L), tuple("medium", 2L), tuple("low", 0L),
                        tuple("info", 0L));
        assertThat(s.failingHigh()).isEqualTo(1);
        assertThat(s.failingCritical()).isZero();
        assertThat(s.byArea().bars()).extracting(BarChart.Bar::label, BarChart.Bar::total).containsExactly(
                tuple("audit-logging", 1L), tuple("backup", 2L), tuple("encryption-at-rest", 3L));
        assertThat(view.hipaa()).hasSize(ReportScenario.PACK.framework().specifications().size());
    }

    @Test
    void findingsAreGroupedByAreaAndRuleWithOpenProblemsFirst() {
        ReportView view = ReportViews.of(ReportScenario.input());
        var backup = view.areas().get(1);
        assertThat(backup.area()).isEqualTo("backup");
        assertThat(backup.rules().get(0).findings()).extracting(f -> f.status().status())
                .containsExactly("FAIL", "WAIVED");
        FindingRow failing = backup.rules().get(0).findings().get(0);
        assertThat(failing.expiredWaiver()).hasValueSatisfying(w -> assertThat(w.id()).isEqualTo("old-retention"));
        assertThat(failing.remediation()).as("shown once on the rule").isEmpty();
        assertThat(backup.rules().get(0).findings().get(1).waiver())
                .hasValueSatisfying(w -> assertThat(w.approvedBy()).isEqualTo("ciso@example.com"));
        FindingRow notAssessed = view.areas().get(0).rules().get(0).findings().get(0);
        assertThat(notAssessed.notAssessed()).containsExactly(
                "cloudtrail:DescribeTrails failed (AccessDenied) in region us-east-1: not authorized");
    }

    @Test
    void evidenceBecomesASortedTreeAndInvisibleCharactersAreShown() {
        List<EvidenceNode> tree = EvidenceNode.of(Map.of("b", List.of("x", Map.of("k", 1)), "a", "v\u202Eeil\u0007"));
        assertThat(tree).extracting(EvidenceNode::key).containsExactly("a", "b");
        assertThat(tree.get(0).value()).isEqualTo("v<U+202E>eil<U+0007>");
        assertThat(tree.get(1).children()).extracting(EvidenceNode::key).containsExactly("[0]", "[1]");
        assertThat(tree.get(1).children().get(1).children().get(0).value()).isEqualTo("1");
        assertThat(Text.visible("tab\tand\nnewline stay")).isEqualTo("tab\tand\nnewline stay");
    }

    @Test
    void withoutHistoryThereIsNoHistorySection() {
        ReportInput plain = new ReportInput(ReportScenario.document(), ReportScenario.PACK);
        assertThat(ReportViews.of(plain).history()).isEmpty();
        assertThat(ReportViews.of(ReportScenario.input()).history()).hasValueSatisfying(h -> {
            assertThat(h.scans()).isEqualTo(3);
            assertThat(h.diff().orElseThrow().lists()).extracting(l -> l.changes().size()).containsExactly(1, 1, 0, 1);
        });
    }
}
