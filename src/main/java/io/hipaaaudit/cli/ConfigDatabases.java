package io.hipaaaudit.cli;

import io.hipaaaudit.collect.aws.RdsIamAuth;
import io.hipaaaudit.collect.postgres.PgTarget;
import io.hipaaaudit.config.Databases;
import io.hipaaaudit.json.InputException;
import io.hipaaaudit.json.InputFiles;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Database targets from the configuration. Each password is read when the collector connects, from the variable or
 * file the configuration names (or an IAM token is made), so the secret itself is never in the configuration.
 */
final class ConfigDatabases {
    private ConfigDatabases() {}

    static List<PgTarget> targets(Databases databases, List<String> regions, Optional<String> profile) {
        return databases.targets().stream().map(t -> {
            PgTarget target = PgTarget.of(t.url(), t.user(), password(t, regions, profile));
            return t.rdsInstance().map(target::withId).orElse(target);
        }).toList();
    }

    private static Supplier<String> password(Databases.Target t, List<String> regions, Optional<String> profile) {
        Databases.Secret s = t.secret();
        if (s.env().isPresent()) {
            String name = s.env().get();
            return () -> System.getenv(name);
        }
        if (s.file().isPresent()) {
            Path file = Path.of(s.file().get());
            return () -> read(file);
        }
        URI uri = URI.create(t.url().substring("jdbc:".length()));
        int port = uri.getPort() > 0 ? uri.getPort() : 5432;
        String region = RdsIamAuth.regionOf(uri.getHost()).or(() -> regions.stream().findFirst())
                .orElseThrow(() -> new InputException("databases: cannot tell the region of " + uri.getHost()
                        + " for IAM authentication; set targets.regions"));
        return RdsIamAuth.tokens(uri.getHost(), port, t.user(), region, profile);
    }

    private static String read(Path file) {
        return InputFiles.readString(file, InputFiles.Kind.PASSWORD).strip();
    }
}
