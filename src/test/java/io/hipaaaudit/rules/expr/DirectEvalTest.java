package io.hipaaaudit.rules.expr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cel.runtime.CelVariableResolver;
import io.hipaaaudit.rules.Rule;
import io.hipaaaudit.rules.RuleLoader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Expressions evaluated without the interpreter give exactly CEL's answer: the same value, or CEL's own error
 * (the direct path falls back to CEL whenever it is not sure).
 */
class DirectEvalTest {
    private static final List<Map<String, Object>> FACTS = facts();
    private static final Map<String, Object> PARAMS = Map.of("maxAgeDays", 90L, "minPrefixLength", 16L,
            "allowed", List.of("a", "111122223333"), "name", "x", "maxLagHours", 24L, "lag", "90m");
    private static final java.time.Instant NOW = java.time.Instant.parse("2026-11-24T12:00:00Z");
    private static final java.util.regex.Pattern MISSING_KEY = java.util.regex.Pattern.compile(
            "key '([^']+)' is not present in map");

    @Test
    void simpleExpressionsAreEvaluatedDirectlyAndAgreeWithCel() {
        List<String> direct = List.of("!resource.clusterMember", "size(resource.network.publicIngress) == 0",
                "resource.status == 'available' && resource.backupRetentionPeriod > 0",
                "resource.manager == 'CUSTOMER' || resource.state != 'Enabled'",
                "has(resource.kmsKey) ? resource.kmsKey.manager == 'CUSTOMER' : false",
                "resource.backupRetentionPeriod >= params.maxAgeDays", "resource.name.size() <= 3",
                "size(resource.tags) == 0", "resource.clusterMember == false", "!has(resource.network.port)",
                "'Environment' in resource.tags ? resource.tags['Environment'] == 'prod' : false",
                "resource.tags['Environment'] == 'prod'", "'x' in resource.tags",
                "resource.network.ingress.all(i, i.insideVpc)", "resource.network.ingress.exists(i, !i.insideVpc)",
                "resource.network.ingress.all(i, i.kind == 'group' ? !i.crossVpc : i.insideVpc && i.prefixLength >= params.minPrefixLength)",
                "resource.network.ingress.all(rule, rule.prefixLength >= 16) && size(resource.tags) == 0",
                "resource.network.exposure != 'INTERNET'", "resource.tags['Owner'] == 'x'",
                "has(resource.network.port) && resource.network.exposure == 'NONE'",
                "resource.network.exposure == 'NONE' || resource.clusterMember",
                "resource.network.exposure == 'NONE' ? true : resource.clusterMember",
                "resource.network.ingress.all(i, i.v6)", "'postgresql' in resource.logExports",
                "resource.account in params.allowed", "resource.status + '-' + params.name == 'available-x'",
                "resource.backupRetentionPeriod + 1 > 7", "resource.backupRetentionPeriod - params.maxAgeDays < 0",
                "string(resource.backupRetentionPeriod) == '7'",
                "now - timestamp(resource.latestRestorableTime) <= duration(string(params.maxLagHours) + 'h')",
                "timestamp(resource.latestRestorableTime) < now", "timestamp(resource.latestRestorableTime) >= now",
                "now - timestamp(resource.latestRestorableTime) > duration('90m')",
                "duration(params.lag) < duration('1h')", "timestamp(resource.latestRestorableTime) == now",
                "resource.network.ingress.map(i, i.text)", "resource.network.ingress.map(i, i.kind + ':' + i.text)",
                "resource.network.ingress.map(i, i.insideVpc)", "size(resource.network.ingress.map(i, i.text)) > 0",
                "resource.logExports.map(l, l)", "resource.network.ingress.map(i, i.prefixLength + 1)");
        for (String text : direct) {
            CelSupport.Compiled c = CelSupport.compile(text);
            assertThat(c.ok()).as(text).isTrue();
            assertThat(c.direct()).as(text).isPresent();
            agree(c, text);
        }
    }

    @Test
    void othersGoToCel() {
        for (String text : List.of("resource.network.ingress.all(i, i.rules.all(r, r.open))",
                "resource.network.ingress.exists_one(i, i.insideVpc)", "resource.network.ingress.map(i, i.text) == []",
                "resource.x in ['a']", "resource.port == 5432.0", "resource.a + 1.0 == 2.0", "glob('a*', resource.name)",
                "timestamp(resource.t).getFullYear() == 2026")) {
            CelSupport.Compiled c = CelSupport.compile(text);
            assertThat(c.ok()).as(text).isTrue();
            assertThat(c.direct()).as(text).isEmpty();
        }
    }

    @Test
    void everyExpressionOfTheBundledPackAgreesWithCel() {
        int directly = 0;
        for (Rule rule : RuleLoader.load(List.of()).rules()) {
            List<CelSupport.Compiled> all = new ArrayList<>();
            rule.appliesIf().ifPresent(all::add);
            all.add(rule.condition());
            rule.escalateWhen().ifPresent(all::add);
            all.addAll(rule.evidence().values());
            for (CelSupport.Compiled c : all) {
                if (c.direct().isPresent()) {
                    directly++;
                    agree(c, rule.id());
                }
            }
        }
        assertThat(directly).isGreaterThan(50);
    }

    /** On every sample resource: the direct path's value equals CEL's, or CEL's error is what comes out. */
    private static void agree(CelSupport.Compiled c, String what) {
        for (Map<String, Object> facts : FACTS) {
            CelVariableResolver vars = name -> switch (name) {
                case "resource" -> Optional.of(facts);
                case "params" -> Optional.of(PARAMS);
                case "env" -> Optional.of("prod");
                case "now" -> Optional.of(NOW);
                default -> Optional.empty();
            };
            Object cel;
            try {
                cel = c.program().eval(vars);
            } catch (Exception e) {
                cel = error(e);
            }
            Object mine;
            try {
                mine = c.eval(facts, vars);
            } catch (Exception e) {
                mine = error(e);
            }
            assertThat(mine).as(what + " on " + facts).isEqualTo(cel);
        }
    }

    /**
     * An error as the evaluator reads it: a fact not observed by its key (the finding names only the key; CEL's
     * message adds the expression's position), any other error by CEL's whole message.
     */
    private static String error(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            java.util.regex.Matcher m = t.getMessage() == null ? null : MISSING_KEY.matcher(t.getMessage());
            if (m != null && m.find()) {
                return "no such key: " + m.group(1);
            }
        }
        return "error: " + e.getMessage();
    }

    private static List<Map<String, Object>> facts() {
        List<Map<String, Object>> out = new ArrayList<>();
        out.add(Map.of());
        Map<String, Object> db = new LinkedHashMap<>();
        db.put("clusterMember", false);
        db.put("status", "available");
        db.put("backupRetentionPeriod", 7L);
        db.put("manager", "CUSTOMER");
        db.put("state", "Enabled");
        db.put("name", "déjà");
        db.put("tags", Map.of("Environment", "prod"));
        db.put("kmsKey", Map.of("manager", "AWS"));
        db.put("network", Map.of("publicIngress", List.of(), "port", 5432L, "exposure", "NONE"));
        db.put("account", "111122223333");
        db.put("logExports", List.of("upgrade", "postgresql"));
        db.put("latestRestorableTime", "2026-11-24T11:55:00Z");
        out.add(db);
        for (Object time : List.of("2026-11-21T09:00:00Z", "2026-11-23T12:00:00.000000001Z", "2026-11-24T12:00:00Z",
                "2026-11-24T13:00:00.5Z", "2026-11-24T11:55:00+01:00", "2026-11-24T11:55:00.123-00:30",
                "2026-11-24 11:55:00Z", "2026-11-24t11:55:00z", "2026-02-29T00:00:00Z", "2024-02-29T00:00:00Z",
                "2026-11-24T24:00:00Z", "2026-11-24T11:55:60Z", "2026-11-24T11:55Z", "0000-01-01T00:00:00Z",
                "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z", "1700-01-01T00:00:00Z",
                "2026-11-24T11:55:00.Z", "2026-11-24T11:55:00.1234567890Z", "\u0662026-11-24T11:55:00Z", "", 7L)) {
            Map<String, Object> restored = new HashMap<>(db);
            restored.put("latestRestorableTime", time);
            out.add(restored);
        }
        Map<String, Object> drifted = new HashMap<>(db);
        drifted.put("clusterMember", true);
        drifted.put("backupRetentionPeriod", 0L);
        drifted.put("state", "Disabled");
        drifted.put("tags", Map.of());
        drifted.put("network", Map.of("publicIngress", List.of("0.0.0.0/0"), "exposure", "INTERNET"));
        drifted.put("logExports", List.of());
        drifted.put("account", "444455556666");
        out.add(drifted);
        Map<String, Object> odd = new HashMap<>(db);
        odd.put("clusterMember", "no"); // a string where a boolean is expected: CEL's error
        odd.put("backupRetentionPeriod", 7.0); // a double against an int: CEL's heterogeneous comparison
        odd.put("status", 1L);
        odd.remove("kmsKey");
        odd.put("network", List.of());
        odd.put("logExports", List.of(1L, "postgresql"));
        odd.put("account", 111122223333L);
        out.add(odd);
        Map<String, Object> partial = new HashMap<>(db);
        partial.remove("clusterMember");
        partial.remove("network");
        partial.put("manager", "AWS");
        out.add(partial);
        Map<String, Object> group = Map.of("kind", "group", "crossVpc", false, "insideVpc", true, "prefixLength", 32L,
                "v6", false, "text", "sg-1");
        Map<String, Object> range = Map.of("kind", "cidr", "crossVpc", false, "insideVpc", true, "prefixLength", 24L,
                "v6", false, "text", "10.0.0.0/24");
        Map<String, Object> world = Map.of("kind", "cidr", "crossVpc", false, "insideVpc", false, "prefixLength", 0L,
                "v6", false, "text", "0.0.0.0/0");
        Map<String, Object> unknown = Map.of("kind", "cidr", "text", "?"); // no insideVpc: CEL's error, maybe absorbed
        Map<String, Object> typed = Map.of("kind", "cidr", "insideVpc", "yes", "prefixLength", 24.0, "text", "x");
        for (List<Object> ingress : List.<List<Object>>of(List.of(), List.of(group, range), List.of(group, world),
                List.of(unknown, world), List.of(world, unknown), List.of(unknown, range), List.of(typed),
                List.of(range, typed), List.of(Map.of("kind", "group", "rules", List.of())), List.of("not a map"))) {
            Map<String, Object> withIngress = new HashMap<>(db);
            withIngress.put("network", Map.of("port", 5432L, "publicIngress", List.of(), "ingress", ingress));
            out.add(withIngress);
        }
        Map<String, Object> ingressMap = new HashMap<>(db);
        ingressMap.put("network", Map.of("ingress", Map.of("a", group))); // a map to iterate: its keys, CEL's
        out.add(ingressMap);
        return out;
    }
}
