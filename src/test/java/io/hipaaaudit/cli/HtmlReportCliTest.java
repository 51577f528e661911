package io.hipaaaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** scan leaves an index.html by default; report re-renders one from an earlier findings.json, byte for byte. */
class HtmlReportCliTest {
    @TempDir
    Path dir;

    @Test
    void scanWritesFindingsJsonAndTheHtmlReportByDefault() throws IOException {
        Cli r = Cli.run("scan", "--snapshot", Cli.snapshot("high-fail.json"), "--environment", "prod",
                "--output-dir", dir.resolve("scan").toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.FAILED);
        assertThat(dir.resolve("scan/findings.json")).exists();
        String html = Files.readString(dir.resolve("scan/index.html"));
        assertThat(html).contains("<h1>HIPAA Security Rule audit report</h1>")
                .contains("<strong>1</strong> finding fails at critical or high severity")
                .contains("rds-instance-storage-encrypted");
    }

    @Test
    void reportRendersTheSameHtmlFromTheSavedFindings() throws IOException {
        Cli.run("scan", "--snapshot", Cli.snapshot("high-fail.json"), "--environment", "prod",
                "--output-dir", dir.resolve("scan").toString());
        Cli r = Cli.run("report", "--input", dir.resolve("scan/findings.json").toString(),
                "--output-dir", dir.resolve("again").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("wrote: " + dir.resolve("again/index.html"));
        assertThat(Files.readString(dir.resolve("again/index.html")))
                .isEqualTo(Files.readString(dir.resolve("scan/index.html")));
    }

    @Test
    void anUnreadableInputIsAOneLineInputError() {
        Cli r = Cli.run("report", "--input", dir.resolve("missing.json").toString(), "--output-dir", dir.toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).contains("missing.json");
    }
}
