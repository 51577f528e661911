package io.hipaaaudit.report.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.hipaaaudit.report.DemoReport;
import io.hipaaaudit.report.Reporters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demo's report in headless Chromium at a desktop, a laptop and a phone width, and printed by Chromium itself:
 * the page never scrolls sideways, the HIPAA view keeps room for its last column, and the print is tens of pages,
 * not hundreds. Layout checks, not timings; screenshots and the print are kept under target/browser-layout.
 * Skipped without Chromium, unless CI=true (see HtmlReportBrowserTest).
 */
class HtmlReportLayoutBrowserTest {
    private static final Path OUT = Path.of("target", "browser-layout");
    private static final String LAST_COLUMN = "Array.from(document.querySelectorAll('table.hipaa tbody tr'))"
            + ".map(r => r.lastElementChild.getBoundingClientRect().width)";
    private static Chromium browser;
    private static Cdp page;

    @BeforeAll
    static void openDemoReport() throws Exception {
        Path bin = Chromium.find().orElse(null);
        if (bin == null) {
            if ("true".equals(System.getenv("CI"))) {
                fail("CI=true but no Chromium at /usr/bin/chromium (set CHROMIUM_BIN); .ci/run installs it");
            }
            Assumptions.abort("no Chromium at /usr/bin/chromium (apt-get install chromium): browser test skipped");
        }
        String url = Reporters.write(DemoReport.input(), List.of("html"), OUT).get(0).toAbsolutePath().toUri()
                .toString();
        browser = Chromium.start(bin, Files.createTempDirectory("hipaa-audit-chromium"), OUT.resolve("chromium.log"));
        page = Cdp.connect(browser.pageSocket());
        page.send("Page.enable", Map.of());
        page.send("Page.navigate", Map.of("url", url));
        page.await("document.readyState === 'complete'", Duration.ofSeconds(60));
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
    void atPhoneWidthThePageDoesNotScrollSideways() throws Exception {
        width(390);
        assertThat(page.eval("document.documentElement.scrollWidth").asInt()).isLessThanOrEqualTo(390);
        assertThat(page.eval("document.body.scrollWidth").asInt()).isLessThanOrEqualTo(390);
        // the HIPAA view is one card per specification, its cells stacked
        assertThat(page.eval("getComputedStyle(document.querySelector('table.hipaa tr.spec')).display").asText())
                .isEqualTo("block");
        screenshot(390);
    }

    @Test
    void atLaptopWidthTheHipaaViewsLastColumnKeepsItsRoom() throws Exception {
        width(1024);
        assertThat(page.eval(LAST_COLUMN)).isNotEmpty().allSatisfy(w -> assertThat(w.asDouble()).isGreaterThanOrEqualTo(200));
        assertThat(page.eval("document.documentElement.scrollWidth").asInt()).isLessThanOrEqualTo(1024);
        screenshot(1024);
    }

    @Test
    void atDesktopWidthTheHipaaViewIsATable() throws Exception {
        width(1400);
        assertThat(page.eval(LAST_COLUMN)).isNotEmpty().allSatisfy(w -> assertThat(w.asDouble()).isGreaterThanOrEqualTo(200));
        assertThat(page.eval("getComputedStyle(document.querySelector('table.hipaa tr.spec')).display").asText())
                .isEqualTo("table-row");
        screenshot(1400);
    }

    @Test
    void chromiumPrintsTheDemoInTensOfPages() throws Exception {
        width(1400);
        byte[] pdf = Base64.getDecoder().decode(page.send("Page.printToPDF", Map.of()).path("data").asText());
        Files.write(OUT.resolve("chromium-print.pdf"), pdf);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            int pages = doc.getNumberOfPages();
            System.out.printf("Chromium print of the demo report: %d pages%n", pages);
            assertThat(pages).isBetween(10, 60);
            List<String> lines = new PDFTextStripper().getText(doc).lines().map(String::strip).toList();
            assertThat(lines).as("lines one character wide").noneMatch(l -> l.length() == 1);
            // the print theme's page numbers, from the stylesheet's page margin boxes
            assertThat(String.join("\n", lines)).contains("Page 1 of " + pages);
        }
    }

    private static void width(int px) throws InterruptedException {
        page.send("Emulation.setDeviceMetricsOverride", Map.of("width", px, "height", 900, "deviceScaleFactor", 1,
                "mobile", false));
        page.await("window.innerWidth === " + px, Duration.ofSeconds(10));
    }

    /** The HIPAA view at that width, kept as target/browser-layout/report-WIDTH.png. */
    private static void screenshot(int px) throws Exception {
        page.eval("document.getElementById('hipaa').scrollIntoView(); 0");
        byte[] png = Base64.getDecoder().decode(page.send("Page.captureScreenshot", Map.of("format", "png"))
                .path("data").asText());
        Files.write(OUT.resolve("report-" + px + ".png"), png);
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
    }
}
