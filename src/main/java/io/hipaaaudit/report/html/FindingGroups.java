package io.hipaaaudit.report.html;

import io.hipaaaudit.findings.Finding;
import io.hipaaaudit.findings.ResourceRef;
import io.hipaaaudit.findings.Status;
import io.hipaaaudit.report.ReportInput;
import io.hipaaaudit.report.html.Groups.AreaGroup;
import io.hipaaaudit.report.html.Groups.ResourceGroup;
import io.hipaaaudit.report.html.Groups.ResourceLink;
import io.hipaaaudit.report.html.Groups.RuleGroup;
import io.hipaaaudit.rules.Rule;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Groups findings by area and rule (open problems first inside a rule), and indexes them by resource. A finding's
 * anchor is its position in findings.json, which is itself sorted, so anchors are stable for the same input.
 */
final class FindingGroups {
    /** Open problems first: what needs action, then what could not be checked, then what is accepted or fine. */
    private static final List<Status> ATTENTION = List.of(Status.FAIL, Status.NOT_ASSESSED, Status.WAIVED,
            Status.PASS, Status.NOT_APPLICABLE);

    private FindingGroups() {}

    static String anchor(int index) {
        return "f" + index;
    }

    static List<AreaGroup> byArea(ReportInput input) {
        List<Finding> findings = input.findings().findings();
        Map<String, Map<String, List<Integer>>> tree = new TreeMap<>();
        for (int i = 0; i < findings.size(); i++) {
            Finding f = findings.get(i);
            tree.computeIfAbsent(f.area(), k -> new TreeMap<>()).computeIfAbsent(f.ruleId(), k -> new ArrayList<>())
                    .add(i);
        }
        List<AreaGroup> out = new ArrayList<>();
        tree.forEach((area, rules) -> {
            List<RuleGroup> groups = new ArrayList<>();
            List<Status> statuses = new ArrayList<>();
            rules.forEach((ruleId, idx) -> {
                groups.add(rule(input, ruleId, idx, findings));
                idx.forEach(i -> statuses.add(findings.get(i).status()));
            });
            out.add(new AreaGroup(Text.visible(area), StatusCount.all(statuses), groups));
        });
        return out;
    }

    private static RuleGroup rule(ReportInput input, String ruleId, List<Integer> idx, List<Finding> findings) {
        Finding first = findings.get(idx.get(0));
        String remediation = mostCommon(idx.stream().map(i -> findings.get(i).remediation()).toList());
        List<FindingRow> rows = idx.stream()
                .sorted(Comparator.comparingInt((Integer i) -> ATTENTION.indexOf(findings.get(i).status()))
                        .thenComparingInt(i -> i))
                .map(i -> FindingRows.of(anchor(i), findings.get(i), remediation))
                .toList();
        String rationale = input.pack().find(ruleId).map(Rule::file).map(r -> r.rationale()).orElse("");
        return new RuleGroup(Text.visible(ruleId), Text.visible(first.title()), first.severity().label(),
                first.hipaa().stream().map(Text::visible).toList(), Text.visible(rationale), Text.visible(remediation), rows);
    }

    private static String mostCommon(List<String> values) {
        Map<String, Long> n = values.stream().collect(Collectors.groupingBy(Function.identity(), TreeMap::new,
                Collectors.counting()));
        return n.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("");
    }

    static List<ResourceGroup> byResource(List<Finding> findings) {
        Map<List<String>, List<ResourceLink>> index = new TreeMap<>(FindingGroups::compareKeys);
        Map<List<String>, ResourceRef> refs = new LinkedHashMap<>();
        for (int i = 0; i < findings.size(); i++) {
            Finding f = findings.get(i);
            ResourceRef r = f.resource();
            List<String> key = List.of(r.account(), r.region(), r.type(), r.id(), r.arn());
            refs.putIfAbsent(key, r);
            index.computeIfAbsent(key, k -> new ArrayList<>())
                    .add(new ResourceLink(anchor(i), Text.visible(f.ruleId()), StatusCount.of(f.status(), 1)));
        }
        List<ResourceGroup> out = new ArrayList<>();
        index.forEach((key, links) -> {
            ResourceRef r = refs.get(key);
            out.add(new ResourceGroup(Text.visible(r.type()), Text.visible(r.id()), Text.visible(r.arn()),
                    Text.visible(r.account()), Text.visible(r.region()), links));
        });
        return out;
    }

    private static int compareKeys(List<String> a, List<String> b) {
        for (int i = 0; i < a.size(); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
