package io.hipaaaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hipaaaudit.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** scan and report write the ocsf, asff and allure formats from the example environment, the same from either. */
class SecurityReportsCliTest {
    @TempDir
    Path dir;

    @Test
    void scanAndReportWriteTheSameSecurityFormats() throws IOException {
        Path scanned = dir.resolve("scan");
        Cli scan = Cli.run("scan", "--snapshot", "examples/healthapp-snapshot.json", "--environment", "prod",
                "--format", "json,allure,ocsf,asff", "--output-dir", scanned.toString(), "--quiet");
        assertThat(scan.exit()).as(scan.err()).isEqualTo(ExitCodes.FAILED);

        // the example's three documented drifts are the failures in every format
        List<String> failedOcsf = new ArrayList<>();
        for (JsonNode e : Json.json().readTree(scanned.resolve("ocsf.json").toFile())) {
            if (e.at("/compliance/status").asText().equals("Fail")) {
                failedOcsf.add(e.at("/compliance/control").asText());
            }
        }
        assertThat(failedOcsf).containsExactlyInAnyOrder("rds-instance-backup-retention", "kms-key-rotation-enabled",
                "rds-snapshot-encrypted-with-cmk");
        List<String> failedAsff = new ArrayList<>();
        for (JsonNode f : Json.json().readTree(scanned.resolve("asff/asff-0001.json").toFile())) {
            if (f.at("/Compliance/Status").asText().equals("FAILED")) {
                failedAsff.add(f.get("GeneratorId").asText());
            }
        }
        assertThat(failedAsff).containsExactlyInAnyOrderElementsOf(failedOcsf);

        Path rendered = dir.resolve("report");
        Cli report = Cli.run("report", "--input", scanned.resolve("findings.json").toString(),
                "--format", "ocsf,asff,allure", "--output-dir", rendered.toString());
        assertThat(report.exit()).as(report.err()).isEqualTo(ExitCodes.OK);
        assertThat(report.out()).contains("wrote: " + rendered.resolve("ocsf.json"), "wrote: " + rendered.resolve("asff"),
                "wrote: " + rendered.resolve("allure-results"));
        for (String file : List.of("ocsf.json", "asff/asff-0001.json", "asff/manifest.json")) {
            assertThat(Files.readString(rendered.resolve(file))).as(file).isEqualTo(Files.readString(scanned.resolve(file)));
        }
        assertThat(names(rendered.resolve("allure-results"))).isEqualTo(names(scanned.resolve("allure-results")));
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
