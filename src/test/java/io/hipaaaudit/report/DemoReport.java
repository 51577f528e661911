package io.hipaaaudit.report;

import io.hipaaaudit.cli.HipaaAudit;
import io.hipaaaudit.demo.DemoBundle;
import io.hipaaaudit.findings.FindingsDocument;
import io.hipaaaudit.rules.RuleLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The demo's findings, replayed from the committed evidence bundle (examples/demo/evidence) as a user would see
 * them: the report the print and layout tests lay out, about 130 findings over two regions.
 */
public final class DemoReport {
    private static FindingsDocument findings;

    private DemoReport() {}

    public static synchronized ReportInput input() throws IOException {
        if (findings == null) {
            Path dir = Files.createDirectories(Path.of("target", "demo-report"));
            StringWriter text = new StringWriter();
            PrintWriter out = new PrintWriter(text, true);
            int exit = HipaaAudit.run(out, out, "scan", "--replay", DemoBundle.BUNDLE.toString(),
                    "--config", DemoBundle.CONFIG.toString(), "--output-dir", dir.toString(), "--format", "json",
                    "--quiet");
            if (exit > 1) {
                throw new IllegalStateException("demo replay failed: " + text);
            }
            findings = FindingsDocument.read(dir.resolve("findings.json"));
        }
        return new ReportInput(findings, RuleLoader.load(List.of()), Optional.empty());
    }
}
