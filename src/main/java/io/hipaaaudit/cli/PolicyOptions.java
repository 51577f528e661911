package io.hipaaaudit.cli;

import io.hipaaaudit.policy.DbPolicy;
import io.hipaaaudit.policy.PolicyLoader;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The declared least-privilege policy for the audited databases; without it the policy-driven rules do not apply. */
final class PolicyOptions {
    @Option(names = "--db-policy", paramLabel = "FILE", order = 15,
            description = "Declared database least-privilege policy (YAML): application roles, PHI tables, allowed "
                    + "privileges, login requirements. Without it the policy-driven rules are NOT_APPLICABLE.")
    Path dbPolicy;

    /** The loaded policy; a malformed file is an input error (exit 2) naming the file and line. */
    Optional<DbPolicy> load() {
        return Optional.ofNullable(dbPolicy).map(PolicyLoader::load);
    }
}
