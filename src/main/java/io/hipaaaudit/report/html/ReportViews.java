package io.hipaaaudit.report.html;

import io.hipaaaudit.findings.Finding;
import io.hipaaaudit.findings.ScanInfo;
import io.hipaaaudit.findings.Severity;
import io.hipaaaudit.findings.Status;
import io.hipaaaudit.report.ReportInput;
import io.hipaaaudit.report.html.ReportView.Header;
import io.hipaaaudit.report.html.ReportView.SeverityRow;
import io.hipaaaudit.report.html.ReportView.Summary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Builds the view of a report from its input. Deterministic: every grouping is sorted. */
public final class ReportViews {
    private ReportViews() {}

    public static ReportView of(ReportInput input) {
        List<Finding> findings = input.findings().findings();
        ScanInfo scan = input.findings().scan();
        return new ReportView(header(scan, input.pack().framework().title()), summary(input),
                HipaaRollup.rows(input.pack(), findings), FindingGroups.byArea(input),
                FindingGroups.byResource(findings), scan.unusedWaivers().stream().map(Text::visible).sorted().toList(),
                Arrays.stream(Severity.values()).map(Severity::label).toList(),
                input.history().map(HistorySection::of));
    }

    private static Header header(ScanInfo s, String framework) {
        return new Header(Text.visible(s.id()), Text.visible(s.tool()), Text.visible(s.version()),
                Text.visible(s.environment()), join(s.accounts()), join(s.regions()), join(s.databases()),
                s.startedAt().map(Text::visible).orElse("unknown"), s.finishedAt().map(Text::visible).orElse("unknown"),
                Text.visible(s.inventorySha256()), Text.visible(s.rulePackSha256()), Text.visible(framework));
    }

    private static String join(List<String> values) {
        return values.isEmpty() ? "none" : Text.visible(String.join(", ", values));
    }

    static Summary summary(ReportInput input) {
        List<Finding> findings = input.findings().findings();
        List<SeverityRow> rows = new ArrayList<>();
        for (Severity sev : Severity.values()) {
            List<Status> st = findings.stream().filter(f -> f.severity() == sev).map(Finding::status).toList();
            rows.add(new SeverityRow(sev.label(), StatusCount.all(st), st.size()));
        }
        Map<String, List<Status>> byArea = new TreeMap<>();
        Map<String, List<Status>> byCitation = new LinkedHashMap<>();
        // citations in framework order first, then any a finding cites that the framework file does not list
        input.pack().framework().specifications().forEach(s -> byCitation.put(s.citation(), new ArrayList<>()));
        Map<String, List<Status>> extra = new TreeMap<>();
        for (Finding f : findings) {
            byArea.computeIfAbsent(f.area(), k -> new ArrayList<>()).add(f.status());
            for (String c : f.hipaa()) {
                (byCitation.containsKey(c) ? byCitation : extra).computeIfAbsent(c, k -> new ArrayList<>())
                        .add(f.status());
            }
        }
        byCitation.putAll(extra);
        byCitation.values().removeIf(List::isEmpty);
        return new Summary(findings.size(), StatusCount.all(findings.stream().map(Finding::status).toList()), rows,
                failing(findings, Severity.CRITICAL), failing(findings, Severity.HIGH), BarChart.of(byArea),
                BarChart.of(byCitation));
    }

    private static long failing(List<Finding> findings, Severity sev) {
        return findings.stream().filter(f -> f.severity() == sev && f.status() == Status.FAIL).count();
    }
}
