package io.hipaaaudit.scan.drift;

import io.hipaaaudit.text.Printable;
import java.io.PrintWriter;
import java.util.List;

/**
 * The drift report as text: one line per drift (kind, resource, rule, planned → deployed verdict) with both
 * messages under it, then the comparisons left NOT_ASSESSED, the resources not paired, and a summary line. Every
 * string was made printable when the row was built.
 */
public final class DriftTable {
    private DriftTable() {}

    public static void print(PrintWriter out, DriftReport report) {
        out.println(Printable.line("drift: template " + String.join(",", report.planned().accounts()) + " ("
                + String.join(",", report.planned().regions()) + ") against account "
                + String.join(",", report.deployed().accounts()) + " (" + String.join(",", report.deployed().regions())
                + ")"));
        List<DriftRow> compared = new java.util.ArrayList<>(report.drift());
        compared.addAll(report.notAssessed());
        String header = "RESOURCE (stack/logical id -> deployed id)";
        int resource = Math.max(header.length(), compared.stream().mapToInt(r -> resource(r).length()).max().orElse(0));
        int rule = Math.max(4, compared.stream().mapToInt(r -> r.ruleId() == null ? 1 : r.ruleId().length()).max()
                .orElse(0));
        String format = "%-16s %-" + resource + "s  %-" + rule + "s  %s%n";
        if (!report.drift().isEmpty()) {
            out.printf(format, "KIND", header, "RULE", "PLANNED -> DEPLOYED");
            report.drift().forEach(r -> row(out, format, r));
        }
        if (!report.notAssessed().isEmpty()) {
            out.println();
            out.println("not assessed on a side (neither drift nor agreement):");
            report.notAssessed().forEach(r -> row(out, format, r));
        }
        if (!report.notPaired().isEmpty()) {
            out.println();
            out.println("not paired (not compared):");
            for (DriftRow r : report.notPaired()) {
                out.println("  " + resource(r) + " (" + r.type() + "): " + r.reason());
            }
        }
        DriftReport.Summary s = report.summary();
        out.println();
        out.println((s.drift() == 0 ? "no drift" : "drift found") + ": " + s.verdictChanged() + " verdict-changed, "
                + s.plannedOnly() + " planned-only, " + s.deployedOnly() + " deployed-only; " + s.notAssessed()
                + " not assessed, " + s.notPaired() + " not paired; " + s.pairedResources() + " resources paired, "
                + s.agreeing() + " verdicts agree, " + s.judgedAfterDeploy() + " judged only after deploy");
        out.flush();
    }

    private static void row(PrintWriter out, String format, DriftRow r) {
        String verdicts = r.planned() == null && r.deployed() == null ? ""
                : status(r.planned()) + " -> " + status(r.deployed());
        out.printf(format, r.kind().label(), resource(r), r.ruleId() == null ? "-" : r.ruleId(),
                verdicts);
        for (String[] side : List.of(new String[] {"planned: ", message(r.planned())},
                new String[] {"deployed:", message(r.deployed())})) {
            if (side[1] != null) {
                out.println("    " + side[0] + " " + side[1]);
            }
        }
        if (r.kind() == DriftRow.Kind.PLANNED_ONLY) {
            out.println("    declared at " + r.template() + " (" + r.cloudformationType() + "), not found deployed in "
                    + r.region());
        } else if (r.kind() == DriftRow.Kind.DEPLOYED_ONLY) {
            out.println("    " + r.deployedArn() + " carries the stack's tags; the template does not declare "
                    + r.logicalId());
        }
    }

    private static String resource(DriftRow r) {
        return r.stack() + "/" + r.logicalId() + (r.deployedId() == null || r.deployedId().equals(r.logicalId())
                ? "" : " -> " + r.deployedId());
    }

    private static String status(DriftRow.Verdict v) {
        return v == null ? "-" : v.status();
    }

    private static String message(DriftRow.Verdict v) {
        return v == null ? null : v.message();
    }
}
