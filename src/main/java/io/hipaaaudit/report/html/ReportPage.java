package io.hipaaaudit.report.html;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * What the page template gets: the view, the stylesheet and script to inline, and the Content-Security-Policy
 * that allows exactly those two blocks by their SHA-256 (so no 'unsafe-inline', and nothing can be fetched:
 * default-src 'none'). The hashes are computed from the very strings written into the page.
 *
 * <p>Two themes share the one template. The browser page inlines the screen stylesheet, with the print theme
 * under {@code @media print} (what a browser's print or Save as PDF uses), and the filter script. The PDF page
 * inlines the print theme alone, written in CSS 2.1 and paged media so a renderer without flex or grid lays it out,
 * and no script.
 */
public record ReportPage(ReportView view, String css, String js, String csp) {

    static ReportPage of(ReportView view) {
        String css = resource("report.css") + "\n@media print {\n" + resource("print.css") + "}\n";
        return page(view, css, resource("report.js"));
    }

    /** The print theme only, no script: the page the PDF renderer lays out. */
    static ReportPage print(ReportView view) {
        return page(view, resource("print.css") + resource("pdf.css"), "");
    }

    private static ReportPage page(ReportView view, String css, String js) {
        String scripts = js.isEmpty() ? "'none'" : "'" + sha256(js) + "'";
        String csp = "default-src 'none'; style-src '" + sha256(css) + "'; script-src " + scripts + "; "
                + "img-src data:; base-uri 'none'; form-action 'none'";
        return new ReportPage(view, css, js, csp);
    }

    /** A CSP source expression for an inline block: {@code sha256-<base64 of the UTF-8 bytes' digest>}. */
    static String sha256(String block) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(block.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = ReportPage.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing report asset " + name);
            }
            // '</' inside an inline block could end it early; the assets are ours, so refuse rather than rewrite
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (text.contains("</")) {
                throw new IllegalStateException("report asset " + name + " must not contain '</'");
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
