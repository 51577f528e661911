package io.hipaaaudit.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code version} from the shipped jar reads the rule files straight from the jar, keyed by folder name: its count
 * and hash must be those of the pack a scan loads and compiles.
 */
class VersionJarIT {
    @Test
    void theJarsVersionNamesThePackAScanLoads() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-jar", Path.of("target", "hipaa-audit.jar").toString(),
                "version").redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        RulePack pack = RuleLoader.load(List.of());
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("rule pack: " + pack.rules().size() + " rules, sha256 " + pack.sha256());
    }

    /** The jar's scan loads the bundled rules from its entries: the same pack, and `rules test` finds their fixtures. */
    @Test
    void theJarLoadsThePackFromItsEntriesAndItsFixturesRun(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        RulePack pack = RuleLoader.load(List.of());
        String tested = run(dir, "rules", "test");
        assertThat(tested).containsPattern("\\d{3,} passed, 0 failed");
        run(dir, "scan", "--snapshot", "examples/healthapp-snapshot.json", "--format", "json", "--output-dir",
                dir.toString(), "--quiet");
        var doc = io.hipaaaudit.findings.FindingsDocument.read(dir.resolve("findings.json"));
        assertThat(doc.scan().rulePackSha256()).isEqualTo(pack.sha256());
    }

    /**
     * A scan from the jar reads the bundled rules from the jar's entries only: it never opens the 90 MB jar as a
     * zip file system (its whole directory parsed again in Java, about 0.1 s of every cold scan).
     */
    @Test
    void aScanFromTheJarOpensNoZipFileSystem(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        String classes = classesLoaded(dir, "scan", "--snapshot", "examples/healthapp-snapshot.json",
                "--format", "json", "--output-dir", dir.toString(), "--quiet");
        assertThat(classes).contains("io.hipaaaudit.rules.RuleLoader ");
        assertThat(classes).doesNotContain("jdk.nio.zipfs.ZipFileSystem ");
    }

    /**
     * A scan from the jar with no configuration file reads the bundled YAML documents (framework, rules, fact
     * catalog) from the JSON copies the build made: no YAML parser is loaded, and the pack is the same.
     */
    @Test
    void aScanFromTheJarReadsTheBundledYamlFromItsJsonCopies(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        String classes = classesLoaded(dir, "scan", "--snapshot", "examples/healthapp-snapshot.json",
                "--format", "json", "--output-dir", dir.toString(), "--quiet");
        assertThat(classes).contains("io.hipaaaudit.json.YamlTwins ", "io.hipaaaudit.inventory.facts.FactCatalog ");
        assertThat(classes).doesNotContain("org.yaml.snakeyaml.", "com.fasterxml.jackson.dataformat.yaml.");
        var doc = io.hipaaaudit.findings.FindingsDocument.read(dir.resolve("findings.json"));
        assertThat(doc.scan().rulePackSha256()).isEqualTo(RuleLoader.load(List.of()).sha256());
    }

    /**
     * A replayed scan answers every request from its bundle: it builds no network HTTP client, and so no TLS context
     * either (the JDK's trust store read and parsed, about 9 MB allocated).
     */
    @Test
    void aReplayedScanBuildsNoNetworkClient(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        String classes = classesLoaded(dir, "scan", "--replay", "examples/demo/evidence",
                "--format", "json", "--output-dir", dir.toString(), "--quiet");
        assertThat(classes).contains("io.hipaaaudit.collect.aws.ReplayHttpClient ");
        assertThat(classes).doesNotContain("software.amazon.awssdk.http.urlconnection.",
                "sun.security.ssl.SSLContextImpl", "javax.net.ssl.TrustManagerFactory ");
        var doc = io.hipaaaudit.findings.FindingsDocument.read(dir.resolve("findings.json"));
        assertThat(doc.findings()).isNotEmpty();
    }

    /** Runs the jar with its class loading logged to a file in {@code dir}; returns that log. */
    private static String classesLoaded(Path dir, String... args) throws Exception {
        Path loaded = dir.resolve("class-load.txt");
        run(dir, List.of("-Xlog:class+load:file=" + loaded), args);
        return java.nio.file.Files.readString(loaded);
    }

    private static String run(Path dir, String... args) throws Exception {
        return run(dir, List.of(), args);
    }

    private static String run(Path dir, List<String> jvmOptions, String... args) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> cmd = new java.util.ArrayList<>(List.of(java.toString()));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-jar", Path.of("target", "hipaa-audit.jar").toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isIn(0, 1);
        return out;
    }
}
