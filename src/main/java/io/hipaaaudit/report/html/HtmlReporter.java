package io.hipaaaudit.report.html;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import gg.jte.output.Utf8ByteOutput;
import io.hipaaaudit.report.ReportInput;
import io.hipaaaudit.report.Reporter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * index.html: one self-contained page for a compliance officer or an auditor (scan header, executive summary,
 * HIPAA view, findings by area and by resource, changes since the last scan). Rendered with jte templates that
 * were compiled at build time and escape every value; nothing is fetched when the page is opened.
 */
public final class HtmlReporter implements Reporter {
    static final String FILE = "index.html";
    /** The package the jte-maven-plugin generates the template classes into (see pom.xml). */
    private static final String TEMPLATES = "io.hipaaaudit.report.html.templates";
    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(null, ContentType.Html,
            HtmlReporter.class.getClassLoader(), TEMPLATES);

    @Override
    public String format() {
        return "html";
    }

    @Override
    public List<Path> write(ReportInput input, Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        Utf8ByteOutput out = new Utf8ByteOutput();
        ENGINE.render("report.jte", ReportPage.of(ReportViews.of(input)), out);
        try (OutputStream os = Files.newOutputStream(file)) {
            out.writeTo(os);
        }
        return List.of(file);
    }

    /**
     * The same page with the print theme instead of the screen stylesheet and script, as well-formed XHTML (the
     * template is written so that its HTML is also XML) for a paged-media renderer.
     */
    public static String printPage(ReportInput input) {
        StringOutput out = new StringOutput();
        ENGINE.render("report.jte", ReportPage.print(ReportViews.of(input)), out);
        return out.toString();
    }
}
