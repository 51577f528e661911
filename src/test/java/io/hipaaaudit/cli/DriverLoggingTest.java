package io.hipaaaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command as users run it (its own JVM, through {@link Main}): what pgjdbc would log through
 * java.util.logging never reaches stderr; a database URL the driver rejects is one line and exit 2, and an
 * unreachable server is a collection error (exit 3), not driver output.
 */
@Timeout(120)
class DriverLoggingTest {
    @TempDir
    Path dir;

    private record Run(int exit, String stdout, List<String> stderr) {}

    private Run main(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Daws.disableEc2Metadata=true", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("hipaa-audit did not finish");
        }
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readAllLines(err, StandardCharsets.UTF_8));
    }

    @Test
    void aPortOutOfRangeIsOneLineAndAUsageError() throws Exception {
        Run run = main("scan", "--skip-aws", "--db", "jdbc:postgresql://localhost:99999/healthcare?password=s3cret",
                "--db-user", "auditor", "--output-dir", dir.toString(), "--quiet");
        assertThat(run.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.stderr()).singleElement().satisfies(line -> {
            assertThat(line).startsWith("hipaa-audit: not a valid PostgreSQL JDBC URL: jdbc:postgresql://localhost:99999/healthcare");
            assertThat(line).contains("port").doesNotContain("s3cret");
        });
    }

    @Test
    void anUnreachableServerIsACollectionErrorWithoutDriverOutput() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Run run = main("scan", "--skip-aws", "--db", "jdbc:postgresql://127.0.0.1:" + closedPort + "/healthcare",
                "--db-user", "auditor", "--output-dir", dir.toString(), "--quiet");
        assertThat(run.exit()).as(run.stdout() + run.stderr()).isEqualTo(ExitCodes.INCOMPLETE);
        assertThat(run.stderr()).noneMatch(l -> l.contains("org.postgresql") || l.contains("WARNING")
                || l.contains("SEVERE") || l.startsWith("\tat "));
        assertThat(Files.readString(dir.resolve("findings.json"))).contains("ConnectionFailed");
    }
}
