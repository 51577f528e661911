package io.hipaaaudit.report.html;

import io.hipaaaudit.findings.Finding;
import io.hipaaaudit.findings.Status;
import io.hipaaaudit.report.html.SpecRow.Verdict;
import io.hipaaaudit.rules.Framework.Specification;
import io.hipaaaudit.rules.RulePack;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Rolls findings up to the framework's specifications. Fail closed: any FAIL fails the specification; else any
 * NOT_ASSESSED (or a citing rule with no finding at all, e.g. a findings.json from an older rule pack) leaves it
 * not assessed; else it passes if something passed; waived findings are counted and shown, and a specification
 * with only waived findings is WAIVED. No citing rule means the auditor needs an attestation.
 */
final class HipaaRollup {
    private HipaaRollup() {}

    static List<SpecRow> rows(RulePack pack, List<Finding> findings) {
        List<SpecRow> out = new ArrayList<>();
        for (Specification spec : pack.framework().specifications()) {
            out.add(row(spec, pack, findings));
        }
        return out;
    }

    static SpecRow row(Specification spec, RulePack pack, List<Finding> findings) {
        String citation = spec.citation();
        List<Finding> citing = findings.stream().filter(f -> f.hipaa().contains(citation)).toList();
        TreeSet<String> rules = new TreeSet<>(pack.rulesFor(citation));
        citing.forEach(f -> rules.add(f.ruleId()));
        List<String> silent = rules.stream().filter(r -> citing.stream().noneMatch(f -> f.ruleId().equals(r))).toList();
        List<Status> statuses = citing.stream().map(Finding::status).toList();
        return new SpecRow(citation, spec.safeguard(), spec.standard(), spec.title(), spec.requirement(),
                spec.evidence(), verdict(rules.isEmpty(), silent.isEmpty() ? statuses : withMissing(statuses)),
                StatusCount.all(statuses), List.copyOf(rules), silent, spec.attestation().orElse(""));
    }

    private static List<Status> withMissing(List<Status> statuses) {
        List<Status> out = new ArrayList<>(statuses);
        out.add(Status.NOT_ASSESSED);
        return out;
    }

    static Verdict verdict(boolean noRules, List<Status> statuses) {
        if (noRules) {
            return Verdict.MANUAL;
        }
        Map<Status, Long> n = StatusCount.tally(statuses);
        if (n.get(Status.FAIL) > 0) {
            return Verdict.FAIL;
        }
        if (n.get(Status.NOT_ASSESSED) > 0) {
            return Verdict.NOT_ASSESSED;
        }
        // a waiver is an accepted failure: a specification with one is not shown as passing
        if (n.get(Status.WAIVED) > 0) {
            return Verdict.WAIVED;
        }
        if (n.get(Status.PASS) > 0) {
            return Verdict.PASS;
        }
        return Verdict.NOT_APPLICABLE;
    }
}
