package io.hipaaaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.hipaaaudit.collect.postgres.PgServers;
import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two scheduled-style scans recorded through the CLI, then listed and diffed. */
class HistoryCliTest {
    @TempDir
    Path dir;

    @Test
    void scansAreRecordedListedAndDiffed() throws SQLException {
        PgServers.createDatabase(17, "history_cli");
        String url = PgServers.url(17, "history_cli");
        Cli first = Cli.run("scan", "--snapshot", Cli.snapshot("high-fail.json"), "--environment", "prod",
                "--output-dir", dir.resolve("1").toString(), "--history", url, "--history-user", "postgres");
        assertThat(first.exit()).as(first.err()).isEqualTo(ExitCodes.FAILED);
        assertThat(first.out()).contains("history: recorded as scan 1");
        Cli second = Cli.run("scan", "--snapshot", Cli.snapshot("compliant.json"), "--environment", "prod",
                "--output-dir", dir.resolve("2").toString(), "--history", url, "--history-user", "postgres");
        assertThat(second.exit()).as(second.err()).isEqualTo(ExitCodes.OK);

        Cli list = Cli.run("history", "list", "--history", url, "--history-user", "postgres");
        assertThat(list.exit()).as(list.err()).isZero();
        assertThat(list.out().lines()).hasSize(3);
        Cli diff = Cli.run("history", "diff", "--history", url, "--history-user", "postgres");
        assertThat(diff.exit()).as(diff.err()).isZero();
        assertThat(diff.out()).contains("scan 1 (").contains("-> scan 2 (")
                .containsPattern("RESOLVED \\(1\\)\\s+high +rds-instance-storage-encrypted +healthapp-prod")
                .contains("summary: 0 new, 1 resolved, 0 still failing, 0 newly waived");
        Cli explicit = Cli.run("history", "diff", "2", "1", "--history", url, "--history-user", "postgres");
        assertThat(explicit.out()).contains("summary: 1 new, 0 resolved");
    }

    @Test
    void theSecondScheduledScanReportShowsWhatChangedAndTheTrend() throws Exception {
        PgServers.createDatabase(17, "history_report");
        String url = PgServers.url(17, "history_report");
        Cli first = Cli.run("scan", "--snapshot", Cli.snapshot("compliant.json"), "--environment", "prod",
                "--output-dir", dir.resolve("1").toString(), "--history", url, "--history-user", "postgres");
        assertThat(first.exit()).as(first.err()).isEqualTo(ExitCodes.OK);
        String firstHtml = java.nio.file.Files.readString(dir.resolve("1/index.html"));
        assertThat(firstHtml).contains("Since last scan").contains("first recorded scan of this history");

        // the environment drifted between the runs: the prod instance lost its encryption
        Cli second = Cli.run("scan", "--snapshot", Cli.snapshot("high-fail.json"), "--environment", "prod",
                "--output-dir", dir.resolve("2").toString(), "--history", url, "--history-user", "postgres");
        assertThat(second.exit()).as(second.err()).isEqualTo(ExitCodes.FAILED);
        String html = java.nio.file.Files.readString(dir.resolve("2/index.html"));
        String history = html.substring(html.indexOf("<section id=\"history\">"), html.indexOf("<section id=\"hipaa\">"));
        assertThat(history).contains("Trend over the last 2 scans").contains("<polyline")
                .containsPattern("(?s)<details class=\"diff\" open=\"open\">\\s*<summary>[^<]*\\(1\\)</summary>.*"
                        + "rds-instance-storage-encrypted.*healthapp-prod")
                .doesNotContain("first recorded scan");
    }

    @Test
    void aPasswordInTheUrlIsRefusedWithoutEchoingIt() {
        Cli r = Cli.run("history", "list", "--history", "jdbc:postgresql://localhost/h?password=s3cret");
        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("must not carry a password").doesNotContain("s3cret");
    }

    @Test
    void pruneNeedsAnAgeAndUnreachableDatabasesAreInputErrors() {
        assertThat(Cli.run("history", "prune", "--history", "jdbc:postgresql://localhost:1/h").exit())
                .isEqualTo(ExitCodes.USAGE);
        Cli r = Cli.run("history", "list", "--history", "jdbc:postgresql://127.0.0.1:1/h?connectTimeout=2");
        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).startsWith("hipaa-audit: history jdbc:postgresql://127.0.0.1:1/h?…: cannot open");
    }
}
