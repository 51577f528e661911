package io.hipaaaudit.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hipaaaudit.inventory.aws.KmsKey;
import io.hipaaaudit.json.InputException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A cdk.out directory: every stack of its manifest, its environment, and nested stacks that are local assets. */
class CloudAssemblyTest {
    private static final Path CDK_OUT = Path.of("src/test/resources/templates/cdk.out");

    @Test
    void everyStackOfTheManifestWithItsEnvironmentAndItsNestedStacks() {
        TemplateSource.Loaded loaded = TemplateSource.load(List.of(CDK_OUT), Optional.empty(), Optional.empty(),
                Optional.empty(), Instant.parse("2026-01-01T00:00:00Z"));

        assertThat(loaded.inventory().kmsKeys()).extracting(KmsKey::id).containsExactly("AuditKey", "DataKey");
        KmsKey nested = loaded.inventory().kmsKeys().get(1);
        assertThat(nested.account()).isEqualTo("health-app-keys");
        assertThat(nested.region()).isEqualTo("eu-west-1");
        // the parent passes RotateKeys=false to the nested stack
        assertThat(nested.rotationEnabled()).contains(false);
        assertThat(loaded.inventory().kmsKeys().get(0).policy().orElseThrow())
                .contains("arn:aws:iam::123456789012:root");
        TemplateSource.Location at = loaded.of("health-app-keys", "eu-west-1", "DataKey").orElseThrow();
        assertThat(at.stack()).isEqualTo("health-app-keys/DataNestedStack");
        assertThat(at.file()).endsWith("cdk.out/HealthAppKeysData.nested.template.json");
        assertThat(at.line()).isEqualTo(6);
    }

    @Test
    void aDirectoryWithoutManifestIsAnInputError(@TempDir Path dir) {
        assertThatThrownBy(() -> TemplateSource.load(List.of(dir), Optional.empty(), Optional.empty(),
                Optional.empty(), Instant.EPOCH)).isInstanceOf(InputException.class)
                .hasMessageContaining("not a cdk.out directory");
    }
}
