package io.hipaaaudit.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hipaaaudit.findings.FindingsDocument;
import io.hipaaaudit.json.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registry: every format by name, written in registry order, re-rendered identically from findings.json. */
class ReportersTest {
    @TempDir
    Path dir;

    @Test
    void theFormatsOfThisBuild() {
        assertThat(Reporters.formats()).containsExactly("json", "html", "pdf", "junit", "sarif", "allure", "ocsf", "asff", "csv");
        assertThatThrownBy(() -> Reporters.of("xml")).isInstanceOf(InputException.class)
                .hasMessageContaining("json, html, pdf, junit, sarif, allure, ocsf, asff, csv");
    }

    @Test
    void hostileFindingsWriteEveryFormatAndReRenderFromFindingsJsonToTheSameBytes() throws IOException {
        Path first = dir.resolve("first");
        List<Path> written = Reporters.write(new ReportInput(ReportFixtures.mixed(), ReportFixtures.pack()),
                List.of("csv", "sarif", "junit", "json"), first);
        assertThat(written).extracting(p -> p.getFileName().toString())
                .containsExactly("findings.json", "junit.xml", "hipaa-audit.sarif", "findings.csv");

        FindingsDocument reread = FindingsDocument.read(first.resolve("findings.json"));
        Path second = dir.resolve("second");
        Reporters.write(new ReportInput(reread, ReportFixtures.pack()), List.of("json", "junit", "sarif", "csv"), second);
        for (String name : List.of("findings.json", "junit.xml", "hipaa-audit.sarif", "findings.csv")) {
            assertThat(Files.readAllBytes(second.resolve(name))).as(name)
                    .isEqualTo(Files.readAllBytes(first.resolve(name)));
        }
        assertThat(ReportSchemas.junitViolations(second.resolve("junit.xml"))).isEmpty();
        assertThat(ReportSchemas.sarifViolations(second.resolve("hipaa-audit.sarif"))).isEmpty();
    }
}
