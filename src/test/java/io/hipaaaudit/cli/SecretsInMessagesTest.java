package io.hipaaaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A connection string given in the wrong form, or carrying a password, is refused without echoing the password. */
class SecretsInMessagesTest {
    private static final String SECRET = "Hunter2-Sup3rSecret";

    @TempDir
    Path dir;

    @Test
    void aLibpqUrlIsRefusedWithItsPasswordMasked() {
        Cli r = Cli.run("scan", "--skip-aws", "--db", "postgres://user:" + SECRET + "@host/db", "--db-user", "audit",
                "--output-dir", dir.toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err().strip()).isEqualTo(
                "hipaa-audit: --db: expected jdbc:postgresql://host[:port]/db, got postgres://user:***@host/db");
    }

    @Test
    void anUnreachableDatabaseWhoseUrlCarriesAPasswordIsReportedWithoutIt() {
        for (String param : new String[] {"password", "PASSWORD", "sslpassword"}) {
            Cli r = Cli.run("db", "privileges", "--db", "jdbc:postgresql://127.0.0.1:1/db?connectTimeout=2&" + param
                    + "=" + SECRET, "--db-user", "audit");
            assertThat(r.exit()).as(param).isNotZero();
            assertThat(r.out() + r.err()).as(param).doesNotContain(SECRET);
        }
    }

    @Test
    void aMisspeltOptionDoesNotEchoTheConnectionString() {
        Cli r = Cli.run("scan", "--skip-aws", "--dbb=postgres://user:" + SECRET + "@host/db");
        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).doesNotContain(SECRET).contains("***");
    }

    @Test
    void theHistoryUrlMustNotCarryAPasswordInItsUserInfoEither() {
        Cli r = Cli.run("history", "list", "--history", "postgres://u:" + SECRET + "@localhost/h");
        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).doesNotContain(SECRET);
        Cli token = Cli.run("history", "list", "--history", "jdbc:postgresql://localhost/h?sslpassword=" + SECRET);
        assertThat(token.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(token.err()).contains("must not carry a password").doesNotContain(SECRET);
    }

    @Test
    void aConfiguredLibpqUrlIsAConfigErrorWithoutThePassword() throws IOException {
        Path config = dir.resolve("hipaa-audit.yaml");
        Files.writeString(config, """
                databases:
                  targets:
                    - url: postgres://app:%s@db.internal/app
                      user: audit
                      secret: {env: PGPASSWORD}
                """.formatted(SECRET));
        Cli r = Cli.run("scan", "--config", config.toString(), "--skip-aws", "--output-dir", dir.resolve("out").toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("hipaa-audit.yaml:3").doesNotContain(SECRET);
    }
}
