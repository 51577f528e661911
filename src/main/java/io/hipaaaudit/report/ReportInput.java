package io.hipaaaudit.report;

import io.hipaaaudit.findings.FindingsDocument;
import io.hipaaaudit.rules.RulePack;
import java.util.Optional;

/**
 * Everything a reporter reads: the findings document (as written to findings.json, so any earlier scan can be
 * re-rendered), the rule pack for rule metadata that findings do not repeat (rationale, citations' framework
 * text), and, when a history database is in use, what changed since the last scan and the trend.
 * {@code sarifIncludeWaived}: keep WAIVED findings in the SARIF file as suppressed results (GitHub code scanning
 * ignores suppressions in uploads and would show them as open alerts, so they are left out by default).
 * {@code docsUrl}: where this version's repository files are published (a folder URL ending in {@code /}), for
 * SARIF's {@code informationUri} and each bundled rule's {@code helpUri}.
 */
public record ReportInput(FindingsDocument findings, RulePack pack, Optional<HistoryView> history,
                          boolean sarifIncludeWaived, Optional<java.net.URI> docsUrl) {
    public ReportInput {
        history = history == null ? Optional.empty() : history;
        docsUrl = docsUrl == null ? Optional.empty() : docsUrl;
    }

    public ReportInput(FindingsDocument findings, RulePack pack, Optional<HistoryView> history,
                       boolean sarifIncludeWaived) {
        this(findings, pack, history, sarifIncludeWaived, Optional.empty());
    }

    public ReportInput(FindingsDocument findings, RulePack pack, Optional<HistoryView> history) {
        this(findings, pack, history, false);
    }

    public ReportInput(FindingsDocument findings, RulePack pack) {
        this(findings, pack, Optional.empty());
    }
}
