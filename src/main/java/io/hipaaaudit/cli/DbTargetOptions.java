package io.hipaaaudit.cli;

import io.hipaaaudit.collect.aws.RdsIamAuth;
import io.hipaaaudit.collect.postgres.PgTarget;
import io.hipaaaudit.json.InputException;
import io.hipaaaudit.json.InputFiles;
import io.hipaaaudit.redact.Redaction;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import picocli.CommandLine.Option;

/**
 * The databases to audit and how to log in. Passwords come from {@code HIPAA_AUDIT_DB_PASSWORD}, a file, or RDS
 * IAM authentication, never from the command line (where every user on the machine could read them in the
 * process list). Shared by {@code scan} and {@code db privileges}.
 */
final class DbTargetOptions {
    static final String PASSWORD_ENV = "HIPAA_AUDIT_DB_PASSWORD";

    @Option(names = "--db", paramLabel = "JDBC_URL", order = 10,
            description = "A PostgreSQL database to audit, jdbc:postgresql://host:port/db[?sslmode=verify-full] (repeatable).")
    List<String> databases = new ArrayList<>();

    @Option(names = "--db-user", paramLabel = "USER", order = 11, description = "Database user for --db (a read-only audit role).")
    String dbUser;

    @Option(names = "--db-password-file", paramLabel = "FILE", order = 12,
            description = "Read the database password from this file (else from $" + PASSWORD_ENV + ").")
    Path dbPasswordFile;

    @Option(names = "--db-iam-auth", order = 13, description = "Authenticate to RDS with an IAM token instead of a password.")
    boolean dbIamAuth;

    /** One target per --db; {@code regions} and {@code profile} help IAM authentication find its region and credentials. */
    List<PgTarget> targets(List<String> regions, Optional<String> profile) {
        if (databases.isEmpty()) {
            return List.of();
        }
        if (dbUser == null || dbUser.isBlank()) {
            throw new InputException("--db needs --db-user (a read-only audit role)");
        }
        List<PgTarget> out = new ArrayList<>();
        for (String url : databases) {
            if (!url.startsWith("jdbc:postgresql://")) {
                // a libpq URL (postgres://user:password@host/db) is not accepted: pgjdbc does not read its user-info
                throw new InputException("--db: expected jdbc:postgresql://host[:port]/db, got " + Redaction.text(url));
            }
            out.add(PgTarget.of(url, dbUser, password(url, regions, profile)));
        }
        return out;
    }

    private Supplier<String> password(String url, List<String> regions, Optional<String> profile) {
        if (dbIamAuth) {
            URI uri = URI.create(url.substring("jdbc:".length()));
            int port = uri.getPort() > 0 ? uri.getPort() : 5432;
            String region = RdsIamAuth.regionOf(uri.getHost()).or(() -> regions.stream().findFirst())
                    .orElseThrow(() -> new InputException("--db-iam-auth: cannot tell the region of " + uri.getHost()
                            + "; pass --regions"));
            return RdsIamAuth.tokens(uri.getHost(), port, dbUser, region, profile);
        }
        if (dbPasswordFile != null) {
            String secret = read(dbPasswordFile);
            return () -> secret;
        }
        String fromEnv = System.getenv(PASSWORD_ENV);
        return () -> fromEnv;
    }

    private static String read(Path file) {
        return InputFiles.readString(file, InputFiles.Kind.PASSWORD).strip();
    }
}
