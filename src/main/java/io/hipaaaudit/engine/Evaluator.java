package io.hipaaaudit.engine;

import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelVariableResolver;
import io.hipaaaudit.findings.Finding;
import io.hipaaaudit.findings.ResourceRef;
import io.hipaaaudit.findings.Status;
import io.hipaaaudit.inventory.CollectionError;
import io.hipaaaudit.inventory.Inventory;
import io.hipaaaudit.rules.expr.CelSupport;
import io.hipaaaudit.rules.expr.FactPaths;
import io.hipaaaudit.inventory.aws.ChangeTarget;
import io.hipaaaudit.policy.DbPolicy;
import io.hipaaaudit.rules.Rule;
import io.hipaaaudit.rules.RulePack;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Evaluates every rule on every resource of its type and returns one finding per (rule, resource), passing ones
 * included, in a deterministic order. Fail closed: a resource whose data (or the data the rule {@code requires})
 * was not collected is NOT_ASSESSED; a condition that cannot be evaluated is NOT_ASSESSED; a rule whose resource
 * type could not be listed in some scope gets a NOT_ASSESSED finding for that scope; NOT_APPLICABLE only when
 * the scope was observed and holds nothing the rule applies to.
 */
public final class Evaluator {
    private final Inventory inventory;
    private final Map<String, List<ResourceView>> views;
    private final Environments environments;
    private final Optional<Instant> now;
    private final Attribution attribution;

    public Evaluator(Inventory inventory, Environments environments) {
        this(inventory, environments, Optional.empty());
    }

    public Evaluator(Inventory inventory, Environments environments, Optional<DbPolicy> dbPolicy) {
        this(inventory, Views.build(inventory, environments, dbPolicy), environments);
    }

    private Evaluator(Inventory inventory, Map<String, List<ResourceView>> views, Environments environments) {
        this.inventory = inventory;
        this.views = inOrder(views);
        this.environments = environments;
        this.now = inventory.finishedAt().or(inventory::startedAt);
        this.attribution = new Attribution(inventory);
    }

    /**
     * The views of each type in the order of their findings (account, region, type, id; stable, so two views under
     * one reference keep theirs): a rule's findings then come out of evaluation nearly sorted, and sorting them
     * costs a pass instead of a sort.
     */
    private static Map<String, List<ResourceView>> inOrder(Map<String, List<ResourceView>> views) {
        java.util.Comparator<ResourceView> byRef = java.util.Comparator.comparing(ResourceView::ref, ResourceRef.ORDER);
        Map<String, List<ResourceView>> out = new LinkedHashMap<>();
        views.forEach((type, list) -> out.put(type, list.stream().sorted(byRef).toList()));
        return out;
    }

    /** The inventory evaluated. */
    public Inventory inventory() {
        return inventory;
    }

    /**
     * The same evaluation with CloudTrail change histories added to the inventory: the resource views (and the
     * analyses behind them) are shared, since a change history adds evidence to a FAIL and never changes a fact.
     */
    public Evaluator withResourceChanges(List<io.hipaaaudit.inventory.aws.ResourceChanges> changes) {
        return new Evaluator(inventory.withResourceChanges(changes), views, environments);
    }

    /**
     * The resource names (account, region, name) whose CloudTrail changes would explain a FAIL found by the
     * evaluations so far and that the inventory does not hold yet: what a live scan looks up before its final
     * evaluation.
     */
    public List<ChangeTarget> attributionTargets() {
        return attribution.wanted().stream()
                .sorted(java.util.Comparator.comparing(ChangeTarget::account).thenComparing(ChangeTarget::region)
                        .thenComparing(ChangeTarget::resourceName))
                .toList();
    }

    /** The tags of every resource evaluated that has any, by its reference (for tag-scoped waivers). */
    public Map<ResourceRef, Map<String, String>> tags() {
        Map<ResourceRef, Map<String, String>> out = new LinkedHashMap<>();
        for (List<ResourceView> list : views.values()) {
            for (ResourceView v : list) {
                if (v.facts().get("tags") instanceof Map<?, ?> m && !m.isEmpty()) {
                    Map<String, String> t = new LinkedHashMap<>();
                    m.forEach((k, val) -> t.put(String.valueOf(k), String.valueOf(val)));
                    out.put(v.ref(), t);
                }
            }
        }
        return out;
    }

    /**
     * {@code findings} (this pack's, evaluated before the change history was added) with each FAIL evaluated again
     * on this evaluator, which has the history: the same list as evaluating the whole pack again, since a change
     * history adds evidence to a FAIL and never changes a fact, a verdict or any other finding.
     */
    public List<Finding> reevaluateFailures(List<Finding> findings, RulePack pack) {
        Map<String, Rule> rules = new java.util.HashMap<>();
        pack.rules().forEach(r -> rules.put(r.id(), r));
        Map<ResourceRef, ResourceView> byRef = new java.util.HashMap<>();
        boolean ambiguous = false;
        for (List<ResourceView> list : views.values()) {
            for (ResourceView v : list) {
                ambiguous |= byRef.put(v.ref(), v) != null;
            }
        }
        if (ambiguous) {
            return evaluate(pack); // two resources under one reference: no way to tell whose finding is whose
        }
        return findings.stream().map(f -> {
            Rule rule = rules.get(f.ruleId());
            ResourceView view = byRef.get(f.resource());
            return f.status() == Status.FAIL && rule != null && view != null ? evaluate(rule, view) : f;
        }).toList();
    }

    /** Resources a task evaluates every rule of their type on, in {@link #evaluate(RulePack)}. */
    private static final int CHUNK = 256;

    /**
     * Every rule of the pack on every resource of its type, sorted by {@link Finding#ORDER}: the findings of
     * {@link #evaluate(Rule)} for each rule. Evaluated resource by resource (every rule of a type on one resource,
     * then the next), in parallel chunks of resources: a resource's facts are read by all its rules while they are
     * in the processor's cache, instead of the whole inventory being walked once per rule.
     */
    public List<Finding> evaluate(RulePack pack) {
        List<Rule> rules = pack.rules();
        Map<String, List<Integer>> rulesOfType = new LinkedHashMap<>();
        for (int i = 0; i < rules.size(); i++) {
            rulesOfType.computeIfAbsent(rules.get(i).resourceType(), t -> new ArrayList<>()).add(i);
        }
        Finding[][] verdicts = new Finding[rules.size()][];
        List<Runnable> chunks = new ArrayList<>();
        for (Map.Entry<String, List<Integer>> type : rulesOfType.entrySet()) {
            List<ResourceView> resources = views.getOrDefault(type.getKey(), List.of());
            int[] indexes = type.getValue().stream().mapToInt(Integer::intValue).toArray();
            for (int i : indexes) {
                verdicts[i] = new Finding[resources.size()];
            }
            for (int from = 0; from < resources.size(); from += CHUNK) {
                int start = from;
                int end = Math.min(resources.size(), from + CHUNK);
                chunks.add(() -> {
                    for (int k = start; k < end; k++) {
                        ResourceView r = resources.get(k);
                        for (int i : indexes) {
                            verdicts[i][k] = evaluate(rules.get(i), r);
                        }
                    }
                });
            }
        }
        chunks.parallelStream().forEach(Runnable::run);
        // The rules in id order (stable: two rules with one id keep the pack's order), each rule's findings in
        // its views' order: the list is then sorted but for the few scope findings, and the sort costs about a pass.
        Integer[] byId = java.util.stream.IntStream.range(0, rules.size()).boxed().toArray(Integer[]::new);
        Arrays.sort(byId, java.util.Comparator.comparing(i -> rules.get(i).id()));
        return Arrays.stream(byId)
                .flatMap(i -> findings(rules.get(i), Arrays.asList(verdicts[i])).stream())
                .sorted(Finding.ORDER)
                .toList();
    }

    public List<Finding> evaluate(Rule rule) {
        List<ResourceView> resources = views.getOrDefault(rule.resourceType(), List.of());
        return findings(rule, resources.stream().map(r -> evaluate(rule, r)).toList());
    }

    /**
     * A rule's findings: one NOT_ASSESSED per scope its resource type could not be listed in, then one per
     * resource ({@code perResource}, in the views' order), or NOT_APPLICABLE when the scope was observed and holds
     * none.
     */
    private List<Finding> findings(Rule rule, List<Finding> perResource) {
        List<Finding> out = new ArrayList<>();
        List<CollectionError> typeErrors = inventory.collectionErrors().stream()
                .filter(e -> !e.perResource())
                .filter(e -> e.resourceTypes().contains(rule.resourceType()) || e.resourceTypes().contains("*"))
                .toList();
        for (CollectionError e : typeErrors) {
            ResourceRef scope = new ResourceRef(rule.resourceType(), e.database().map(d -> d + "/*").orElse("*"), "",
                    e.account().orElse(""), e.region().orElse(""));
            String why = e.code().equals(io.hipaaaudit.inventory.InventoryJson.NOT_IN_SNAPSHOT)
                    ? "not observed: the snapshot has no " + e.operation().substring(e.operation().indexOf(':') + 1)
                            + " list (" + e.code() + ")"
                    : "could not list " + rule.resourceType() + " here: " + e.operation() + " failed (" + e.code() + ")";
            out.add(Findings.of(rule, scope, Status.NOT_ASSESSED, why, Findings.errorEvidence(List.of(e))));
        }
        out.addAll(perResource);
        if (perResource.isEmpty() && typeErrors.isEmpty()) {
            out.add(Findings.of(rule, new ResourceRef(rule.resourceType(), "*", "", "", ""), Status.NOT_APPLICABLE,
                    "no " + rule.resourceType() + " in the scanned scope", Map.of()));
        }
        return out;
    }

    private Finding evaluate(Rule rule, ResourceView r) {
        List<CollectionError> missing = missingData(rule, r);
        if (!missing.isEmpty()) {
            return Findings.of(rule, r.ref(), Status.NOT_ASSESSED,
                    "not assessed: data for this resource was not fully collected ("
                            + missing.get(0).operation() + ": " + missing.get(0).code() + ")",
                    Findings.errorEvidence(missing));
        }
        List<CollectionError> environmentUnknown = r.unknown().getOrDefault("environment", List.of());
        if (!environmentUnknown.isEmpty() && Environments.perEnvironment(rule)) {
            CollectionError e = environmentUnknown.get(0);
            return Findings.of(rule, r.ref(), Status.NOT_ASSESSED, "not assessed: the environment of " + r.id()
                    + " is unknown: " + e.operation() + " failed (" + e.code() + ")",
                    Findings.errorEvidence(environmentUnknown));
        }
        Optional<Map<String, Object>> forEnvironment = environments.paramsFor(rule, r.environment());
        if (forEnvironment.isEmpty()) {
            if (notApplicableWithoutParams(rule, r)) {
                return Findings.of(rule, r.ref(), Status.NOT_APPLICABLE, "not applicable to this resource",
                        Map.of());
            }
            return Findings.of(rule, r.ref(), Status.NOT_ASSESSED, Environments.undefinedMessage(rule, r.environment()),
                    Environments.undefinedEvidence(rule, r.environment()));
        }
        Map<String, Object> params = forEnvironment.get();
        CelVariableResolver vars = variables(r, Optional.of(params));
        Map<String, Object> evidence = Map.of();
        try {
            if (rule.appliesIf().isPresent()) {
                Optional<Finding> unknown = unknownRead(rule, r, rule.appliesIf().get(), params);
                if (unknown.isPresent()) {
                    return unknown.get();
                }
                if (!Boolean.TRUE.equals(rule.appliesIf().get().eval(r.facts(), vars))) {
                    String msg = rule.notApplicableMessage().map(t -> t.render(r.facts(), vars))
                            .orElse("not applicable to this resource");
                    return Findings.of(rule, r.ref(), Status.NOT_APPLICABLE, msg, paramEvidence(params, r));
                }
            }
            Optional<Finding> unknown = unknownRead(rule, r, rule.condition(), params);
            if (unknown.isPresent()) {
                return unknown.get();
            }
            evidence = evidence(rule, vars, params, r);
            Object verdict = rule.condition().eval(r.facts(), vars);
            if (!(verdict instanceof Boolean passed)) {
                return Findings.of(rule, r.ref(), Status.NOT_ASSESSED,
                        "not assessed: the rule's condition returned " + verdict + ", not a boolean", evidence);
            }
            if (passed) {
                String msg = rule.passMessage().map(t -> t.render(r.facts(), vars)).orElse(rule.file().title());
                return Findings.of(rule, r.ref(), Status.PASS, msg, evidence);
            }
            String message = rule.message().render(r.facts(), vars);
            return Findings.of(rule, severity(rule, r, vars), r.ref(), Status.FAIL, message,
                    attributed(rule, r, vars, evidence));
        } catch (CelEvaluationException | RuntimeException e) {
            Map<String, Object> withError = new LinkedHashMap<>(evidence.isEmpty() ? evidence(rule, vars, params, r) : evidence);
            String why = CelSupport.overBudget(e)
                    ? "the rule's expression used up its evaluation budget of " + CelSupport.ITERATION_BUDGET
                            + " iterations on this resource"
                    : unobserved(e).map(k -> "the fact '" + k + "' was not observed for this resource")
                            .orElse(Findings.celError(e));
            withError.put("evaluationError", why);
            return Findings.of(rule, r.ref(), Status.NOT_ASSESSED, "not assessed: " + why, withError);
        }
    }

    /** The variables an expression sees: the resource's facts, the rule's parameters (when known), env and now. */
    private CelVariableResolver variables(ResourceView r, Optional<Map<String, Object>> params) {
        return name -> switch (name) {
            case "resource" -> Optional.of(r.facts());
            case "params" -> params.map(p -> (Object) p);
            case "env" -> Optional.of(r.environment().name());
            case "now" -> now.map(n -> (Object) n);
            default -> Optional.empty();
        };
    }

    /**
     * Whether {@code applies_if} rules the resource out without the parameters an undefined environment lacks: a
     * cluster member is outside an instance rule whatever its environment. An {@code applies_if} that reads a
     * parameter or an unknown fact decides nothing here.
     */
    private boolean notApplicableWithoutParams(Rule rule, ResourceView r) {
        if (rule.appliesIf().isEmpty() || unknownRead(rule, r, rule.appliesIf().get(), Map.of()).isPresent()) {
            return false;
        }
        CelVariableResolver vars = variables(r, Optional.empty());
        try {
            return Boolean.FALSE.equals(rule.appliesIf().get().eval(r.facts(), vars));
        } catch (CelEvaluationException | RuntimeException e) {
            return false;
        }
    }

    /**
     * A NOT_ASSESSED finding when the expression reads a fact that is unknown for this resource, naming the fact
     * and the call that left it unknown; empty when every fact it reads is known.
     */
    private static Optional<Finding> unknownRead(Rule rule, ResourceView r, CelSupport.Compiled expr,
                                                 Map<String, Object> params) {
        if (r.unknown().isEmpty()) {
            return Optional.empty();
        }
        for (FactPaths.Read read : expr.reads()) {
            for (Map.Entry<String, List<CollectionError>> u : r.unknown().entrySet()) {
                if (overlaps(read, u.getKey())) {
                    CollectionError e = u.getValue().get(0);
                    String fact = u.getKey().isEmpty() ? "every fact of " + r.id() : u.getKey();
                    String message = "not assessed: " + fact + " is unknown: " + e.operation() + " failed ("
                            + e.code() + (e.message().isEmpty() ? "" : ": " + e.message()) + ")";
                    Map<String, Object> evidence = new LinkedHashMap<>(Findings.errorEvidence(u.getValue()));
                    evidence.put("unknownFacts", r.unknown().keySet().stream().sorted().toList());
                    evidence.putAll(paramEvidence(params, r));
                    return Optional.of(Findings.of(rule, r.ref(), Status.NOT_ASSESSED, message, evidence));
                }
            }
        }
        return Optional.empty();
    }

    /** A read depends on an unknown fact when one path contains the other (a presence test only on itself or below). */
    static boolean overlaps(FactPaths.Read read, String unknown) {
        String p = read.path();
        if (unknown.isEmpty() || p.isEmpty() || p.equals(unknown) || p.startsWith(unknown + ".")) {
            return true;
        }
        return !read.presenceOnly() && unknown.startsWith(p + ".");
    }

    private static final java.util.regex.Pattern MISSING_KEY = java.util.regex.Pattern.compile("key '([^']+)' is not present in map");

    /** The fact a CEL "key is not present" error names, if that is the error. */
    private static Optional<String> unobserved(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null) {
                java.util.regex.Matcher m = MISSING_KEY.matcher(t.getMessage());
                if (m.find()) {
                    return Optional.of(m.group(1));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * A failing finding's severity: the rule's, or its {@code escalate.to} when {@code escalate.when} holds. When
     * that cannot be told (a fact it reads is unknown), the higher severity: the failure is certain, its reach is not.
     */
    private static io.hipaaaudit.findings.Severity severity(Rule rule, ResourceView r, CelVariableResolver vars) {
        if (rule.escalateWhen().isEmpty()) {
            return rule.severity();
        }
        io.hipaaaudit.findings.Severity up = rule.file().escalate().orElseThrow().to();
        for (FactPaths.Read read : rule.escalateWhen().get().reads()) {
            if (r.unknown().keySet().stream().anyMatch(u -> overlaps(read, u))) {
                return up;
            }
        }
        try {
            return Boolean.FALSE.equals(rule.escalateWhen().get().eval(r.facts(), vars)) ? rule.severity() : up;
        } catch (CelEvaluationException | RuntimeException e) {
            return up;
        }
    }

    /** The evidence of a FAIL with its change history; attribution adds evidence, it never changes a verdict. */
    private Map<String, Object> attributed(Rule rule, ResourceView r, CelVariableResolver vars,
                                           Map<String, Object> evidence) {
        Map<String, Object> failed = new LinkedHashMap<>(evidence);
        try {
            attribution.attach(rule, r, vars, failed);
            return failed;
        } catch (RuntimeException e) {
            Map<String, Object> plain = new LinkedHashMap<>(evidence);
            plain.put("changesUnavailable", List.of("the recorded change history could not be read: " + e.getMessage()));
            return plain;
        }
    }

    /** Collection errors that leave this resource's data, or data the rule requires, unknown. */
    private List<CollectionError> missingData(Rule rule, ResourceView r) {
        if (inventory.collectionErrors().isEmpty()) {
            return List.of();
        }
        List<CollectionError> out = new ArrayList<>();
        for (CollectionError e : inventory.collectionErrors()) {
            boolean covered = e.covers(rule.resourceType(), r.account(), r.region(), r.scope());
            for (String required : rule.file().requires()) {
                covered = covered || e.covers(required, r.account(), r.region(), r.scope());
            }
            if (covered) {
                out.add(e);
            }
        }
        return out;
    }

    private static Map<String, Object> evidence(Rule rule, CelVariableResolver vars, Map<String, Object> params,
                                                ResourceView r) {
        Map<String, Object> out = new LinkedHashMap<>();
        rule.evidence().forEach((name, expr) -> {
            if (!r.unknown().isEmpty() && expr.reads().stream()
                    .anyMatch(read -> r.unknown().keySet().stream().anyMatch(u -> overlaps(read, u)))) {
                return;
            }
            try {
                out.put(name, expr.eval(r.facts(), vars));
            } catch (CelEvaluationException | RuntimeException e) {
                // An evidence value that was not observed is left out, never invented.
            }
        });
        out.putAll(paramEvidence(params, r));
        return out;
    }

    /** The parameters applied and the environment they were chosen for (and why), when the rule has parameters. */
    private static Map<String, Object> paramEvidence(Map<String, Object> params, ResourceView r) {
        if (params.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> out = Environments.evidence(r.environment());
        out.put("params", params);
        return out;
    }
}
