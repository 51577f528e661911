package io.hipaaaudit.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.hipaaaudit.rules.RuleLoader;
import io.hipaaaudit.rules.RulePack;
import io.hipaaaudit.waivers.Waivers;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The documented example is a valid configuration, and the published schema is the one the tool validates with. */
class ExampleConfigTest {
    private static final Path EXAMPLE = Path.of("docs/hipaa-audit.example.yaml");

    @Test
    void documentedExampleValidatesAndBinds() {
        ConfigLoader.Loaded loaded = ConfigLoader.load(EXAMPLE);
        HipaaAuditConfig c = loaded.config();
        assertThat(c.environment()).contains("prod");
        assertThat(c.environments().aliases()).containsEntry("prod", List.of("production", "prd"))
                .containsEntry("dev", List.of("development"));
        assertThat(c.targets().accounts()).extracting(Targets.Account::id).containsExactly("111122223333", "444455556666");
        assertThat(c.databases().targets()).hasSize(2);
        assertThat(c.databases().targets().get(1).secret().iam()).contains(true);
        assertThat(c.databases().policy()).isPresent();
        assertThat(c.databases().policy().get().at("/roles/app_rw/tables/users/0").asText()).isEqualTo("SELECT");
        assertThat(c.waivers()).extracting(WaiverSpec::id).containsExactly("RISK-2026-014", "RISK-2026-020");
        assertThat(c.gate().failOn()).contains("high");
        assertThat(c.history()).map(HipaaAuditConfig.History::user).contains(java.util.Optional.of("hipaa_audit_history"));
        RulePack pack = loaded.applyParams(RuleLoader.load(List.of()));
        Waivers.compile(c.waivers(), pack, loaded.source());
    }

    @Test
    void parameterOverridesMergeOverTheRuleOwnValuesPerEnvironment() {
        RulePack bundled = RuleLoader.load(List.of());
        RulePack pack = ConfigLoader.load(EXAMPLE).applyParams(bundled);
        var retention = pack.find("rds-instance-backup-retention").orElseThrow();
        assertThat(retention.paramsFor("prod")).containsEntry("minRetentionDays", 14L);
        assertThat(retention.paramsFor("dev")).containsEntry("minRetentionDays", 1L);
        var restore = pack.find("rds-instance-recent-restore-point").orElseThrow();
        assertThat(restore.paramsFor("prod")).containsEntry("maxLagHours", 12L);
        assertThat(restore.paramsFor("staging")).containsEntry("maxLagHours", 12L);
        assertThat(pack.sha256()).isNotEqualTo(bundled.sha256());
    }

    @Test
    void publishedSchemaIsTheBundledOne() throws IOException {
        try (InputStream in = getClass().getResourceAsStream(SchemaCheck.RESOURCE)) {
            assertThat(in).isNotNull();
            assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                    .isEqualTo(Files.readString(Path.of("docs/hipaa-audit.schema.json")));
        }
    }

    @Test
    void emptyFileIsAnEmptyConfiguration() {
        assertThat(ConfigLoader.parse("empty.yaml", "").config()).isEqualTo(HipaaAuditConfig.empty());
        assertThat(ConfigLoader.parse("comments.yaml", "# nothing yet\n").config()).isEqualTo(HipaaAuditConfig.empty());
    }
}
