package io.hipaaaudit.config;

import io.hipaaaudit.inventory.Nulls;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * hipaa-audit.yaml as bound after schema validation ({@code docs/hipaa-audit.schema.json}). Every section is
 * optional; an absent one means "use the command line or the built-in default". Keys are snake_case in YAML.
 *
 * @param params rule id → environment (or {@code default}) → parameter → value
 */
public record HipaaAuditConfig(Optional<String> environment, Optional<String> environmentTag,
                               EnvironmentSettings environments, Targets targets,
                               Databases databases, Map<String, Map<String, Map<String, Object>>> params,
                               List<WaiverSpec> waivers, Outputs outputs, Gate gate, Optional<History> history) {
    public HipaaAuditConfig {
        environment = Nulls.opt(environment);
        environmentTag = Nulls.opt(environmentTag);
        environments = environments == null ? new EnvironmentSettings(null) : environments;
        targets = targets == null ? new Targets(null, null, null, null) : targets;
        databases = databases == null ? new Databases(null, null) : databases;
        params = params == null ? Map.of() : params;
        waivers = Nulls.list(waivers);
        outputs = outputs == null ? new Outputs(null, null) : outputs;
        gate = gate == null ? new Gate(null, null, null) : gate;
        history = Nulls.opt(history);
    }

    public static HipaaAuditConfig empty() {
        return new HipaaAuditConfig(null, null, null, null, null, null, null, null, null, null);
    }

    /** Other names for environments, matched without regard to case: environment → its aliases. */
    public record EnvironmentSettings(Map<String, List<String>> aliases) {
        public EnvironmentSettings {
            aliases = Nulls.sorted(aliases);
        }
    }

    /** What to output and where. */
    public record Outputs(List<String> formats, Optional<String> dir) {
        public Outputs {
            formats = Nulls.list(formats);
            dir = Nulls.opt(dir);
        }
    }

    /** The CI gate: threshold, tolerance of incomplete scans, and a baseline findings.json. */
    public record Gate(Optional<String> failOn, Optional<Boolean> allowIncomplete, Optional<String> baseline) {
        public Gate {
            failOn = Nulls.opt(failOn);
            allowIncomplete = Nulls.opt(allowIncomplete);
            baseline = Nulls.opt(baseline);
        }
    }

    /** The scan history database; its password comes from the environment, never from this file. */
    public record History(String url, Optional<String> user) {
        public History {
            user = Nulls.opt(user);
        }
    }
}
