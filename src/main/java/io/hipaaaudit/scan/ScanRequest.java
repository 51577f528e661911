package io.hipaaaudit.scan;

import io.hipaaaudit.collect.postgres.PgTarget;
import io.hipaaaudit.engine.Environments;
import io.hipaaaudit.history.HistoryTarget;
import io.hipaaaudit.policy.DbPolicy;
import io.hipaaaudit.rules.RulePack;
import io.hipaaaudit.waivers.Waivers;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything one scan needs, immutable. Build one with {@link #builder(Source, RulePack)}, or with
 * {@link #builder(Source, RuleInputs)} when the pack is still loading (the scan then collects meanwhile); every
 * other part has a default: no databases, the default environment, no database policy, no waivers, change attribution on, no
 * history, the gate at {@code high}, no report files, no saved inventory, no recording, 30 minutes of collection.
 *
 * @param source        where the AWS inventory comes from
 * @param databases     PostgreSQL databases collected live (on replay: in addition to the recorded ones)
 * @param record        keep the raw evidence of this live scan in this new or empty folder
 * @param maxDuration   collection stops after this long; what was not collected is NOT_ASSESSED
 * @param rules         the rule pack (its parameters already merged with any overrides), the scan's environment
 *                      (the tag that overrides it per resource, and aliases) and the accepted risks applied to the
 *                      failing findings; read through {@link #pack()}, {@link #environments()}, {@link #waivers()}
 * @param dbPolicy      the declared database least-privilege policy; without it those rules do not apply
 * @param attribution   look up in CloudTrail who last changed the resources of failing findings
 * @param history       record the scan in this history database and show the trend in the report
 * @param gate          how the verdict is decided
 * @param outputs       the report files to write
 * @param saveInventory also write the collected inventory as JSON
 * @param clock         collection times and "today" for waivers when the inventory has none
 * @param securityHub   import the findings into Security Hub and archive the stale ones (a write; off by default)
 */
public record ScanRequest(Source source, List<PgTarget> databases, Optional<Path> record, Duration maxDuration,
                          RuleInputs rules, Optional<DbPolicy> dbPolicy,
                          boolean attribution, Optional<HistoryTarget> history, GatePolicy gate, Outputs outputs,
                          Optional<Path> saveInventory, Clock clock, Optional<SecurityHubTarget> securityHub) {
    public static final Duration DEFAULT_MAX_DURATION = Duration.ofMinutes(30);

    public ScanRequest {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(rules, "rules");
        databases = List.copyOf(databases);
        securityHub = securityHub == null ? Optional.empty() : securityHub;
        if (maxDuration.isNegative() || maxDuration.isZero()) {
            throw new IllegalArgumentException("maxDuration must be positive");
        }
    }

    public static Builder builder(Source source, RulePack pack) {
        return new Builder(source, Objects.requireNonNull(pack, "pack"), null);
    }

    /**
     * A request whose pack, environments and waivers are {@code rules} (which may still be loading); the builder's
     * {@link Builder#environments} and {@link Builder#waivers} must not be used with it.
     */
    public static Builder builder(Source source, RuleInputs rules) {
        return new Builder(source, null, Objects.requireNonNull(rules, "rules"));
    }

    /** The rule pack; waits for it if it is still loading, and throws what loading it threw. */
    public RulePack pack() {
        return rules.get().pack();
    }

    /** The scan's environment, its tag and aliases (checked against the pack: waits for it like {@link #pack()}). */
    public Environments environments() {
        return rules.get().environments();
    }

    /** The accepted risks (checked against the pack: waits for it like {@link #pack()}). */
    public Waivers waivers() {
        return rules.get().waivers();
    }

    /** A builder holding the defaults listed on {@link ScanRequest}. */
    public static final class Builder {
        private final Source source;
        private final RulePack pack;
        private final RuleInputs rules;
        private boolean checkedHere;
        private List<PgTarget> databases = List.of();
        private Optional<Path> record = Optional.empty();
        private Duration maxDuration = DEFAULT_MAX_DURATION;
        private Environments environments = Environments.of(null, "the scan request", Environments.DEFAULT_TAG,
                Map.of());
        private Optional<DbPolicy> dbPolicy = Optional.empty();
        private Waivers waivers = Waivers.none();
        private boolean attribution = true;
        private Optional<HistoryTarget> history = Optional.empty();
        private GatePolicy gate = GatePolicy.defaults();
        private Outputs outputs = Outputs.none();
        private Optional<Path> saveInventory = Optional.empty();
        private Clock clock = Clock.systemUTC();
        private Optional<SecurityHubTarget> securityHub = Optional.empty();

        private Builder(Source source, RulePack pack, RuleInputs rules) {
            this.source = source;
            this.pack = pack;
            this.rules = rules;
        }

        public Builder databases(List<PgTarget> v) {
            databases = v;
            return this;
        }

        public Builder record(Optional<Path> v) {
            record = v;
            return this;
        }

        public Builder maxDuration(Duration v) {
            maxDuration = v;
            return this;
        }

        public Builder environments(Environments v) {
            environments = v;
            checkedHere = true;
            return this;
        }

        public Builder dbPolicy(Optional<DbPolicy> v) {
            dbPolicy = v;
            return this;
        }

        public Builder waivers(Waivers v) {
            waivers = v;
            checkedHere = true;
            return this;
        }

        public Builder attribution(boolean v) {
            attribution = v;
            return this;
        }

        public Builder history(Optional<HistoryTarget> v) {
            history = v;
            return this;
        }

        public Builder gate(GatePolicy v) {
            gate = v;
            return this;
        }

        public Builder outputs(Outputs v) {
            outputs = v;
            return this;
        }

        public Builder saveInventory(Optional<Path> v) {
            saveInventory = v;
            return this;
        }

        public Builder clock(Clock v) {
            clock = v;
            return this;
        }

        public Builder securityHub(Optional<SecurityHubTarget> v) {
            securityHub = v;
            return this;
        }

        public ScanRequest build() {
            if (rules != null && checkedHere) {
                throw new IllegalStateException("the environments and waivers come with the rule inputs");
            }
            return new ScanRequest(source, databases, record, maxDuration,
                    rules != null ? rules : RuleInputs.of(pack, environments, waivers), dbPolicy, attribution,
                    history, gate, outputs, saveInventory, clock, securityHub);
        }
    }
}
