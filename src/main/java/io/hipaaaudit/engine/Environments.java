package io.hipaaaudit.engine;

import io.hipaaaudit.rules.Rule;
import io.hipaaaudit.rules.RulePack;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * How a resource picks the environment its rule parameters are resolved for. Its environment tag
 * ({@code Environment} unless configured otherwise) beats the scan's environment ({@code --environment} or the
 * configuration), which beats {@code default}: a tag is the more specific statement, about that one resource, and
 * one account often holds both dev and prod. Names are matched without regard to case, and a configured alias
 * names an environment by another name ({@code production} and {@code prd} for {@code prod}).
 *
 * <p>{@code defined} is the set of environment names the rule pack gives parameters for. A name outside it (and
 * other than {@code default}) is an environment nobody defined: a rule with per-environment parameters cannot
 * judge a resource there, because falling back to {@code default} would hold it to the weakest values.
 */
public final class Environments {
    public static final String DEFAULT_TAG = "Environment";
    public static final String DEFAULT = "default";

    private final String scanGiven;
    private final String scanOrigin;
    private final String tagKey;
    private final Map<String, Alias> aliases;
    private final SortedSet<String> defined;

    /** The scan's environment and tag key, no aliases, and no names known beyond each rule's own. */
    public Environments(String scanEnvironment, String tagKey) {
        this(scanEnvironment, "scan environment", tagKey, Map.of(), new TreeSet<>());
    }

    private Environments(String scanGiven, String scanOrigin, String tagKey, Map<String, Alias> aliases,
                         SortedSet<String> defined) {
        this.scanGiven = scanGiven == null ? "" : scanGiven.trim();
        this.scanOrigin = scanOrigin;
        this.tagKey = tagKey == null || tagKey.isBlank() ? DEFAULT_TAG : tagKey.trim();
        this.aliases = Map.copyOf(aliases);
        this.defined = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(defined));
    }

    /**
     * @param scanEnvironment the scan's environment as given, or null for none
     * @param origin          where it was given, for evidence: {@code --environment}, "environment in hipaa-audit.yaml"
     * @param aliases         environment → its other names
     * @throws AliasConflict when one alias names two environments, or names an environment that is itself listed
     */
    public static Environments of(String scanEnvironment, String origin, String tagKey,
                                  Map<String, List<String>> aliases) {
        return new Environments(scanEnvironment, origin, tagKey, index(aliases), new TreeSet<>());
    }

    /**
     * These environments, also knowing every environment name the pack's rules give parameters for.
     *
     * @throws AliasConflict when an alias is such a name: it would take that environment away from its parameters
     */
    public Environments definedBy(RulePack pack) {
        SortedSet<String> all = new TreeSet<>(defined);
        all.addAll(definedBy(pack.rules()));
        aliases.forEach((alias, a) -> {
            if (all.contains(alias)) {
                throw new AliasConflict(a.key(), a.index(), "alias '" + alias + "' of " + a.environment()
                        + " is an environment the rules define parameters for");
            }
        });
        return new Environments(scanGiven, scanOrigin, tagKey, aliases, all);
    }

    /** The environment names, other than {@code default}, that any of these rules gives parameters for. */
    public static SortedSet<String> definedBy(Collection<Rule> rules) {
        SortedSet<String> out = new TreeSet<>();
        rules.forEach(r -> out.addAll(named(r)));
        return out;
    }

    public String scanEnvironment() {
        return scan().name();
    }

    public String tagKey() {
        return tagKey;
    }

    public Set<String> defined() {
        return defined;
    }

    /** The scan's own environment: for resources without a tag, and for accounts. */
    public EnvironmentChoice scan() {
        return scanGiven.isEmpty() ? new EnvironmentChoice(DEFAULT, "default: no environment given for the scan")
                : choose(scanOrigin + " ", scanGiven);
    }

    /** The environment of a resource with these tags. */
    public EnvironmentChoice of(Map<String, String> tags) {
        return fromTags(tags).orElseGet(() -> {
            EnvironmentChoice s = scan();
            return new EnvironmentChoice(s.name(), s.source() + ", no " + tagKey + " tag");
        });
    }

    public Optional<EnvironmentChoice> fromTags(Map<String, String> tags) {
        for (Map.Entry<String, String> t : new TreeMap<>(tags).entrySet()) {
            if (t.getKey().equalsIgnoreCase(tagKey) && !t.getValue().isBlank()) {
                return Optional.of(choose("tag " + t.getKey() + "=", t.getValue().trim()));
            }
        }
        return Optional.empty();
    }

    /** An environment stated elsewhere (a database's own), {@code where} saying where: "database db-1 environment=". */
    public EnvironmentChoice named(String where, String value) {
        return choose(where, value.trim());
    }

    private EnvironmentChoice choose(String where, String given) {
        String folded = fold(given);
        String name = Optional.ofNullable(aliases.get(folded)).map(Alias::environment).orElse(folded);
        return new EnvironmentChoice(name, where + given + (folded.equals(name) ? "" : " (alias of " + name + ")"));
    }

    /**
     * The parameters a rule applies in an environment: its own for that name; else its {@code default} when it has
     * no per-environment parameters, or when the environment is {@code default} or one the pack defines. Empty when
     * the rule has per-environment parameters and nobody defined this environment.
     */
    public Optional<Map<String, Object>> paramsFor(Rule rule, EnvironmentChoice env) {
        for (Map.Entry<String, Map<String, Object>> p : rule.params().entrySet()) {
            if (fold(p.getKey()).equals(env.name())) {
                return Optional.of(p.getValue());
            }
        }
        if (named(rule).isEmpty() || env.name().equals(DEFAULT) || defined.contains(env.name())) {
            return Optional.of(rule.paramsFor(DEFAULT));
        }
        return Optional.empty();
    }

    /** Why a rule could not judge a resource whose environment nobody defined. */
    public static String undefinedMessage(Rule rule, EnvironmentChoice env) {
        return "environment '" + env.name() + "' (" + env.source() + ") is not defined by this rule's parameters"
                + " (defined: " + String.join(", ", named(rule)) + "); add it or an alias";
    }

    /** The evidence of a finding whose rule has parameters: the environment judged under and its source. */
    public static Map<String, Object> evidence(EnvironmentChoice env) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("environment", env.name());
        out.put("environmentSource", env.source());
        return out;
    }

    /** The evidence of a finding not assessed because its environment is not defined. */
    public static Map<String, Object> undefinedEvidence(Rule rule, EnvironmentChoice env) {
        Map<String, Object> out = evidence(env);
        out.put("definedEnvironments", List.copyOf(named(rule)));
        return out;
    }

    /** Whether the rule's parameters differ by environment: then a resource whose environment is unknown is too. */
    public static boolean perEnvironment(Rule rule) {
        return !named(rule).isEmpty();
    }

    private static SortedSet<String> named(Rule rule) {
        SortedSet<String> out = new TreeSet<>();
        rule.params().keySet().stream().map(Environments::fold).filter(n -> !n.equals(DEFAULT)).forEach(out::add);
        return out;
    }

    static String fold(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }

    /** An alias of {@code environment}, written as item {@code index} under {@code key} in the configuration. */
    private record Alias(String environment, String key, int index) {}

    private static Map<String, Alias> index(Map<String, List<String>> byEnvironment) {
        Map<String, Alias> out = new TreeMap<>();
        Set<String> environments = new TreeSet<>();
        byEnvironment.keySet().forEach(e -> environments.add(fold(e)));
        for (Map.Entry<String, List<String>> e : new TreeMap<>(byEnvironment).entrySet()) {
            String env = fold(e.getKey());
            List<String> names = e.getValue() == null ? List.of() : e.getValue();
            for (int i = 0; i < names.size(); i++) {
                String alias = fold(names.get(i));
                if (alias.equals(env)) {
                    continue;
                }
                if (environments.contains(alias)) {
                    throw new AliasConflict(e.getKey(), i, "alias '" + alias + "' of " + env
                            + " is itself an environment with aliases");
                }
                Alias before = out.putIfAbsent(alias, new Alias(env, e.getKey(), i));
                if (before != null && !before.environment().equals(env)) {
                    throw new AliasConflict(e.getKey(), i, "alias '" + alias + "' names two environments: "
                            + before.environment() + " and " + env);
                }
            }
        }
        return out;
    }

    /** An alias that does not name exactly one environment; {@code environment} and {@code index} locate it. */
    public static final class AliasConflict extends IllegalArgumentException {
        private final String environment;
        private final int index;

        AliasConflict(String environment, int index, String message) {
            super(message);
            this.environment = environment;
            this.index = index;
        }

        public String environment() {
            return environment;
        }

        public int index() {
            return index;
        }
    }
}
