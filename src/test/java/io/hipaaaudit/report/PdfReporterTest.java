package io.hipaaaudit.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.hipaaaudit.findings.Finding;
import io.hipaaaudit.findings.FindingsDocument;
import io.hipaaaudit.findings.ResourceRef;
import io.hipaaaudit.findings.ScanInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * report.pdf of the demo scan, read back with PDFBox: tens of pages, no line one character wide (what a collapsed
 * table column prints), a cover page with the scan's scope and hashes, page numbers, and the same bytes every time.
 */
class PdfReporterTest {
    private static final Path OUT = Path.of("target", "pdf-report");

    @TempDir
    Path dir;

    @Test
    void theDemoReportPrintsInTensOfPagesWithNoOneCharacterLines() throws IOException {
        ReportInput demo = DemoReport.input();
        long start = System.nanoTime();
        Path pdf = Reporters.write(demo, List.of("pdf"), OUT).get(0);
        long millis = (System.nanoTime() - start) / 1_000_000;
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            int pages = doc.getNumberOfPages();
            System.out.printf("demo report.pdf: %d findings, %d pages, %d bytes, rendered in %d ms%n",
                    demo.findings().findings().size(), pages, Files.size(pdf), millis);
            assertThat(pages).isBetween(10, 60);
            List<String> lines = new PDFTextStripper().getText(doc).lines().map(String::strip).toList();
            assertThat(lines).hasSizeGreaterThan(1000)
                    .as("lines one character wide: a column squeezed to nothing").noneMatch(l -> l.length() == 1);
            assertThat(String.join("\n", lines)).contains("Page " + pages + " of " + pages);
        }
    }

    @Test
    void theCoverPageCarriesTheScopeTheHashesAndTheReportTime() throws IOException {
        ReportInput demo = DemoReport.input();
        ScanInfo scan = demo.findings().scan();
        Path pdf = Reporters.write(demo, List.of("pdf"), dir).get(0);
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setEndPage(1);
            String cover = stripper.getText(doc);
            assertThat(cover).contains("HIPAA Security Rule audit report").contains(scan.environment())
                    .contains(scan.inventorySha256()).contains(scan.rulePackSha256()).contains(scan.id())
                    .contains("Report generated").contains(scan.finishedAt().orElseThrow())
                    .contains("Page 1 of " + doc.getNumberOfPages())
                    .doesNotContain("Executive summary");
            scan.accounts().forEach(a -> assertThat(cover).contains(a));
            scan.regions().forEach(r -> assertThat(cover).contains(r));
            assertThat(doc.getDocumentInformation().getTitle()).contains(scan.id());
        }
    }

    @Test
    void theSameFindingsGiveTheSameBytes() throws IOException {
        ReportInput demo = DemoReport.input();
        byte[] first = Files.readAllBytes(Reporters.write(demo, List.of("pdf"), dir.resolve("a")).get(0));
        byte[] second = Files.readAllBytes(Reporters.write(demo, List.of("pdf"), dir.resolve("b")).get(0));
        assertThat(first).startsWith('%', 'P', 'D', 'F', '-').isEqualTo(second);
    }

    @Test
    void markupInCloudValuesIsPrintedAsTextAndThePdfRunsAndOpensNothing() throws IOException {
        String script = "<script>window.__pwned=2</script>";
        String img = "\"><img src=x onerror=\"window.__pwned=1\">";
        String link = "<a href=\"https://attacker.example/\">click</a>";
        FindingsDocument base = ReportFixtures.mixed();
        List<Finding> findings = base.findings().stream().map(f -> {
            ResourceRef r = f.resource();
            return new Finding(f.ruleId(), f.title(), f.severity(), f.status(), f.area(), f.hipaa(),
                    new ResourceRef(r.type(), r.id() + img, r.arn(), r.account(), r.region()),
                    f.message() + " " + script + " " + link + " café 日本", f.evidence(), f.remediation(), f.waiver());
        }).toList();
        Path pdf = Reporters.write(new ReportInput(new FindingsDocument(base.scan(), findings), ReportFixtures.pack()),
                List.of("pdf"), dir).get(0);
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(text).contains(script).contains("onerror=\"window.__pwned=1\"")
                    .contains("<a href=\"https://attacker.example/\">click</a>")
                    // the standard fonts show Latin-1; other characters print as '?'
                    .contains("click</a> café ??");
            assertThat(doc.getDocumentCatalog().getNames() == null
                    || doc.getDocumentCatalog().getNames().getJavaScript() == null).isTrue();
            assertThat(doc.getDocumentCatalog().getOpenAction()).isNull();
            for (PDPage page : doc.getPages()) {
                for (PDAnnotation a : page.getAnnotations()) {
                    // only the report's own links to its findings: jumps inside the document
                    assertThat(a).isInstanceOf(PDAnnotationLink.class);
                    PDAnnotationLink l = (PDAnnotationLink) a;
                    assertThat(l.getAction() == null || l.getAction() instanceof PDActionGoTo)
                            .as("link action %s", l.getAction()).isTrue();
                }
            }
        }
    }
}
