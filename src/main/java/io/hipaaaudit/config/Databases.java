package io.hipaaaudit.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.hipaaaudit.inventory.Nulls;
import java.util.List;
import java.util.Optional;

/**
 * Databases to audit and the declared privilege policy. The policy is kept as a JSON tree: its records belong
 * to the privilege-policy check, which reads it from here.
 */
public record Databases(List<Target> targets, Optional<JsonNode> policy) {
    public Databases {
        targets = Nulls.list(targets);
        policy = Nulls.opt(policy);
    }

    /** One database: URL, audit user, where its password comes from, and the RDS instance it runs on. */
    public record Target(String url, String user, Secret secret, Optional<String> rdsInstance) {
        public Target {
            rdsInstance = Nulls.opt(rdsInstance);
        }
    }

    /** Exactly one of: an environment variable name, a file, or RDS IAM authentication. */
    public record Secret(Optional<String> env, Optional<String> file, Optional<Boolean> iam) {
        public Secret {
            env = Nulls.opt(env);
            file = Nulls.opt(file);
            iam = Nulls.opt(iam);
        }
    }
}
