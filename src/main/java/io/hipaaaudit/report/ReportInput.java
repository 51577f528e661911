package io.hipaaaudit.report;

import io.hipaaaudit.findings.FindingsDocument;
import io.hipaaaudit.rules.RulePack;
import java.util.Optional;

/**
 * Everything a reporter reads: the findings document (as written to findings.json, so any earlier scan can be
 * re-rendered), the rule pack for rule metadata that findings do not repeat (rationale, citations' framework
 * text), and, when a history database is in use, what changed since the last scan and the trend.
 */
public record ReportInput(FindingsDocument findings, RulePack pack, Optional<HistoryView> history) {
    public ReportInput {
        history = history == null ? Optional.empty() : history;
    }

    public ReportInput(FindingsDocument findings, RulePack pack) {
        this(findings, pack, Optional.empty());
    }
}
