package io.hipaaaudit.cli;

import io.hipaaaudit.findings.Finding;
import io.hipaaaudit.gate.GateVerdict;
import io.hipaaaudit.waivers.WaiverOutcome;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --baseline}: gate only on findings that are new since a previous findings.json; list what got fixed. */
final class GateOptions {
    private static final int MAX_LISTED = 50;

    @Option(names = "--baseline", paramLabel = "FINDINGS_JSON",
            description = "A previous findings.json: only failing findings that are new relative to it fail the gate.")
    Path baseline;

    /** The baseline file: the flag, else the configuration's gate.baseline. */
    Optional<Path> baseline(ConfigOptions.Configured c) {
        return Optional.ofNullable(c.pick("--baseline", baseline, cfg -> cfg.gate().baseline().map(Path::of)));
    }

    /** Waiver and baseline notes, printed after the summary table. */
    void print(PrintWriter out, GateVerdict verdict, WaiverOutcome waivers, Optional<Path> baseline, boolean quiet) {
        if (quiet) {
            return;
        }
        if (!waivers.applied().isEmpty() || !waivers.expired().isEmpty() || !waivers.unused().isEmpty()) {
            out.printf("%nwaivers: %d applied, %d expired, %d unused%n", waivers.applied().size(),
                    waivers.expired().size(), waivers.unused().size());
            waivers.expired().forEach(f -> out.printf("  expired  %-40s %s%n", f.ruleId(),
                    ConsoleSummary.safe(f.resource().id() + ": " + f.message())));
            waivers.unused().forEach(id -> out.printf("  unused   %s (matched no failing finding; remove it)%n",
                    ConsoleSummary.safe(id)));
        }
        if (verdict.withBaseline()) {
            out.printf("%nbaseline %s: %d new failing, %d already failing (not gating), %d fixed%n",
                    baseline.map(Path::toString).orElse(""),
                    verdict.newFailing().size(), verdict.knownFailing().size(), verdict.fixed().size());
            list(out, "new", verdict.newFailing());
            list(out, "fixed", verdict.fixed());
        }
        out.flush();
    }

    private static void list(PrintWriter out, String label, List<Finding> findings) {
        findings.stream().limit(MAX_LISTED).forEach(f -> out.printf("  %-6s %-8s %-40s %s%n", label,
                f.severity().label(), f.ruleId(), ConsoleSummary.safe(f.resource().id()
                        + (f.resource().account().isEmpty() ? "" : " (" + f.resource().account() + "/"
                        + f.resource().region() + ")"))));
        if (findings.size() > MAX_LISTED) {
            out.printf("  ... and %d more%n", findings.size() - MAX_LISTED);
        }
    }
}
