package io.hipaaaudit.report.html;

import io.hipaaaudit.report.html.Groups.AreaGroup;
import io.hipaaaudit.report.html.Groups.ResourceGroup;
import java.util.List;
import java.util.Optional;

/** Everything the HTML template shows, computed from the report input; the template only lays it out. */
public record ReportView(Header header, Summary summary, List<SpecRow> hipaa, List<AreaGroup> areas,
                         List<ResourceGroup> resources, List<String> unusedWaivers, List<String> severities,
                         Optional<HistorySection> history) {
    public ReportView {
        hipaa = List.copyOf(hipaa);
        areas = List.copyOf(areas);
        resources = List.copyOf(resources);
        unusedWaivers = List.copyOf(unusedWaivers);
        severities = List.copyOf(severities);
    }

    /** The scan header: what was scanned, when, with which tool, inventory and rule pack. */
    public record Header(String scanId, String tool, String version, String environment, String accounts,
                         String regions, String databases, String startedAt, String finishedAt,
                         String inventorySha256, String rulePackSha256, String framework) {}

    /**
     * The executive summary: counts by severity and status, the charts, and the gate-relevant headline
     * (failing findings at critical and high).
     */
    public record Summary(long total, List<StatusCount> totals, List<SeverityRow> bySeverity, long failingCritical,
                          long failingHigh, BarChart byArea, BarChart byCitation) {
        public Summary {
            totals = List.copyOf(totals);
            bySeverity = List.copyOf(bySeverity);
        }

        public long failingGate() {
            return failingCritical + failingHigh;
        }

        /** Findings whose data could not be observed: while there are any, the scan is incomplete, never "good". */
        public long notAssessed() {
            return totals.stream().filter(c -> c.status().equals("NOT_ASSESSED")).mapToLong(StatusCount::count).sum();
        }
    }

    /** One severity's counts per status. */
    public record SeverityRow(String severity, List<StatusCount> counts, long total) {
        public SeverityRow {
            counts = List.copyOf(counts);
        }
    }
}
