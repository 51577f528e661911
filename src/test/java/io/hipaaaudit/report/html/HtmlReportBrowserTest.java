package io.hipaaaudit.report.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.hipaaaudit.findings.Finding;
import io.hipaaaudit.findings.FindingsDocument;
import io.hipaaaudit.findings.Status;
import io.hipaaaudit.report.Reporters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The report in a real headless Chromium, opened from file:// as an auditor would: counts, filters and search work,
 * hostile values render as text and run nothing, the CSP is in force, the console stays clean, nothing is fetched.
 * Skipped when no Chromium is installed, unless CI=true (then it fails: CI must install it, see .ci/run).
 */
class HtmlReportBrowserTest {
    private static final Path OUT = Path.of("target", "browser-report");
    private static final FindingsDocument DOC = ReportScenario.document();
    private static Chromium browser;
    private static Cdp page;
    private static String url;

    @BeforeAll
    static void openReport() throws Exception {
        Path bin = Chromium.find().orElse(null);
        if (bin == null) {
            if ("true".equals(System.getenv("CI"))) {
                fail("CI=true but no Chromium at /usr/bin/chromium (set CHROMIUM_BIN); .ci/run installs it");
            }
            Assumptions.abort("no Chromium at /usr/bin/chromium (apt-get install chromium): browser test skipped");
        }
        Path index = Reporters.write(ReportScenario.input(), List.of("html"), OUT).get(0).toAbsolutePath();
        url = index.toUri().toString();
        browser = Chromium.start(bin, Files.createTempDirectory("hipaa-audit-chromium"), OUT.resolve("chromium.log"));
        page = Cdp.connect(browser.pageSocket());
        page.onEvent(e -> {
            if ("Page.javascriptDialogOpening".equals(e.path("method").asText())) {
                // never leave the page blocked on a dialog; the test fails on the recorded event
                CompletableFuture.runAsync(() -> page.send("Page.handleJavaScriptDialog", Map.of("accept", true)));
            }
        });
        for (String domain : List.of("Page", "Runtime", "Log", "Network")) {
            page.send(domain + ".enable", Map.of());
        }
        page.send("Page.navigate", Map.of("url", url));
        page.await("document.readyState === 'complete' && location.href === " + js(url), Duration.ofSeconds(30));
    }

    @AfterAll
    static void close() throws Exception {
        if (page != null) {
            page.close();
        }
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void countsShownEqualTheFindingsPerStatus() {
        for (Status s : Status.values()) {
            long expected = DOC.findings().stream().filter(f -> f.status() == s).count();
            assertThat(page.eval(text("[data-total=" + s.name() + "]")).asLong()).as(s.name()).isEqualTo(expected);
            assertThat(page.eval(text("[data-count=" + s.name() + "]")).asLong()).as(s.name()).isEqualTo(expected);
            assertThat(page.eval("document.querySelectorAll('details.f[data-st=" + s.name() + "]').length").asLong())
                    .isEqualTo(expected);
        }
        assertThat(page.eval(text("#visible-count")).asLong()).isEqualTo(DOC.findings().size());
        assertThat(page.eval(text("#unused-waivers")).asText()).contains("unused-one").contains("unused-two");
        assertThat(page.eval(text("#history")).asText()).contains("New failing").contains("Newly waived");
    }

    @Test
    void theStatusFilterAndTheSearchShowExactlyTheMatchingRows() throws Exception {
        click("input[name=status][value=FAIL]");
        assertThat(visibleRows()).isEqualTo(anchors(f -> f.status() != Status.FAIL));
        assertThat(page.eval(text("#visible-count")).asLong()).isEqualTo(anchors(f -> f.status() != Status.FAIL).size());
        click("#reset");
        assertThat(visibleRows()).hasSize(DOC.findings().size());

        type("#q", "healthapp-prod");
        page.await("document.getElementById('visible-count').textContent === '2'", Duration.ofSeconds(5));
        assertThat(visibleRows()).isEqualTo(anchors(f -> f.resource().id().equals("healthapp-prod")));
        assertThat(page.eval(text("[data-count=FAIL]")).asLong()).isEqualTo(1);
        assertThat(page.eval(text("[data-count=PASS]")).asLong()).isEqualTo(1);
        // the search reads evidence too: the tag value only appears there and in the message
        click("#reset");
        type("#q", "__pwned=2");
        page.await("document.getElementById('visible-count').textContent === '1'", Duration.ofSeconds(5));
        assertThat(visibleRows()).isEqualTo(anchors(f -> f.resource().id().equals(ReportScenario.HOSTILE_ID)));
        click("#reset");
    }

    @Test
    void hostileValuesRenderAsTextAndRunNothing() throws Exception {
        String hostile = anchors(f -> f.resource().id().equals(ReportScenario.HOSTILE_ID)).first();
        click("#" + hostile + " > summary");
        String shown = page.eval("document.getElementById('" + hostile + "').innerText").asText();
        assertThat(shown).contains(ReportScenario.HOSTILE_ID).contains(ReportScenario.SCRIPT)
                .contains("Name " + ReportScenario.SCRIPT).contains("Owner " + ReportScenario.IMG);
        assertThat(page.eval("document.querySelectorAll('img').length").asInt()).isZero();
        assertThat(page.eval("document.scripts.length").asInt()).isEqualTo(1);
        assertThat(page.eval("typeof window.__pwned").asText()).isEqualTo("undefined");
        assertThat(page.events("Page.javascriptDialogOpening")).isEmpty();
    }

    @Test
    void theCspIsInForceTheConsoleIsCleanAndNothingIsFetched() throws Exception {
        assertThat(page.eval("document.querySelector('meta[http-equiv=Content-Security-Policy]').content").asText())
                .startsWith("default-src 'none'; style-src 'sha256-").contains("script-src 'sha256-");
        // the report's own script ran under that policy
        assertThat(page.eval(text("#filter-note")).asText()).isEqualTo("All 6 findings.");
        assertThat(consoleErrors()).isEmpty();
        assertThat(page.events("Network.requestWillBeSent")).extracting(e -> e.path("request").path("url").asText())
                .containsOnly(url);
        // and the policy really blocks inline code: an injected script neither runs nor goes unreported
        page.eval("var s = document.createElement('script'); s.textContent = 'window.__injected = 1';"
                + " document.body.appendChild(s); 0");
        Thread.sleep(200);
        assertThat(page.eval("typeof window.__injected").asText()).isEqualTo("undefined");
        assertThat(consoleErrors()).anyMatch(m -> m.contains("Content Security Policy"));
        page.eval("document.body.lastChild.remove(); 0");
    }

    @Test
    void printsEverythingExpandedWithoutTheFiltersAndScreenshotsTheReport() throws Exception {
        byte[] png = Base64.getDecoder().decode(page.send("Page.captureScreenshot", Map.of("format", "png"))
                .path("data").asText());
        Files.write(Path.of("target", "report-screenshot.png"), png);
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        page.send("Emulation.setEmulatedMedia", Map.of("media", "print"));
        try {
            assertThat(page.eval("getComputedStyle(document.getElementById('filters')).display").asText())
                    .isEqualTo("none");
            // evidence of a finding whose <details> is closed still takes room on paper
            assertThat(page.eval("document.querySelector('details.f:not([open]) ul.ev').getBoundingClientRect().height")
                    .asDouble()).isPositive();
            byte[] pdf = Base64.getDecoder().decode(page.send("Page.printToPDF", Map.of()).path("data").asText());
            Files.write(OUT.resolve("report.pdf"), pdf);
            assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        } finally {
            page.send("Emulation.setEmulatedMedia", Map.of("media", ""));
        }
    }

    private static List<String> consoleErrors() {
        List<String> out = new java.util.ArrayList<>();
        page.events("Log.entryAdded").stream().map(e -> e.path("entry"))
                .filter(e -> List.of("error", "warning").contains(e.path("level").asText()))
                .forEach(e -> out.add(e.path("text").asText()));
        page.events("Runtime.consoleAPICalled").stream()
                .filter(e -> List.of("error", "warning", "assert").contains(e.path("type").asText()))
                .forEach(e -> out.add(e.path("args").toString()));
        page.events("Runtime.exceptionThrown").forEach(e -> out.add(e.path("exceptionDetails").toString()));
        return out;
    }

    private static TreeSet<String> anchors(Predicate<Finding> which) {
        return IntStream.range(0, DOC.findings().size()).filter(i -> which.test(DOC.findings().get(i)))
                .mapToObj(FindingGroups::anchor).collect(java.util.stream.Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> visibleRows() {
        Set<String> out = new TreeSet<>();
        for (JsonNode id : page.eval("Array.from(document.querySelectorAll('details.f'))"
                + ".filter(r => r.getClientRects().length > 0).map(r => r.id)")) {
            out.add(id.asText());
        }
        return out;
    }

    /** A real mouse click in the middle of the element, as a user would do it. */
    private static void click(String selector) {
        JsonNode box = page.eval("(() => { const e = document.querySelector(" + js(selector) + ");"
                + " e.scrollIntoView({block: 'center'}); const r = e.getBoundingClientRect();"
                + " return {x: r.x + r.width / 2, y: r.y + r.height / 2}; })()");
        for (String type : List.of("mousePressed", "mouseReleased")) {
            page.send("Input.dispatchMouseEvent", Map.of("type", type, "x", box.get("x").asDouble(),
                    "y", box.get("y").asDouble(), "button", "left", "clickCount", 1));
        }
    }

    private static void type(String selector, String textToType) {
        click(selector);
        page.send("Input.insertText", Map.of("text", textToType));
    }

    private static String text(String selector) {
        return "document.querySelector(" + js(selector) + ").textContent";
    }

    private static String js(String s) {
        return io.hipaaaudit.json.Json.json().valueToTree(s).toString();
    }
}
