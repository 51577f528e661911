package io.hipaaaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.hipaaaudit.report.ReportSchemas;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** scan writes every requested format; report re-renders the same bytes from findings.json alone. */
class ReportFormatsCliTest {
    private static final List<String> DERIVED = List.of("junit.xml", "hipaa-audit.sarif", "findings.csv");

    @TempDir
    Path dir;

    @Test
    void scanWritesAllFormatsAndReportReproducesThemByteForByte() throws IOException {
        Path scanned = dir.resolve("scan");
        Cli scan = Cli.run("scan", "--snapshot", "examples/healthapp-snapshot.json", "--format", "json,junit,sarif,csv",
                "--output-dir", scanned.toString());
        assertThat(scan.exit()).as(scan.err()).isEqualTo(ExitCodes.FAILED);
        for (String name : List.of("findings.json", "junit.xml", "hipaa-audit.sarif", "findings.csv")) {
            assertThat(scan.out()).contains("wrote: " + scanned.resolve(name));
            assertThat(scanned.resolve(name)).isNotEmptyFile();
        }
        assertThat(ReportSchemas.junitViolations(scanned.resolve("junit.xml"))).isEmpty();
        assertThat(ReportSchemas.sarifViolations(scanned.resolve("hipaa-audit.sarif"))).isEmpty();

        Path rendered = dir.resolve("report");
        Cli report = Cli.run("report", "--input", scanned.resolve("findings.json").toString(),
                "--format", "junit,sarif,csv", "--output-dir", rendered.toString());
        assertThat(report.exit()).as(report.err()).isEqualTo(ExitCodes.OK);
        assertThat(Files.exists(rendered.resolve("findings.json"))).isFalse();
        for (String name : DERIVED) {
            assertThat(report.out()).contains("wrote: " + rendered.resolve(name));
            assertThat(Files.readAllBytes(rendered.resolve(name))).as(name)
                    .isEqualTo(Files.readAllBytes(scanned.resolve(name)));
        }
    }

    @Test
    void aDocsUrlLinksTheSarifRulesAndABadOneIsRefusedWithoutRepeatingIt(@org.junit.jupiter.api.io.TempDir Path dir)
            throws IOException {
        Cli scan = Cli.run("scan", "--snapshot", "examples/healthapp-snapshot.json", "--format", "sarif",
                "--docs-url", "https://git.example.com/acme/hipaa-audit/blob/v1.4.0", "--output-dir", dir.toString(),
                "--quiet");
        assertThat(scan.exit()).as(scan.err()).isIn(0, 1);
        assertThat(io.hipaaaudit.json.Json.json().readTree(dir.resolve("hipaa-audit.sarif").toFile())
                .at("/runs/0/tool/driver/informationUri").asText())
                .isEqualTo("https://git.example.com/acme/hipaa-audit/blob/v1.4.0/README.md");
        for (String bad : List.of("https://ci:ghp_s3cretT0ken@git.example.com/acme/", "https://git.example.com/?token=ghp_s3cretT0ken",
                "file:///etc/ghp_s3cretT0ken", "ghp_s3cretT0ken")) {
            Cli refused = Cli.run("report", "--input", "examples/healthapp-snapshot.json", "--docs-url", bad);
            assertThat(refused.exit()).as(bad).isEqualTo(2);
            assertThat(refused.err()).contains("--docs-url").doesNotContain("s3cretT0ken");
            assertThat(refused.err().strip().lines().count()).as(refused.err()).isLessThanOrEqualTo(3);
        }
    }

    @Test
    void anIncompleteScanStillGivesValidReports() throws IOException {
        Path out = dir.resolve("incomplete");
        Cli scan = Cli.run("scan", "--snapshot", Cli.snapshot("high-fail-incomplete.json"),
                "--format", "junit,sarif,csv", "--output-dir", out.toString(), "--quiet");
        assertThat(scan.exit()).as(scan.err()).isIn(ExitCodes.FAILED, ExitCodes.INCOMPLETE);
        assertThat(ReportSchemas.junitViolations(out.resolve("junit.xml"))).isEmpty();
        assertThat(ReportSchemas.sarifViolations(out.resolve("hipaa-audit.sarif"))).isEmpty();
        assertThat(Files.readString(out.resolve("junit.xml"))).contains("<error ").contains("ec2:DescribeVpcs failed");
        assertThat(Files.readString(out.resolve("hipaa-audit.sarif"))).contains("\"NOT_ASSESSED\"");
        assertThat(Files.readString(out.resolve("findings.csv"))).contains("NOT_ASSESSED");
    }
}
