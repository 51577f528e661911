package io.hipaaaudit.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** examples/library runs as its comment says: the JDK's source launcher, the product on the class path. */
class LibraryExampleTest {
    @Test
    void theExampleScansTheSavedInventoryAndPrintsItsFailingFindings() throws Exception {
        Path launcher = Path.of(System.getProperty("java.home"), "bin", "java");
        // the tests' class path holds the product's classes and dependencies, as the shaded jar does
        Process p = new ProcessBuilder(List.of(launcher.toString(), "-cp", System.getProperty("java.class.path"),
                "examples/library/ScanSnapshot.java", "examples/healthapp-snapshot.json", "prod"))
                .redirectErrorStream(true).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        ScanResult expected = Scanner.run(ScanRequest.builder(new Source.Snapshot(
                Path.of("examples/healthapp-snapshot.json")), io.hipaaaudit.rules.RuleLoader.load(List.of()))
                .environments(io.hipaaaudit.engine.Environments.of("prod", "t", "Environment", java.util.Map.of()))
                .build());
        assertThat(expected.failing()).isNotEmpty();
        assertThat(out).as(out).contains(expected.failing().size() + " failing of "
                + expected.findings().findings().size() + " findings; gate FAILED");
        expected.failing().forEach(f -> assertThat(out).contains(f.ruleId()).contains(f.resource().id()));
        assertThat(p.exitValue()).as("a high failure exits 1").isEqualTo(1);
    }
}
