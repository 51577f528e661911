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
 */
public record ReportPage(ReportView view, String css, String js, String csp) {

    static ReportPage of(ReportView view) {
        String css = resource("report.css");
        String js = resource("report.js");
        String csp = "default-src 'none'; style-src '" + sha256(css) + "'; script-src '" + sha256(js) + "'; "
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
