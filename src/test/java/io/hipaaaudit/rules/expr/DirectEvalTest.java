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
            "allowed", List.of("a"), "name", "x");

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
                "resource.network.ingress.all(rule, rule.prefixLength >= 16) && size(resource.tags) == 0");
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
                "resource.x in ['a']",
                "timestamp(resource.t) < now", "resource.port == 5432.0", "resource.a + 1 == 2", "glob('a*', resource.name)")) {
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
                default -> Optional.empty();
            };
            Object cel;
            try {
                cel = c.program().eval(vars);
            } catch (Exception e) {
                cel = "error: " + e.getMessage();
            }
            Object mine;
            try {
                mine = c.eval(facts, vars);
            } catch (Exception e) {
                mine = "error: " + e.getMessage();
            }
            assertThat(mine).as(what + " on " + facts).isEqualTo(cel);
        }
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
        db.put("network", Map.of("publicIngress", List.of(), "port", 5432L));
        out.add(db);
        Map<String, Object> drifted = new HashMap<>(db);
        drifted.put("clusterMember", true);
        drifted.put("backupRetentionPeriod", 0L);
        drifted.put("state", "Disabled");
        drifted.put("tags", Map.of());
        drifted.put("network", Map.of("publicIngress", List.of("0.0.0.0/0")));
        out.add(drifted);
        Map<String, Object> odd = new HashMap<>(db);
        odd.put("clusterMember", "no"); // a string where a boolean is expected: CEL's error
        odd.put("backupRetentionPeriod", 7.0); // a double against an int: CEL's heterogeneous comparison
        odd.put("status", 1L);
        odd.remove("kmsKey");
        odd.put("network", List.of());
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
