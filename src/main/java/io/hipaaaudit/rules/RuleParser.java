package io.hipaaaudit.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.hipaaaudit.rules.expr.CelSupport;
import io.hipaaaudit.rules.expr.FactPaths;
import io.hipaaaudit.inventory.facts.FactCatalog;
import io.hipaaaudit.inventory.ResourceTypes;
import io.hipaaaudit.json.InputException;
import io.hipaaaudit.json.Json;
import io.hipaaaudit.json.YamlTwins;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Reads one rule.yaml strictly and compiles it. Every problem is an {@link InputException} of the form
 * {@code file:line: rule <id>: what is wrong}: unknown keys, missing fields, bad severities, unknown areas or
 * resource types, citations the framework does not list, parameters that do not match their defaults, and CEL
 * that does not compile.
 */
final class RuleParser {
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{2,80}");
    private static final List<String> NPRM = List.of("required", "strengthened", "unchanged");

    private final Set<String> citations;

    RuleParser(Set<String> citations) {
        this.citations = citations;
    }

    Rule parse(String yaml, String file, java.nio.file.Path directory) {
        return parse(yaml, file, directory == null ? null : directory.getFileName().toString(), () -> directory, null);
    }

    /**
     * {@code folderName}: the name of the rule's folder, which must be its id; {@code location}: that folder;
     * {@code bundledName}: for a file of the bundled pack, its resource name, by which the build's JSON copy of it
     * is found ({@link YamlTwins}), else null.
     */
    Rule parse(String yaml, String file, String folderName, java.util.function.Supplier<java.nio.file.Path> location,
               String bundledName) {
        RuleFile rf;
        try {
            rf = bundledName != null ? YamlTwins.bundled().readValue(bundledName, yaml, RuleFile.class)
                    : Json.yaml().readValue(yaml, RuleFile.class);
        } catch (JsonProcessingException e) {
            throw InputException.of(file, e, Json.yaml().getFactory(), yaml);
        }
        if (rf == null) {
            throw RuleError.at(file, 1, null, "empty rule file");
        }
        KeyLines lines = KeyLines.of(yaml);
        Checker check = new Checker(file, rf.id(), lines);
        check.require("id", rf.id());
        if (!ID.matcher(rf.id()).matches()) {
            throw check.fail("id", "id must be lower-case letters, digits and dashes");
        }
        if (folderName != null && !folderName.equals(rf.id())) {
            throw check.fail("id", "id must equal its folder name '" + folderName + "'");
        }
        check.require("title", rf.title());
        check.require("area", rf.area());
        check.oneOf("area", rf.area(), Areas.ALL);
        if (rf.severity() == null) {
            throw check.fail("severity", "missing required key 'severity'");
        }
        check.require("resource", rf.resource());
        check.oneOf("resource", rf.resource(), ResourceTypes.ALL);
        rf.requires().forEach(t -> check.oneOf("requires", t, ResourceTypes.ALL));
        if (rf.hipaa().isEmpty()) {
            throw check.fail("hipaa", "a rule must cite at least one HIPAA specification");
        }
        for (String c : rf.hipaa()) {
            if (!citations.contains(c)) {
                throw check.fail("hipaa", "citation '" + c + "' is not in the framework file");
            }
        }
        check.require("nprm2025", rf.nprm2025());
        check.oneOf("nprm2025", rf.nprm2025(), NPRM);
        check.require("rationale", rf.rationale());
        check.require("remediation", rf.remediation());
        check.require("condition", rf.condition());
        check.require("message", rf.message());

        Map<String, Map<String, Object>> params = RuleParams.resolve(rf.params(), check);
        Set<String> paramNames = new java.util.TreeSet<>();
        params.values().forEach(m -> paramNames.addAll(m.keySet()));
        Checker typed = check.withFacts(FactCatalog.bundled().of(rf.resource()), paramNames);
        Optional<CelSupport.Compiled> appliesIf = rf.appliesIf().map(e -> typed.compile("applies_if", e));
        CelSupport.Compiled condition = typed.compile("condition", rf.condition());
        Template message = typed.template("message", rf.message());
        Optional<Template> passMessage = rf.passMessage().map(m -> typed.template("pass_message", m));
        Optional<Template> naMessage = rf.notApplicableMessage().map(m -> typed.template("not_applicable_message", m));
        Map<String, CelSupport.Compiled> evidence = new LinkedHashMap<>();
        new TreeMap<>(rf.evidence()).forEach((name, expr) -> evidence.put(name, typed.compile("evidence." + name, expr)));
        Optional<CelSupport.Compiled> attributeTo = rf.attributeTo().map(e -> typed.compile("attribute_to", e));
        Optional<CelSupport.Compiled> escalateWhen = Optional.empty();
        if (rf.escalate().isPresent()) {
            RuleFile.Escalation up = rf.escalate().get();
            if (up.to() == null || up.when() == null || up.when().isBlank()) {
                throw check.fail("escalate", "escalate needs both 'to' (a severity) and 'when' (a CEL expression)");
            }
            if (up.to().compareTo(rf.severity()) >= 0) {
                throw check.fail("escalate", "escalate.to (" + up.to().label() + ") must be more severe than the rule's "
                        + "severity (" + rf.severity().label() + ")");
            }
            escalateWhen = Optional.of(typed.compile("escalate.when", up.when()));
        }
        return new Rule(rf, file, location, appliesIf, condition, message, passMessage, naMessage, Map.copyOf(evidence),
                attributeTo, escalateWhen, params);
    }

    /** Validation helpers that know the file, the rule id and the line of every key. */
    record Checker(String file, String ruleId, KeyLines lines, Optional<FactCatalog.TypeFacts> facts,
                   Set<String> paramNames) {
        Checker(String file, String ruleId, KeyLines lines) {
            this(file, ruleId, lines, Optional.empty(), Set.of());
        }

        Checker withFacts(FactCatalog.TypeFacts typeFacts, Set<String> params) {
            return new Checker(file, ruleId, lines, Optional.of(typeFacts), Set.copyOf(params));
        }

        /** Every fact and parameter the expression reads must be declared for the rule's resource type. */
        private void checkFacts(String key, CelSupport.Compiled c, String what) {
            if (facts.isEmpty() || c.ast() == null) {
                return;
            }
            List<String> problems = FactPaths.check(c.ast(), facts.get().facts(), facts.get().type(), paramNames);
            if (!problems.isEmpty()) {
                throw fail(key, what + " " + problems.get(0) + "; the facts of each type are listed in docs/inventory.md");
            }
        }

        InputException fail(String key, String message) {
            return RuleError.at(file, lines.line(key), ruleId, message);
        }

        void require(String key, String value) {
            if (value == null || value.isBlank()) {
                throw fail(key, "missing required key '" + key + "'");
            }
        }

        void oneOf(String key, String value, List<String> allowed) {
            if (!allowed.contains(value)) {
                throw fail(key, key + " '" + value + "' is not one of " + String.join(", ", allowed));
            }
        }

        CelSupport.Compiled compile(String key, String expression) {
            CelSupport.Compiled c = CelSupport.compile(expression);
            if (!c.ok()) {
                throw fail(key, key + " does not compile: " + c.error());
            }
            checkFacts(key, c, key);
            return c;
        }

        Template template(String key, String text) {
            List<String> errors = new ArrayList<>();
            Template t = Template.compile(text, errors);
            if (!errors.isEmpty()) {
                throw fail(key, key + " " + errors.get(0));
            }
            t.expressions().forEach(c -> checkFacts(key, c, key));
            return t;
        }
    }
}
