package io.hipaaaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every input file has a size limit checked before parsing, and the parsers refuse alias bombs and deep nesting:
 * each ends in one line naming the file and exit 2 instead of minutes of parsing. Oversized files are sparse, so
 * the tests write almost nothing.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class InputLimitsTest {
    @TempDir
    Path dir;

    private Path sparse(String name, long size) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(size);
        }
        return file;
    }

    private static void refused(Cli r, String fileAndMessage) {
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err().strip().lines()).as(r.err()).hasSize(1);
        assertThat(r.err()).startsWith("hipaa-audit: ").contains(fileAndMessage).doesNotContain("\tat ");
    }

    @Test
    void anOversizedConfigurationIsRefusedBeforeParsing() throws IOException {
        Path config = sparse("big.yaml", 30L * 1024 * 1024);
        refused(Cli.run("scan", "--config", config.toString(), "--snapshot", Cli.snapshot("compliant.json")),
                "big.yaml: the configuration file is larger than its limit of 1 MiB");
    }

    @Test
    void anOversizedSnapshotFindingsPolicyOrPasswordFileIsRefused() throws IOException {
        Path out = dir.resolve("out");
        refused(Cli.run("scan", "--snapshot", sparse("snap.json", 1025L * 1024 * 1024).toString(), "--output-dir",
                out.toString()), "snap.json: snapshot is larger than its limit of 1024 MiB");
        refused(Cli.run("report", "--input", sparse("findings.json", 1025L * 1024 * 1024).toString(), "--output-dir",
                out.toString()), "findings.json: findings is larger than its limit of 1024 MiB");
        refused(Cli.run("scan", "--snapshot", Cli.snapshot("compliant.json"), "--db-policy",
                sparse("policy.yaml", 2L * 1024 * 1024).toString(), "--output-dir", out.toString()),
                "policy.yaml: the database policy is larger than its limit of 1 MiB");
        refused(Cli.run("db", "privileges", "--db", "jdbc:postgresql://127.0.0.1:1/db", "--db-user", "a",
                "--db-password-file", sparse("pw", 1024 * 1024).toString()),
                "pw: the database password file is larger than its limit of 64 KiB");
    }

    @Test
    void anOversizedRuleFileOrFixtureIsRefused() throws IOException {
        sparse("rules/backup/big-rule/rule.yaml", 2L * 1024 * 1024);
        refused(Cli.run("rules", "list", "--rules", dir.resolve("rules").toString()),
                "big-rule/rule.yaml: rule file is larger than its limit of 1 MiB");
    }

    @Test
    void aYamlAliasBombIsRefusedFast() throws IOException {
        StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'k'; c++) {
            char p = (char) (c - 1);
            bomb.append(c).append(": &").append(c).append(" [*").append(p).append(", *").append(p).append(", *")
                    .append(p).append(", *").append(p).append(", *").append(p).append(", *").append(p).append(", *")
                    .append(p).append(", *").append(p).append(", *").append(p).append(", *").append(p).append("]\n");
        }
        Path policy = dir.resolve("bomb.yaml");
        Files.writeString(policy, bomb.toString());
        refused(Cli.run("scan", "--snapshot", Cli.snapshot("compliant.json"), "--db-policy", policy.toString(),
                "--output-dir", dir.resolve("out").toString()), "bomb.yaml:1:");
    }

    @Test
    void deeplyNestedJsonAndYamlAreRefusedFast() throws IOException {
        Path snapshot = dir.resolve("deep.json");
        Files.writeString(snapshot, "{\"x\": " + "[".repeat(50_000) + "]".repeat(50_000) + "}");
        refused(Cli.run("scan", "--snapshot", snapshot.toString(), "--output-dir", dir.resolve("out").toString()),
                "deep.json");
        assertThat(Cli.run("scan", "--snapshot", snapshot.toString()).err())
                .contains("nesting depth (101) exceeds the maximum allowed (100)").doesNotContain("StreamReadConstraints");
        Path config = dir.resolve("deep.yaml");
        Files.writeString(config, "params: " + "[".repeat(50_000) + "]".repeat(50_000) + "\n");
        refused(Cli.run("scan", "--config", config.toString(), "--snapshot", Cli.snapshot("compliant.json")),
                "deep.yaml");
    }
}
