package io.hipaaaudit.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import io.hipaaaudit.report.ReportInput;
import io.hipaaaudit.report.Reporters;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The written index.html as text: escaping, the CSP and its hashes, determinism, no external references. */
class HtmlReporterTest {
    @TempDir
    Path dir;

    private String render(ReportInput input, String sub) throws IOException {
        List<Path> written = Reporters.write(input, List.of("html"), dir.resolve(sub));
        assertThat(written).containsExactly(dir.resolve(sub).resolve("index.html"));
        return Files.readString(written.get(0));
    }

    @Test
    void hostileStringsAreEscapedEverywhere() throws IOException {
        String html = render(ReportScenario.input(), "a");
        assertThat(html).doesNotContain("<img src=x").doesNotContain("<script>window.__pwned")
                .contains("<code class=\"rid\">db-\"&gt;&lt;img src=x onerror=\"window.__pwned=1\"&gt;</code>")
                .contains("&lt;script&gt;window.__pwned=2&lt;/script&gt;");
        // exactly one script element: the report's own
        assertThat(Pattern.compile("<script").matcher(html).results().count()).isEqualTo(1);
    }

    @Test
    void theCspAllowsExactlyTheInlineStyleAndScriptByHash() throws IOException {
        String html = render(ReportScenario.input(), "a");
        Matcher csp = Pattern.compile("<meta http-equiv=\"Content-Security-Policy\" content=\"([^\"]+)\"/?>")
                .matcher(html);
        assertThat(csp.find()).isTrue();
        String policy = csp.group(1).replace("&#39;", "'");
        String style = between(html, "<style>", "</style>");
        String script = between(html, "<script>", "</script>");
        assertThat(policy).startsWith("default-src 'none'; ")
                .contains("style-src '" + ReportPage.sha256(style) + "'")
                .contains("script-src '" + ReportPage.sha256(script) + "'")
                .doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
        assertThat(html.indexOf("Content-Security-Policy")).isLessThan(html.indexOf("<style>"));
    }

    @Test
    void nothingIsFetchedAndNoInlineStylesOrHandlersAreUsed() throws IOException {
        String html = render(ReportScenario.input(), "a");
        String markup = html.replace(between(html, "<style>", "</style>"), "")
                .replace(between(html, "<script>", "</script>"), "");
        assertThat(markup).doesNotContainPattern("(?i)\\s(src|href)=\"(https?:)?//")
                .doesNotContainPattern("(?i)<link\\b").doesNotContainPattern("(?i)<[^<>]*\\sstyle=")
                .doesNotContainPattern("(?i)<[^<>]*\\son[a-z]+=");
        assertThat(html).doesNotContain("@import").doesNotContainPattern("url\\((?!data:)");
    }

    @Test
    void theSameInputGivesTheSameBytes() throws IOException {
        assertThat(render(ReportScenario.input(), "a")).isEqualTo(render(ReportScenario.input(), "b"));
    }

    @Test
    void showsWaiversExpiredWaiversUnusedWaiversAndWhyNotAssessed() throws IOException {
        String html = render(ReportScenario.input(), "a");
        assertThat(html).contains("<code>dev-retention</code>, approved by ciso@example.com, until 2031-01-31")
                .contains("dev holds synthetic data only")
                .contains("<strong>Expired waiver:</strong> <code>old-retention</code>, approved by "
                        + "former-ciso@example.com, expired on 2020-01-01")
                .contains("<li><code>unused-one</code></li><li><code>unused-two</code></li>")
                .contains("cloudtrail:DescribeTrails failed (AccessDenied) in region us-east-1: not authorized")
                .contains("<h2>Since last scan</h2>").contains("From scan 2 (");
    }

    @Test
    void withoutHistoryThereIsNoSinceLastScanSection() throws IOException {
        String html = render(new ReportInput(ReportScenario.document(), ReportScenario.PACK, Optional.empty()), "a");
        assertThat(html).doesNotContain("id=\"history\"").contains("id=\"hipaa\"");
    }

    private static String between(String s, String open, String close) {
        int a = s.indexOf(open) + open.length();
        return s.substring(a, s.indexOf(close, a));
    }
}
