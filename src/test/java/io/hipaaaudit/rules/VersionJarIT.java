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
}
