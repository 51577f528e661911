package io.hipaaaudit.cli;

import io.hipaaaudit.collect.aws.AccountTarget;
import io.hipaaaudit.config.ConfigLoader;
import io.hipaaaudit.config.HipaaAuditConfig;
import io.hipaaaudit.config.Targets;
import io.hipaaaudit.findings.Severity;
import io.hipaaaudit.report.Reporters;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine;

/** Copies configuration values into the scan's options, except where the command line gave the option. */
final class ConfigDefaults {
    private final ConfigLoader.Loaded loaded;
    private final HipaaAuditConfig c;
    private final ScanCommand scan;
    private final CommandLine.ParseResult given;

    ConfigDefaults(ConfigLoader.Loaded loaded, ScanCommand scan) {
        this.loaded = loaded;
        this.c = loaded.config();
        this.scan = scan;
        this.given = scan.spec.commandLine().getParseResult();
    }

    void apply(String accountId) {
        set("--environment", c.environment(), v -> scan.environment = v);
        set("--environment-tag", c.environmentTag(), v -> scan.environmentTag = v);
        set("--output-dir", c.outputs().dir(), v -> scan.outputDir = Path.of(v));
        set("--fail-on", c.gate().failOn(), v -> scan.failOn = Severity.parse(v));
        set("--allow-incomplete", c.gate().allowIncomplete(), v -> scan.allowIncomplete = v);
        set("--baseline", c.gate().baseline(), v -> scan.gate.baseline = Path.of(v));
        set("--history", c.history().map(HipaaAuditConfig.History::url), v -> scan.history.url = v);
        set("--history-user", c.history().flatMap(HipaaAuditConfig.History::user), v -> scan.history.user = v);
        if (!c.outputs().formats().isEmpty() && !given.hasMatchedOption("--format")) {
            scan.formats = formats(c.outputs().formats());
        }
        Targets t = c.targets();
        SourceOptions s = scan.sources;
        set("--profile", t.profile(), v -> s.profile = v);
        set("--endpoint-url", t.endpointUrl(), v -> s.endpointUrl = v);
        if (!t.regions().isEmpty() && !given.hasMatchedOption("--regions")) {
            s.regions = new ArrayList<>(t.regions());
        }
        if (accountId == null && t.accounts().size() > 1 && !given.hasMatchedOption("--role-arn")) {
            // several accounts and none chosen: all of them in this run, each through its own role or profile
            s.configuredAccounts = t.accounts().stream().map(a -> new AccountTarget(a.id(), a.roleArn(),
                    a.externalId(), a.profile())).toList();
        }
        account(t, accountId).ifPresent(a -> {
            s.expectedAccount = a.id();
            set("--role-arn", a.roleArn(), v -> s.roleArn = v);
            set("--external-id", a.externalId(), v -> s.externalId = v);
            set("--profile", a.profile(), v -> s.profile = v);
        });
        // a snapshot already holds what was collected: configured databases are for live scans
        if (!given.hasMatchedOption("--db") && !given.hasMatchedOption("--snapshot")) {
            s.configuredTargets = ConfigDatabases.targets(c.databases(), s.regions, Optional.ofNullable(s.profile));
        }
    }

    private Optional<Targets.Account> account(Targets t, String id) {
        if (id != null) {
            return Optional.of(t.accounts().stream().filter(a -> a.id().equals(id)).findFirst()
                    .orElseThrow(() -> loaded.source().error(List.of("targets", "accounts"), "--account " + id
                            + " is not in targets.accounts")));
        }
        return t.accounts().size() == 1 ? t.accounts().stream().findFirst() : Optional.empty();
    }

    private <T> void set(String option, Optional<T> value, java.util.function.Consumer<T> setter) {
        if (value.isPresent() && !given.hasMatchedOption(option)) {
            setter.accept(value.get());
        }
    }

    private List<String> formats(List<String> names) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).toLowerCase(Locale.ROOT);
            if (!Reporters.formats().contains(name)) {
                throw loaded.source().error(List.of("outputs", "formats", i), "outputs.formats: format '" + name
                        + "' is not available in this build; expected one of " + Reporters.formats());
            }
            out.add(name);
        }
        return out;
    }
}
