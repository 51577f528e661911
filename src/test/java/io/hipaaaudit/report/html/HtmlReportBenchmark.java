package io.hipaaaudit.report.html;

import com.fasterxml.jackson.databind.JsonNode;
import io.hipaaaudit.findings.Finding;
import io.hipaaaudit.findings.FindingsDocument;
import io.hipaaaudit.findings.ResourceRef;
import io.hipaaaudit.findings.ScanInfo;
import io.hipaaaudit.findings.Status;
import io.hipaaaudit.findings.Waiver;
import io.hipaaaudit.report.ReportInput;
import io.hipaaaudit.report.Reporters;
import io.hipaaaudit.rules.Rule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Size and speed of the HTML report for a large scan: renders N synthetic findings (default 20,000) over the bundled
 * rule pack, then opens the page in headless Chromium and times loading, a status filter and a search.
 * Not a unit test: run scripts/bench-html.sh [FINDINGS].
 */
public final class HtmlReportBenchmark {
    private HtmlReportBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path out = Path.of("target", "bench-html");
        Path index = args.length > 0 && args[0].endsWith(".html") ? Path.of(args[0]).toAbsolutePath()
                : render(args.length > 0 ? Integer.parseInt(args[0]) : 20_000, out);
        browse(index, out);
    }

    private static Path render(int n, Path out) throws Exception {
        ReportInput input = new ReportInput(synthetic(n, 42), ReportScenario.PACK);
        long t0 = System.nanoTime();
        Path index = Reporters.write(input, List.of("html"), out).get(0).toAbsolutePath();
        long cold = (System.nanoTime() - t0) / 1_000_000;
        t0 = System.nanoTime();
        Reporters.write(input, List.of("html"), out);
        long warm = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf("findings %,d; index.html %,d bytes; render %d ms (first, JIT cold), %d ms (second)%n",
                n, Files.size(index), cold, warm);
        return index;
    }

    private static void browse(Path index, Path out) throws Exception {
        try (Chromium browser = Chromium.start(Chromium.find().orElseThrow(),
                Files.createTempDirectory("hipaa-audit-bench"), out.resolve("chromium.log"));
             Cdp page = Cdp.connect(browser.pageSocket())) {
            page.send("Page.enable", Map.of());
            page.send("Page.navigate", Map.of("url", index.toUri().toString()));
            page.await("document.readyState === 'complete' && !!document.getElementById('q')", Duration.ofMinutes(2));
            JsonNode nav = page.eval("(() => { const e = performance.getEntriesByType('navigation')[0];"
                    + " return {dcl: e.domContentLoadedEventEnd, load: e.loadEventEnd}; })()");
            System.out.printf("Chromium: DOMContentLoaded %.0f ms, load %.0f ms%n", nav.get("dcl").asDouble(),
                    nav.get("load").asDouble());
            System.out.printf("first paint after load, to next frame: %.0f ms%n", page.eval(frame("0")).asDouble());
            System.out.printf("status filter (uncheck PASS): %.0f ms to next frame, %s rows shown%n",
                    page.eval(frame("document.querySelector('input[name=status][value=PASS]').click()")).asDouble(),
                    page.eval("document.getElementById('visible-count').textContent").asText());
            page.eval("document.getElementById('reset').click(); 0");
            for (String q : List.of("prod-db-0042", "us-west-2", "kmskeyid")) {
                System.out.printf("search '%s'%s: %.0f ms from input to next frame, debounce 120 ms included, "
                        + "%s rows shown%n", q, q.startsWith("prod") ? " (also builds the text index)" : "",
                        page.eval(search(q)).asDouble(),
                        page.eval("document.getElementById('visible-count').textContent").asText());
            }
        }
    }

    /** Milliseconds from running {@code action} until the frame after it, layout and paint included. */
    private static String frame(String action) {
        return "new Promise(done => { const t = performance.now(); " + action + ";"
                + " requestAnimationFrame(() => setTimeout(() => done(performance.now() - t), 0)); })";
    }

    private static String search(String q) {
        return "new Promise(done => { const box = document.getElementById('q'); const count ="
                + " document.getElementById('visible-count'); const t = performance.now();"
                + " new MutationObserver((m, o) => { o.disconnect(); requestAnimationFrame(() => setTimeout(() =>"
                + " done(performance.now() - t), 0)); }).observe(count, {childList: true, characterData: true, subtree: true});"
                + " box.value = '" + q + "'; box.dispatchEvent(new Event('input')); })";
    }

    /** N findings over the bundled rules: most pass, some fail, are waived, not assessed or not applicable. */
    static FindingsDocument synthetic(int n, long seed) {
        Random rnd = new Random(seed);
        List<Rule> rules = ReportScenario.PACK.rules();
        List<Finding> out = new ArrayList<>();
        String[] regions = {"us-east-1", "us-west-2", "eu-west-1"};
        for (int i = 0; i < n; i++) {
            Rule rule = rules.get(i % rules.size());
            String id = (i % 3 == 0 ? "prod" : "dev") + "-db-" + String.format("%04d", i / rules.size());
            String region = regions[(i / rules.size()) % regions.length];
            int roll = rnd.nextInt(100);
            Status st = roll < 70 ? Status.PASS : roll < 85 ? Status.FAIL : roll < 93 ? Status.NOT_APPLICABLE
                    : roll < 97 ? Status.NOT_ASSESSED : Status.WAIVED;
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("storageEncrypted", st == Status.PASS);
            evidence.put("kmsKeyId", "arn:aws:kms:" + region + ":111122223333:key/" + new java.util.UUID(seed, i));
            evidence.put("backupRetentionPeriod", rnd.nextInt(14));
            evidence.put("tags", Map.of("Environment", id.startsWith("prod") ? "prod" : "dev", "Owner", "team-" + (i % 17)));
            if (st == Status.NOT_ASSESSED) {
                evidence.put("collectionErrors", List.of(Map.of("operation", "rds:DescribeDBInstances",
                        "code", "AccessDenied", "message", "not authorized", "region", region)));
            }
            Optional<Waiver> waiver = st == Status.WAIVED ? Optional.of(new Waiver("w-" + (i % 5), "accepted risk",
                    "ciso@example.com", LocalDate.parse("2031-01-31"))) : Optional.empty();
            out.add(new Finding(rule.id(), rule.file().title(), rule.severity(), st, rule.file().area(), rule.hipaa(),
                    new ResourceRef(rule.resourceType(), id, "arn:aws:rds:" + region + ":111122223333:db:" + id,
                            "111122223333", region), id + ": " + rule.file().title().toLowerCase(java.util.Locale.ROOT),
                    evidence, rule.file().remediation(), waiver));
        }
        out.sort(Finding.ORDER);
        ScanInfo info = new ScanInfo("bench", Optional.empty(), Optional.empty(), "hipaa-audit", "bench", "prod",
                List.of("111122223333"), List.of(regions), List.of(), "0".repeat(64), "1".repeat(64), Map.of(), Map.of());
        return new FindingsDocument(info, out);
    }
}
