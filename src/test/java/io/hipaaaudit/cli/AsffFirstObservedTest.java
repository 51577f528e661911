package io.hipaaaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hipaaaudit.collect.postgres.PgServers;
import io.hipaaaudit.findings.FindingsDocument;
import io.hipaaaudit.history.HistoryStore;
import io.hipaaaudit.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With a history, an ASFF finding's FirstObservedAt and CreatedAt are when the history first saw its rule and
 * resource; a finding the history has not seen before, and every finding without a history, takes the scan's time.
 */
class AsffFirstObservedTest {
    static final String EARLIER = "2026-10-01T06:00:00Z";

    @TempDir
    Path dir;

    @Test
    void firstObservedAtIsWhenTheHistoryFirstSawTheFinding() throws Exception {
        PgServers.createDatabase(17, "asff_first_seen");
        String url = PgServers.url(17, "asff_first_seen");
        Cli plain = Cli.run("scan", "--snapshot", Cli.snapshot("high-fail.json"), "--environment", "prod",
                "--format", "json,asff", "--output-dir", dir.resolve("plain").toString());
        assertThat(plain.exit()).as(plain.err()).isEqualTo(ExitCodes.FAILED);
        List<JsonNode> withoutHistory = asff(dir.resolve("plain"));
        String scanTime = withoutHistory.get(0).get("UpdatedAt").asText();
        assertThat(withoutHistory).allSatisfy(f -> {
            assertThat(f.get("FirstObservedAt").asText()).isEqualTo(scanTime);
            assertThat(f.get("CreatedAt").asText()).isEqualTo(scanTime);
            assertThat(f.get("LastObservedAt").asText()).isEqualTo(scanTime);
        });

        // an earlier scan of the same account recorded every finding but the first
        ObjectNode earlier = (ObjectNode) Json.json().readTree(dir.resolve("plain/findings.json").toFile());
        ((ObjectNode) earlier.get("scan")).put("startedAt", EARLIER).put("finishedAt", EARLIER).put("id", "earlier");
        ArrayNode findings = (ArrayNode) earlier.get("findings");
        String unseen = findings.get(0).get("ruleId").asText() + "/" + findings.get(0).at("/resource/id").asText();
        findings.remove(0);
        Path earlierFile = dir.resolve("earlier.json");
        Files.writeString(earlierFile, Json.write(earlier));
        HistoryStore.open(url, Optional.of("postgres"), () -> null).record(FindingsDocument.read(earlierFile));

        Cli withHistory = Cli.run("scan", "--snapshot", Cli.snapshot("high-fail.json"), "--environment", "prod",
                "--format", "asff", "--output-dir", dir.resolve("history").toString(), "--history", url,
                "--history-user", "postgres");
        assertThat(withHistory.exit()).as(withHistory.err()).isEqualTo(ExitCodes.FAILED);
        List<JsonNode> seen = asff(dir.resolve("history"));
        assertThat(seen).hasSize(withoutHistory.size());
        int earlierOnes = 0;
        for (JsonNode f : seen) {
            assertThat(f.get("UpdatedAt").asText()).isEqualTo(scanTime);
            assertThat(f.get("CreatedAt").asText()).isEqualTo(f.get("FirstObservedAt").asText());
            if (f.get("Id").asText().contains(unseenRule(unseen))
                    && f.at("/Resources/0/Id").asText().contains(unseen.substring(unseen.indexOf('/') + 1))) {
                assertThat(f.get("FirstObservedAt").asText()).as("not in the history before").isEqualTo(scanTime);
            } else {
                assertThat(f.get("FirstObservedAt").asText()).isEqualTo(EARLIER);
                earlierOnes++;
            }
        }
        assertThat(earlierOnes).isEqualTo(seen.size() - 1);
    }

    private static String unseenRule(String unseen) {
        return "hipaa-audit/" + unseen.substring(0, unseen.indexOf('/')) + "/";
    }

    private static List<JsonNode> asff(Path out) throws Exception {
        List<JsonNode> all = new ArrayList<>();
        try (var files = Files.list(out.resolve("asff"))) {
            for (Path f : files.filter(p -> p.getFileName().toString().matches("asff-\\d+\\.json")).sorted().toList()) {
                Json.json().readTree(f.toFile()).forEach(all::add);
            }
        }
        return all;
    }
}
