package io.hipaaaudit.cli;

import io.hipaaaudit.config.ConfigLoader;
import io.hipaaaudit.engine.Environments;
import io.hipaaaudit.findings.FindingsDocument;
import io.hipaaaudit.inventory.Inventory;
import io.hipaaaudit.rules.RulePack;
import io.hipaaaudit.waivers.ResourceTags;
import io.hipaaaudit.waivers.WaiverOutcome;
import io.hipaaaudit.waivers.Waivers;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * {@code --config hipaa-audit.yaml}: loads and validates the file, fills every scan option the command line did
 * not set, merges the parameter overrides into the rule pack and applies the waivers to the findings.
 */
final class ConfigOptions {
    @Option(names = "--config", paramLabel = "FILE", order = 0,
            description = "Configuration file (hipaa-audit.yaml, see docs/hipaa-audit.schema.json); flags override it.")
    Path file;

    @Option(names = "--account", paramLabel = "ID", order = 0,
            description = "Scan only this one of the configuration's targets.accounts (default: all of them).")
    String account;

    /** "Today" for waiver expiry when the inventory has no collection time; replaced in tests. */
    Clock clock = Clock.systemUTC();

    private Optional<ConfigLoader.Loaded> loaded = Optional.empty();
    private Waivers waivers = Waivers.none();

    /** Loads the configuration (if any) into {@code scan}'s unset options and returns the pack to evaluate. */
    RulePack prepare(ScanCommand scan, RulePack bundled) {
        if (file == null) {
            if (account != null) {
                throw new io.hipaaaudit.json.InputException("--account needs --config with targets.accounts");
            }
            return bundled;
        }
        ConfigLoader.Loaded config = ConfigLoader.load(file);
        loaded = Optional.of(config);
        RulePack pack = config.applyParams(bundled);
        waivers = Waivers.compile(config.config().waivers(), pack, config.source());
        new ConfigDefaults(config, scan).apply(account);
        return pack;
    }

    /** Applies the waivers; today is the day the inventory was collected, so a snapshot scan stays reproducible. */
    WaiverOutcome waive(FindingsDocument doc, Inventory inventory, Environments environments) {
        if (waivers.isEmpty()) {
            return waivers.apply(doc, ResourceTags.none(), LocalDate.now(clock));
        }
        LocalDate today = doc.scan().finishedAt().or(() -> doc.scan().startedAt())
                .map(t -> Instant.parse(t).atOffset(ZoneOffset.UTC).toLocalDate())
                .orElseGet(() -> LocalDate.now(clock));
        return waivers.apply(doc, ResourceTags.of(inventory, environments), today);
    }

    /**
     * The scan's environments: its environment and where that was given (flag, configuration or neither), the
     * tag key, the configured aliases, and the environment names the pack defines.
     */
    Environments environments(ScanCommand scan, RulePack pack) {
        boolean flag = scan.spec.commandLine().getParseResult().hasMatchedOption("--environment");
        boolean configured = loaded.flatMap(l -> l.config().environment()).isPresent();
        String origin = flag || !configured ? "--environment" : file.getFileName() + " environment:";
        java.util.Map<String, java.util.List<String>> aliases = loaded
                .map(l -> l.config().environments().aliases()).orElse(java.util.Map.of());
        try {
            return Environments.of(flag || configured ? scan.environment : null, origin, scan.environmentTag, aliases)
                    .definedBy(pack);
        } catch (Environments.AliasConflict e) {
            throw loaded.orElseThrow().source().error(java.util.List.of("environments", "aliases", e.environment(),
                    e.index()), "environments.aliases." + e.environment() + "[" + e.index() + "]: " + e.getMessage());
        }
    }

    Optional<ConfigLoader.Loaded> loaded() {
        return loaded;
    }

    /** The database policy embedded in the configuration ({@code databases.policy}), if any. */
    Optional<io.hipaaaudit.policy.DbPolicy> dbPolicy() {
        return loaded.flatMap(l -> l.config().databases().policy()
                .map(node -> io.hipaaaudit.policy.PolicyLoader.fromTree(node, l.source().origin() + ":"
                        + l.source().line(java.util.List.of("databases", "policy")))));
    }
}
