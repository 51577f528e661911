package io.hipaaaudit.cli;

import io.hipaaaudit.config.ConfigLoader;
import io.hipaaaudit.config.HipaaAuditConfig;
import io.hipaaaudit.engine.Environments;
import io.hipaaaudit.json.InputException;
import io.hipaaaudit.policy.DbPolicy;
import io.hipaaaudit.policy.PolicyLoader;
import io.hipaaaudit.report.Reporters;
import io.hipaaaudit.rules.RulePack;
import io.hipaaaudit.waivers.Waivers;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * {@code --config hipaa-audit.yaml}: loads and validates the file; {@link Configured} then gives each scan value
 * from the command line when the option was given there, else from the file, else the option's default.
 */
final class ConfigOptions {
    @Option(names = "--config", paramLabel = "FILE", order = 0,
            description = "Configuration file (hipaa-audit.yaml, see docs/hipaa-audit.schema.json); flags override it.")
    Path file;

    @Option(names = "--account", paramLabel = "ID", order = 0,
            description = "Scan only this one of the configuration's targets.accounts (default: all of them).")
    String account;

    /** Loads the file, if one was given; {@code given} tells which options the command line set. */
    Configured load(CommandLine.ParseResult given) {
        if (file == null && account != null) {
            throw new InputException("--account needs --config with targets.accounts");
        }
        return new Configured(Optional.ofNullable(file).map(ConfigLoader::load), given, Optional.ofNullable(account));
    }

    /** The loaded configuration (if any) and the command line it yields to. */
    record Configured(Optional<ConfigLoader.Loaded> loaded, CommandLine.ParseResult given, Optional<String> account) {
        Optional<HipaaAuditConfig> config() {
            return loaded.map(ConfigLoader.Loaded::config);
        }

        boolean given(String option) {
            return given.hasMatchedOption(option);
        }

        /** The option's value when the command line gave it or the file does not set it, else the file's value. */
        <T> T pick(String option, T flag, Function<HipaaAuditConfig, Optional<T>> configured) {
            if (given(option)) {
                return flag;
            }
            return config().flatMap(configured).orElse(flag);
        }

        /** The rule pack with the file's parameter overrides merged in. */
        RulePack pack(RulePack bundled) {
            return loaded.map(l -> l.applyParams(bundled)).orElse(bundled);
        }

        Waivers waivers(RulePack pack) {
            return loaded.map(l -> Waivers.compile(l.config().waivers(), pack, l.source())).orElse(Waivers.none());
        }

        /** --db-policy, else the policy embedded in the file ({@code databases.policy}). */
        Optional<DbPolicy> dbPolicy(Optional<DbPolicy> flag) {
            return flag.or(() -> loaded.flatMap(l -> l.config().databases().policy()
                    .map(node -> PolicyLoader.fromTree(node, l.source().origin() + ":"
                            + l.source().line(List.of("databases", "policy"))))));
        }

        /**
         * The scan's environments: its environment and where that was given (flag, file or neither), the tag key,
         * the configured aliases, and the environment names the pack defines.
         */
        Environments environments(String flagEnvironment, String flagTag, RulePack pack) {
            boolean configured = config().flatMap(HipaaAuditConfig::environment).isPresent();
            boolean flag = given("--environment");
            String origin = flag || !configured ? "--environment" : loaded.get().source().origin()
                    .replaceAll(".*[/\\\\]", "") + " environment:";
            String environment = flag || configured ? pick("--environment", flagEnvironment,
                    HipaaAuditConfig::environment) : null;
            Map<String, List<String>> aliases = config().map(c -> c.environments().aliases()).orElse(Map.of());
            try {
                return Environments.of(environment, origin, pick("--environment-tag", flagTag,
                        HipaaAuditConfig::environmentTag), aliases).definedBy(pack);
            } catch (Environments.AliasConflict e) {
                throw loaded.orElseThrow().source().error(List.of("environments", "aliases", e.environment(),
                        e.index()), "environments.aliases." + e.environment() + "[" + e.index() + "]: "
                        + e.getMessage());
            }
        }

        /** --format, else the file's outputs.formats (each checked against this build's formats). */
        List<String> formats(List<String> flag) {
            if (given("--format") || loaded.isEmpty() || loaded.get().config().outputs().formats().isEmpty()) {
                return flag;
            }
            List<String> names = loaded.get().config().outputs().formats();
            List<String> out = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i).toLowerCase(Locale.ROOT);
                if (!Reporters.formats().contains(name)) {
                    throw loaded.get().source().error(List.of("outputs", "formats", i), "outputs.formats: format '"
                            + name + "' is not available in this build; expected one of " + Reporters.formats());
                }
                out.add(name);
            }
            return out;
        }
    }
}
