package io.hipaaaudit.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hipaaaudit.config.ConfigLoader;
import io.hipaaaudit.config.Targets;
import io.hipaaaudit.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The shipped schedules parse and carry what a cluster (or systemd) needs to run them as intended. */
class DeployManifestsTest {
    private static final Path K8S = Path.of("deploy/kubernetes");

    static List<JsonNode> documents(Path file) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        try (var it = Json.yaml().readerFor(JsonNode.class).readValues(Files.readString(file))) {
            while (it.hasNext()) {
                out.add((JsonNode) it.next());
            }
        }
        return out;
    }

    static JsonNode only(String file) throws IOException {
        List<JsonNode> docs = documents(K8S.resolve(file));
        assertThat(docs).hasSize(1);
        return docs.get(0);
    }

    @Test
    void everyManifestHasApiVersionKindAndName() throws IOException {
        try (Stream<Path> files = Files.list(K8S)) {
            for (Path f : files.toList()) {
                for (JsonNode doc : documents(f)) {
                    assertThat(doc.path("apiVersion").asText()).as(f.toString()).isNotEmpty();
                    assertThat(doc.path("kind").asText()).as(f.toString()).isNotEmpty();
                    assertThat(doc.at("/metadata/name").asText()).as(f.toString()).matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
                }
            }
        }
    }

    @Test
    void cronJobRunsNightlyNonRootOnAReadOnlyRoot() throws IOException {
        JsonNode cron = only("cronjob.yaml");
        assertThat(cron.path("apiVersion").asText()).isEqualTo("batch/v1");
        assertThat(cron.path("kind").asText()).isEqualTo("CronJob");
        assertThat(cron.at("/spec/schedule").asText().split(" ")).hasSize(5);
        assertThat(cron.at("/spec/concurrencyPolicy").asText()).isEqualTo("Forbid");
        assertPod(cron.at("/spec/jobTemplate/spec/template/spec"));
    }

    @Test
    void indexedJobHasOneCompletionPerAccountOfTheConfigMap() throws IOException {
        JsonNode job = only("indexed-job.yaml");
        JsonNode config = only("configmap.yaml");
        assertThat(job.path("kind").asText()).isEqualTo("Job");
        assertThat(job.at("/spec/completionMode").asText()).isEqualTo("Indexed");
        List<String> accounts = config.at("/data/accounts.txt").asText().lines().filter(l -> !l.isBlank()).toList();
        assertThat(job.at("/spec/completions").asInt()).isEqualTo(accounts.size());
        assertThat(job.at("/spec/parallelism").asInt()).isBetween(1, accounts.size());
        assertThat(job.at("/spec/template/spec/containers/0/args/0").asText())
                .contains("JOB_COMPLETION_INDEX").contains("--account").contains("/etc/hipaa-audit/accounts.txt");
        assertPod(job.at("/spec/template/spec"));
        ConfigLoader.Loaded loaded = ConfigLoader.parse("configmap.yaml#hipaa-audit.yaml",
                config.at("/data/hipaa-audit.yaml").asText());
        assertThat(loaded.config().targets().accounts()).extracting(Targets.Account::id).isEqualTo(accounts);
    }

    private static void assertPod(JsonNode pod) {
        assertThat(pod.path("restartPolicy").asText()).isIn("Never", "OnFailure");
        assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
        assertThat(pod.at("/securityContext/runAsUser").asInt()).isPositive();
        Set<String> volumes = new HashSet<>();
        pod.path("volumes").forEach(v -> volumes.add(v.path("name").asText()));
        assertThat(pod.path("volumes").findValuesAsText("name")).contains("hipaa-audit-config");
        JsonNode container = pod.at("/containers/0");
        assertThat(container.path("image").asText()).contains("hipaa-audit:");
        assertThat(container.at("/securityContext/readOnlyRootFilesystem").asBoolean()).isTrue();
        assertThat(container.at("/securityContext/allowPrivilegeEscalation").asBoolean(true)).isFalse();
        List<String> mounts = container.path("volumeMounts").findValuesAsText("mountPath");
        assertThat(mounts).contains("/tmp", "/reports");
        container.path("volumeMounts").forEach(m -> assertThat(volumes).contains(m.path("name").asText()));
        container.path("env").forEach(e -> assertThat(e.has("value")).as("secrets come from secretKeyRef")
                .isEqualTo(!e.path("name").asText().contains("PASSWORD")));
    }

    @Test
    void systemdTimerTriggersAOneshotHardenedService() throws IOException {
        String service = Files.readString(Path.of("deploy/systemd/hipaa-audit.service"));
        String timer = Files.readString(Path.of("deploy/systemd/hipaa-audit.timer"));
        assertThat(service).contains("Type=oneshot", "User=hipaa-audit", "NoNewPrivileges=yes", "ProtectSystem=strict",
                "ExecStart=/opt/hipaa-audit/scripts/scheduled-scan.sh");
        assertThat(timer).contains("OnCalendar=", "Persistent=true", "Unit=hipaa-audit.service", "WantedBy=timers.target");
        String cron = Files.readString(Path.of("deploy/cron/hipaa-audit.cron"));
        assertThat(cron.lines().filter(l -> !l.startsWith("#") && l.contains("scheduled-scan.sh")).toList())
                .singleElement().satisfies(l -> assertThat(l.split("\\s+")[5]).isEqualTo("hipaa-audit"));
    }
}
