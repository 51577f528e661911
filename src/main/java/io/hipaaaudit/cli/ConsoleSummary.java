package io.hipaaaudit.cli;

import io.hipaaaudit.findings.Finding;
import io.hipaaaudit.findings.FindingsDocument;
import io.hipaaaudit.findings.Severity;
import io.hipaaaudit.findings.Status;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The console view of a scan: counts per status and severity, then the failing and not-assessed findings.
 * Strings that come from the cloud are stripped of control characters so a hostile tag cannot drive the terminal.
 */
final class ConsoleSummary {
    private static final int MAX_LISTED = 50;
    private final PrintWriter out;

    ConsoleSummary(PrintWriter out) {
        this.out = out;
    }

    void print(FindingsDocument doc, Severity failOn, boolean quiet, int exit, List<Path> written) {
        List<Finding> findings = doc.findings();
        if (!quiet) {
            out.printf("hipaa-audit %s  environment=%s  accounts=%s  regions=%s  databases=%s%n",
                    doc.scan().version(), safe(doc.scan().environment()), safe(String.join(",", doc.scan().accounts())),
                    safe(String.join(",", doc.scan().regions())), safe(String.join(",", doc.scan().databases())));
            table(findings);
            list("FAILING", findings, Status.FAIL);
            list("NOT ASSESSED", findings, Status.NOT_ASSESSED);
            written.forEach(p -> out.println("wrote: " + p));
        }
        Map<String, Long> c = doc.scan().counts();
        out.printf("result: exit %d (fail-on %s): %d pass, %d fail, %d not assessed, %d not applicable, %d waived%n",
                exit, failOn.label(), c.get("PASS"), c.get("FAIL"), c.get("NOT_ASSESSED"), c.get("NOT_APPLICABLE"),
                c.get("WAIVED"));
        out.flush();
    }

    private void table(List<Finding> findings) {
        Map<Status, Map<Severity, Integer>> counts = new EnumMap<>(Status.class);
        for (Finding f : findings) {
            counts.computeIfAbsent(f.status(), s -> new EnumMap<>(Severity.class)).merge(f.severity(), 1, Integer::sum);
        }
        out.printf("%n%-15s", "status");
        for (Severity s : Severity.values()) {
            out.printf("%10s", s.label());
        }
        out.printf("%10s%n", "total");
        for (Status st : Status.values()) {
            Map<Severity, Integer> row = counts.getOrDefault(st, Map.of());
            out.printf("%-15s", st.name());
            int total = 0;
            for (Severity s : Severity.values()) {
                int n = row.getOrDefault(s, 0);
                total += n;
                out.printf("%10d", n);
            }
            out.printf("%10d%n", total);
        }
    }

    private void list(String heading, List<Finding> findings, Status status) {
        List<Finding> selected = findings.stream().filter(f -> f.status() == status)
                .sorted(java.util.Comparator.comparing(Finding::severity).thenComparing(Finding.ORDER)).toList();
        if (selected.isEmpty()) {
            return;
        }
        out.printf("%n%s (%d)%n", heading, selected.size());
        selected.stream().limit(MAX_LISTED).forEach(f -> out.printf("  %-8s %-40s %s%n      %s%n",
                f.severity().label(), f.ruleId(), safe(location(f)), safe(f.message())));
        if (selected.size() > MAX_LISTED) {
            out.printf("  ... and %d more in findings.json%n", selected.size() - MAX_LISTED);
        }
    }

    private static String location(Finding f) {
        String where = String.join("/", List.of(f.resource().account(), f.resource().region()).stream()
                .filter(s -> !s.isEmpty()).toList());
        return f.resource().id() + (where.isEmpty() ? "" : " (" + where + ")");
    }

    /** One line per environment nobody defined that left findings unjudged: the likely cause of an exit 3. */
    static void warnUndefinedEnvironments(java.io.PrintWriter err,
                                          List<io.hipaaaudit.engine.UndefinedEnvironments.Undefined> undefined,
                                          io.hipaaaudit.engine.Environments environments) {
        for (io.hipaaaudit.engine.UndefinedEnvironments.Undefined u : undefined) {
            List<String> from = u.sources().stream().limit(3).toList();
            err.println(safe("hipaa-audit: warning: environment '" + u.name() + "' is not defined by "
                    + "the rules' parameters (defined: " + String.join(", ", environments.defined()) + "); "
                    + u.findings() + " finding(s) on " + u.resources() + " resource(s) NOT_ASSESSED (from "
                    + String.join("; ", from) + (u.sources().size() > from.size() ? "; and "
                    + (u.sources().size() - from.size()) + " more" : "") + "); define it under params or add "
                    + "it as an alias under environments.aliases"));
        }
        err.flush();
    }

    /** The AWS API calls made, per action (--verbose). */
    static void printApiCalls(java.io.PrintWriter err, java.util.Map<String, Long> calls) {
        err.printf("AWS API calls (%d in all):%n", calls.values().stream().mapToLong(Long::longValue).sum());
        new java.util.TreeMap<>(calls).forEach((action, n) -> err.printf("  %-48s %6d%n", action, n));
        err.flush();
    }

    /** Replaces control and format characters (ANSI escapes, carriage returns, bidi overrides) with '?'. */
    static String safe(String s) {
        return io.hipaaaudit.text.Printable.line(s);
    }

    /** The Security Hub import: one line of counts, and each failure on the error stream, per finding id. */
    static void printSecurityHub(PrintWriter out, PrintWriter err, io.hipaaaudit.scan.SecurityHubOutcome hub) {
        out.println("security hub " + hub.account() + "/" + hub.region() + ": " + hub.imported() + " sent, "
                + hub.importFailures().size() + " failed, " + hub.archived() + " archived, "
                + hub.archiveFailures().size() + " not archived");
        hub.importFailures().forEach(f -> err.println("hipaa-audit: security hub import failed: "
                + (f.findingId().isEmpty() ? "(batch)" : f.findingId()) + ": " + f.code() + ": " + f.message()));
        hub.archiveFailures().forEach(f -> err.println("hipaa-audit: security hub archive failed: "
                + (f.findingId().isEmpty() ? "(GetFindings)" : f.findingId()) + ": " + f.code() + ": " + f.message()));
        out.flush();
        err.flush();
    }
}
