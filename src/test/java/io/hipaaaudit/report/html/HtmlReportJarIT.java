package io.hipaaaudit.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped jar renders the HTML report from precompiled template classes: it holds them, holds no template
 * compiler, and renders with a JVM whose modules exclude the Java compiler (jdk.compiler).
 */
class HtmlReportJarIT {
    private static final Path JAR = Path.of("target", "hipaa-audit.jar");
    private static final String MODULES = "java.se,jdk.zipfs,jdk.unsupported,jdk.crypto.ec,jdk.charsets,jdk.localedata";

    @TempDir
    Path dir;

    @Test
    void theJarHoldsThePrecompiledTemplatesAndNoTemplateCompiler() throws IOException {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            List<String> names = jar.stream().map(e -> e.getName()).toList();
            assertThat(names).contains("io/hipaaaudit/report/html/templates/JtereportGenerated.class",
                    "io/hipaaaudit/report/html/templates/JteevidenceGenerated.class",
                    "io/hipaaaudit/report/html/report.css", "io/hipaaaudit/report/html/report.js");
            assertThat(names).noneMatch(n -> n.startsWith("gg/jte/compiler/"))
                    .noneMatch(n -> n.endsWith(".jte"));
        }
    }

    @Test
    void theLimitedModuleSetHasNoJavaCompiler() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "--limit-modules", MODULES, "--list-modules")
                .redirectErrorStream(true).start();
        String modules = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).isZero();
        assertThat(modules).contains("java.base@").contains("jdk.zipfs@").doesNotContain("jdk.compiler");
    }

    @Test
    void reportRendersHtmlAndPdfWithoutAJavaCompilerOnTheModulePath() throws Exception {
        Path findings = dir.resolve("findings.json");
        Files.writeString(findings, ReportScenario.document().toJson());
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        // Java SE plus the zip file system (the bundled rule pack is read from inside the jar); none of them
        // requires jdk.compiler, so it is not in the boot layer and no template can be compiled at run time
        Process p = new ProcessBuilder(java.toString(), "--limit-modules", MODULES, "-jar", JAR.toString(),
                "report", "--input", findings.toString(), "--format", "html,pdf", "--output-dir", dir.resolve("out").toString())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(output).isZero();
        assertThat(output).contains("wrote: ").contains("index.html").contains("report.pdf");
        assertThat(Files.readAllBytes(dir.resolve("out/report.pdf"))).startsWith('%', 'P', 'D', 'F', '-');
        assertThat(Files.readString(dir.resolve("out/index.html")))
                .contains("Content-Security-Policy").contains("scan-0001")
                .contains("&lt;script&gt;window.__pwned=2&lt;/script&gt;");
    }
}
