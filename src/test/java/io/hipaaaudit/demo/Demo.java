package io.hipaaaudit.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.hipaaaudit.cli.HipaaAudit;
import io.hipaaaudit.json.Json;
import io.hipaaaudit.report.Reporters;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one-command demo ({@code scripts/demo.sh}): scans the demo's CloudFormation templates as before deploy,
 * starts the demo database, replays the recorded demo AWS environment through the real SDK clients and collectors
 * beside it, writes every report format this build has, prints where the main report is, a one-screen summary and
 * the exit code the CI gate would have given, then compares the account with its templates (drift).
 */
public final class Demo {
    static final Path OUTPUT = Path.of("reports/demo");
    /** The stacks that created the recorded resources, as planned (a cloud assembly: one template per stack). */
    static final Path TEMPLATE = Path.of("examples/demo/template");
    /** The account as the scan collected it, which drift compares with the templates without replaying it again. */
    static final String INVENTORY = "inventory.json";
    /** What a pre-deploy CI step publishes: the findings, the auditor's page, code scanning and the test tab. */
    static final String TEMPLATE_FORMATS = "json,html,sarif,junit";

    private Demo() {}

    /** Exits 0 whatever the gate says (it is a demo); 2 only when the scan could not run at all. */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        int exit;
        try {
            exit = run(args.length > 0 ? Path.of(args[0]) : OUTPUT, out);
        } catch (IOException | SQLException | RuntimeException e) {
            // also the way out after Ctrl-C while the database starts: the server is already stopped and removed
            System.err.println("demo: " + e.getClass().getSimpleName() + ": "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
            exit = 2;
        }
        System.exit(exit == 2 ? 2 : 0);
    }

    /** Runs the demo into {@code outputDir} and returns the scan's exit code. */
    public static int run(Path outputDir, PrintWriter out) throws IOException, SQLException {
        long start = System.nanoTime();
        DemoBundle.deleteTree(outputDir);
        int planned = beforeDeploy(outputDir.resolve("template"), out);
        if (planned == 2) {
            return planned;
        }
        out.printf("Starting PostgreSQL %d (embedded) with the healthapp schema ...%n", DemoDatabase.MAJOR);
        try (DemoDatabase db = DemoDatabase.start()) {
            out.printf("Replaying %s (AWS account 111122223333: prod in us-east-1, dev in us-west-2, collected %s)%n"
                    + "and auditing %s ...%n%n", DemoBundle.BUNDLE, DemoBundle.COLLECTED, db.url());
            StringWriter scanOut = new StringWriter();
            PrintWriter print = new PrintWriter(scanOut, true);
            int exit = HipaaAudit.run(print, print, "scan", "--replay", DemoBundle.BUNDLE.toString(),
                    "--db", db.url(), "--db-user", DemoDatabase.AUDIT_USER,
                    "--db-password-file", db.passwordFile().toString(),
                    "--config", DemoBundle.CONFIG.toString(), "--format", String.join(",", Reporters.formats()),
                    "--output-dir", outputDir.toString(), "--save-inventory", outputDir.resolve(INVENTORY).toString(),
                    "--quiet");
            if (exit == 2) {
                out.print(scanOut);
                return exit;
            }
            summary(outputDir, out);
            out.println();
            out.print(scanOut.toString().replace("result: ", "scan: "));
            out.printf("%nThe CI gate (fail-on high) would have exited %d: %s.%n", exit, meaning(exit));
            if (drift(outputDir.resolve(INVENTORY), outputDir.resolve("drift.json"), out) == 2) {
                return 2;
            }
            out.printf("%nDemo finished in %.1f s; the embedded database is stopped and removed.%n",
                    (System.nanoTime() - start) / 1e9);
            return exit;
        }
    }

    /** The gate before deploy: the same rules on the templates, every format into {@code dir}. */
    private static int beforeDeploy(Path dir, PrintWriter out) {
        out.printf("Before deploy: scanning the templates %s (stacks healthapp-prod, healthapp-dev) ...%n", TEMPLATE);
        StringWriter text = new StringWriter();
        PrintWriter print = new PrintWriter(text, true);
        int exit = HipaaAudit.run(print, print, "scan", "--template", TEMPLATE.toString(),
                "--config", DemoBundle.CONFIG.toString(), "--format", TEMPLATE_FORMATS,
                "--output-dir", dir.toString(), "--quiet");
        text.toString().lines().filter(l -> l.startsWith("result: ") || exit == 2)
                .forEach(l -> out.println("  " + l.replace("result: ", "template scan: ")));
        out.printf("  reports in %s: the plan passes the gate, so the pipeline deploys it.%n%n", dir);
        return exit;
    }

    /**
     * After deploy: the account the scan collected (its saved inventory: {@code --replay} of the bundle gives the
     * same, one replay slower) against its templates; drift.json into {@code file}.
     */
    private static int drift(Path inventory, Path file, PrintWriter out) {
        out.printf("%nAfter deploy: the account against its templates (hipaa-audit drift --template %s --snapshot %s)"
                + " ...%n", TEMPLATE, inventory);
        StringWriter text = new StringWriter();
        PrintWriter print = new PrintWriter(text, true);
        int exit = HipaaAudit.run(print, print, "drift", "--template", TEMPLATE.toString(),
                "--snapshot", inventory.toString(), "--config", DemoBundle.CONFIG.toString(),
                "--output", file.toString());
        out.print(text);
        out.printf("drift exited %d: %s.%n", exit, switch (exit) {
            case 0 -> "the account is as planned";
            case 1 -> "changes made by hand after deploy that the templates do not have";
            case 3 -> "some comparisons could not be assessed";
            default -> "see above";
        });
        return exit;
    }

    private static void summary(Path dir, PrintWriter out) throws IOException {
        Path html = dir.resolve("index.html");
        Path main = Files.exists(html) ? html : dir.resolve("findings.json");
        out.println("Main report: " + main);
        List<String> others = new ArrayList<>();
        try (var files = Files.list(dir)) {
            files.filter(p -> !p.equals(main)).sorted().forEach(p -> others.add(p.getFileName().toString()));
        }
        out.println("Also written in " + dir + ": " + String.join(", ", others));
        JsonNode doc = Json.json().readTree(dir.resolve("findings.json").toFile());
        Map<String, Map<String, Integer>> byArea = new TreeMap<>();
        List<String> failing = new ArrayList<>();
        for (JsonNode f : doc.get("findings")) {
            String status = f.get("status").asText();
            byArea.computeIfAbsent(f.get("area").asText(), a -> new TreeMap<>()).merge(status, 1, Integer::sum);
            if (status.equals("FAIL") || status.equals("NOT_ASSESSED") || status.equals("WAIVED")) {
                failing.add(line(f));
            }
        }
        out.printf("%n%-20s %6s %6s %7s %9s %9s%n", "area", "PASS", "FAIL", "WAIVED", "N/ASSESS", "N/APPLIC");
        byArea.forEach((area, c) -> out.printf("%-20s %6d %6d %7d %9d %9d%n", area, c.getOrDefault("PASS", 0),
                c.getOrDefault("FAIL", 0), c.getOrDefault("WAIVED", 0), c.getOrDefault("NOT_ASSESSED", 0),
                c.getOrDefault("NOT_APPLICABLE", 0)));
        out.printf("%nNeeds attention (%d):%n", failing.size());
        failing.forEach(out::println);
    }

    private static String line(JsonNode f) {
        String where = f.at("/resource/region").asText();
        String text = String.format("  %-12s %-6s %-36s %s%s", f.get("status").asText(), f.get("severity").asText(),
                f.get("ruleId").asText(), f.at("/resource/id").asText(), where.isEmpty() ? "" : " (" + where + ")");
        JsonNode change = f.at("/evidence/changes/0");
        if (!change.isMissingNode()) {
            String by = change.path("by").asText();
            text += String.format("%n  %12s last change: %s by %s at %s", "", change.path("call").asText(),
                    by.substring(by.lastIndexOf('/') + 1), change.path("when").asText());
        }
        return text;
    }

    private static String meaning(int exit) {
        return switch (exit) {
            case 0 -> "nothing at or above high failed";
            case 1 -> "findings at or above high failed (the drifts above)";
            case 3 -> "some findings could not be assessed";
            default -> "see above";
        };
    }
}
