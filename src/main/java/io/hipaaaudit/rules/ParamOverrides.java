package io.hipaaaudit.rules;

import io.hipaaaudit.json.InputException;
import io.hipaaaudit.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Organisation overrides of rule parameters (from the configuration file), merged into the pack. For each
 * environment E a rule sees: its own {@code default}, then its own E, then the override's {@code default}, then
 * the override's E. Only parameters the rule declares may be overridden, keeping their kind (number, string,
 * boolean, list, map). The pack hash changes with the overrides, so the scan id does too.
 */
public final class ParamOverrides {
    /** Builds the error for a location in the configuration, e.g. {@code params, rule-id, prod, minDays}. */
    public interface Errors {
        InputException at(List<Object> path, String message);
    }

    private ParamOverrides() {}

    public static RulePack apply(RulePack pack, Map<String, Map<String, Map<String, Object>>> overrides, Errors errors) {
        if (overrides.isEmpty()) {
            return pack;
        }
        for (String id : new TreeSet<>(overrides.keySet())) {
            if (pack.find(id).isEmpty()) {
                throw errors.at(List.of("params", id), "params: unknown rule id '" + id + "'");
            }
        }
        List<Rule> rules = pack.rules().stream()
                .map(r -> overrides.containsKey(r.id()) ? merged(r, overrides.get(r.id()), errors) : r).toList();
        return new RulePack(pack.framework(), rules, sha256(pack.sha256(), overrides));
    }

    private static Rule merged(Rule rule, Map<String, Map<String, Object>> byEnv, Errors errors) {
        Map<String, Object> declared = rule.params().getOrDefault("default", Map.of());
        Map<String, Map<String, Object>> checked = new TreeMap<>();
        byEnv.forEach((env, values) -> checked.put(env, check(rule, env, values, declared, errors)));
        Map<String, Object> configDefault = checked.getOrDefault("default", Map.of());
        TreeSet<String> envs = new TreeSet<>(rule.params().keySet());
        envs.addAll(checked.keySet());
        Map<String, Map<String, Object>> params = new TreeMap<>();
        for (String env : envs) {
            Map<String, Object> merged = new LinkedHashMap<>(rule.params().getOrDefault(env, declared));
            merged.putAll(configDefault);
            merged.putAll(checked.getOrDefault(env, Map.of()));
            params.put(env, Map.copyOf(merged));
        }
        return rule.withParams(java.util.Collections.unmodifiableMap(params));
    }

    private static Map<String, Object> check(Rule rule, String env, Map<String, Object> values,
                                             Map<String, Object> declared, Errors errors) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> p : (values == null ? Map.<String, Object>of() : values).entrySet()) {
            List<Object> path = List.of("params", rule.id(), env, p.getKey());
            if (!declared.containsKey(p.getKey())) {
                throw errors.at(path, "params." + rule.id() + "." + env + ": rule " + rule.id()
                        + " has no parameter '" + p.getKey() + "'; expected one of "
                        + (declared.isEmpty() ? "(none: the rule takes no parameters)" : String.join(", ", new TreeSet<>(declared.keySet()))));
            }
            Object value = RuleParams.normalise(p.getValue());
            String want = RuleParams.kind(declared.get(p.getKey()));
            if (!RuleParams.kind(value).equals(want)) {
                throw errors.at(path, "params." + rule.id() + "." + env + "." + p.getKey() + ": expected a " + want
                        + " (as the rule declares it), got a " + RuleParams.kind(value));
            }
            out.put(p.getKey(), value);
        }
        return out;
    }

    private static String sha256(String packSha, Object overrides) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update((packSha + "|" + Json.write(overrides)).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
