package io.hipaaaudit.bench.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The class-data-sharing archive {@code mvn package} dumps (unless {@code -Dcds.skip=true}) is trained on a scan over
 * the wire too: a cold scan of an endpoint maps the credentials chain, the HTTP client and the JDK's connection
 * classes from it instead of loading them from the jar.
 */
class ClassDataSharingIT {
    private static final Path JAR = Path.of("target", "hipaa-audit.jar");
    private static final Path ARCHIVE = Path.of("target", "hipaa-audit.jsa");

    @Test
    void aScanOverTheWireMapsItsNetworkClassesFromTheArchive(@TempDir Path dir) throws Exception {
        assumeTrue(Files.exists(ARCHIVE), "the archive was not built (-Dcds.skip=true)");
        Path loaded = dir.resolve("class-load.txt");
        try (SyntheticAwsEndpoint endpoint = new SyntheticAwsEndpoint(new SyntheticAccount(AccountSize.cold()),
                new SyntheticAwsEndpoint.Settings(Duration.ZERO, 0, Integer.MAX_VALUE, 0))) {
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            ProcessBuilder pb = new ProcessBuilder(java.toString(), "-XX:SharedArchiveFile=" + ARCHIVE,
                    "-Xshare:auto", "-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-Xlog:class+load:file=" + loaded,
                    "-jar", JAR.toString(), "scan", "--endpoint-url", endpoint.endpoint().toString(), "--regions",
                    "us-east-1", "--no-attribution", "--format", "json", "--output-dir", dir.toString(), "--quiet")
                    .redirectErrorStream(true);
            pb.environment().putAll(java.util.Map.of("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE",
                    "AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "AWS_REGION", "us-east-1",
                    "AWS_EC2_METADATA_DISABLED", "true"));
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(out).isIn(0, 1);
        }
        List<String> lines = Files.readAllLines(loaded);
        for (String type : List.of("software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider",
                "software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient",
                "sun.net.www.protocol.http.HttpURLConnection")) {
            assertThat(lines).as(type).anySatisfy(l -> assertThat(l).contains(" " + type + " ")
                    .contains("source: shared objects file"));
        }
    }
}
