package io.hipaaaudit.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.hipaaaudit.findings.Finding;
import io.hipaaaudit.findings.FindingsDocument;
import io.hipaaaudit.findings.ResourceRef;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same hostile tag, resource name and message — a bidi override, a zero-width space, an ANSI colour escape —
 * through every format: none of them carries the raw characters (report.pdf read back as text with PDFBox);
 * findings.json keeps the exact value as escapes and reads back unchanged.
 */
class HostileTextEveryFormatTest {
    private static final String EVIL = "inv\u202Eoice\u200B\u001B[31mred";

    @TempDir
    Path dir;

    @Test
    void noFormatCarriesRawInvisibleOrControlCharacters() throws IOException {
        FindingsDocument doc = hostile(ReportFixtures.mixed());
        List<Path> written = Reporters.write(new ReportInput(doc, ReportFixtures.pack()), Reporters.formats(), dir);
        assertThat(written).hasSizeGreaterThanOrEqualTo(8);

        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(files).hasSizeGreaterThan(8);
        for (Path file : files) {
            if (file.getFileName().toString().matches(".*\\.(png|woff2?|ico)")) {
                continue;
            }
            String text = file.getFileName().toString().endsWith(".pdf") ? pdfText(file)
                    : Files.readString(file, StandardCharsets.UTF_8);
            assertThat(text).as(dir.relativize(file).toString())
                    .doesNotContain("\u202E").doesNotContain("\u200B").doesNotContain("\u001B");
        }
        String json = Files.readString(dir.resolve("findings.json"));
        assertThat(json).contains("inv\\u202eoice\\u200b\\u001B[31mred");
        FindingsDocument reread = FindingsDocument.read(dir.resolve("findings.json"));
        assertThat(reread.findings()).anySatisfy(f -> assertThat(f.resource().id()).endsWith(EVIL));
        assertThat(Files.readString(dir.resolve("junit.xml"))).contains("inv&lt;U+202E&gt;oice&lt;U+200B&gt;");
        assertThat(Files.readString(dir.resolve("hipaa-audit.sarif"))).contains("inv<U+202E>oice<U+200B>");
        assertThat(pdfText(dir.resolve("report.pdf")).replaceAll("\\s+", "")).contains("inv<U+202E>oice<U+200B>");
        // neutralised, the hostile output is still what its consumers' schemas accept
        assertThat(ReportSchemas.sarifViolations(dir.resolve("hipaa-audit.sarif"))).isEmpty();
        assertThat(ReportSchemas.junitViolations(dir.resolve("junit.xml"))).isEmpty();
        for (var event : io.hipaaaudit.json.Json.json().readTree(dir.resolve(OcsfReporter.FILE).toFile())) {
            assertThat(ReportSchemas.ocsfViolations(event)).isEmpty();
        }
        assertThat(ReportSchemas.asffViolations(dir.resolve(AsffReporter.DIR))).isEmpty();
    }

    private static String pdfText(Path pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(doc);
        }
    }

    /** Every finding's resource id, message and tags carry the hostile text. */
    private static FindingsDocument hostile(FindingsDocument doc) {
        List<Finding> findings = doc.findings().stream().map(f -> {
            Map<String, Object> evidence = new LinkedHashMap<>(f.evidence());
            evidence.put("tags", Map.of("Owner" + EVIL, EVIL));
            ResourceRef r = f.resource();
            return new Finding(f.ruleId(), f.title(), f.severity(), f.status(), f.area(), f.hipaa(),
                    new ResourceRef(r.type(), r.id() + EVIL, r.arn(), r.account(), r.region()),
                    f.message() + " " + EVIL, evidence, f.remediation(), f.waiver());
        }).toList();
        Map<ResourceRef, Map<String, String>> tags = new LinkedHashMap<>();
        findings.forEach(f -> tags.put(f.resource(), Map.of("Owner" + EVIL, EVIL)));
        return new FindingsDocument(doc.scan(), findings).withTags(tags);
    }
}
