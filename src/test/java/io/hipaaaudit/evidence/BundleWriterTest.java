package io.hipaaaudit.evidence;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hipaaaudit.json.InputException;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The last guard of a recording: a secret still present stops it, and the evidence is never altered to hide it. */
class BundleWriterTest {
    private static final Path FILE = Path.of("bundle/postgres/01-db.json");

    @Test
    void aSecretThatIsAlsoDataStopsTheRecordingNamingTheFileAndNotTheSecret() {
        // a password that is also a role name: replacing it would change what the catalog said
        assertThatThrownBy(() -> BundleWriter.refuseSecrets(FILE, "{\"rows\":[[\"app_user\",true]]}", Set.of("app_user")))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith(FILE + ": a secret this scan used")
                .hasMessageNotContaining("app_user");
        // as JSON writes it, escapes included
        assertThatThrownBy(() -> BundleWriter.refuseSecrets(FILE, "{\"v\":\"pa\\\"ss\\\\word1\"}", Set.of("pa\"ss\\word1")))
                .isInstanceOf(InputException.class);
    }

    @Test
    void dataWithoutTheSecretsIsWrittenAsItIs() {
        assertThatCode(() -> BundleWriter.refuseSecrets(FILE, "{\"engine\":\"postgres\"}", Set.of("s3cret-pw")))
                .doesNotThrowAnyException();
    }
}
