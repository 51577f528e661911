package io.hipaaaudit.scan.drift;

import io.hipaaaudit.findings.Finding;
import io.hipaaaudit.inventory.CollectionError;
import io.hipaaaudit.inventory.Inventory;
import io.hipaaaudit.rules.Rule;
import io.hipaaaudit.rules.RulePack;
import io.hipaaaudit.rules.expr.FactPaths;
import io.hipaaaudit.findings.Status;
import io.hipaaaudit.scan.ScanRequest;
import io.hipaaaudit.scan.ScanResult;
import io.hipaaaudit.scan.Scanner;
import io.hipaaaudit.scan.Source;
import io.hipaaaudit.template.TemplateSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What was planned against what is deployed: the rule pack runs on the templates and on the account through the
 * same {@link Scanner}, the resources are paired ({@link Pairing}), and for every paired resource each rule's two
 * verdicts are compared. A rule NOT_ASSESSED on either side is reported as such, never as drift or agreement; a
 * rule that the template cannot judge before deploy (NOT_APPLICABLE "before deploy") is not compared.
 */
public final class Drift {
    private Drift() {}

    /**
     * Runs both scans and compares them. {@code planned} must have a {@link Source.Template} source; both requests
     * should carry the same rule pack, environments and waivers.
     */
    public static DriftReport run(ScanRequest planned, ScanRequest deployed) {
        if (!(planned.source() instanceof Source.Template template)) {
            throw new IllegalArgumentException("the planned side of drift is a template");
        }
        ScanResult plan = Scanner.run(planned);
        ScanResult account = Scanner.run(deployed);
        // where each resource is declared (stack, file, line, explicit name): read again, it is not evaluated twice
        TemplateSource.Loaded loaded = TemplateSource.load(template.paths(), template.parameters(), template.region(),
                template.account(), Instant.EPOCH);
        return compare(plan, loaded, template.account(), account, planned.pack());
    }

    static DriftReport compare(ScanResult plan, TemplateSource.Loaded loaded, Optional<String> templateAccount,
                               ScanResult account, RulePack pack) {
        Map<String, Set<String>> afterDeploy = afterDeployFields(plan.inventory());
        Pairing.Result paired = new Pairing(loaded, templateAccount, account.inventory(),
                account.findings().scan().regions(), account.findings().scan().accounts()).pair(plan.inventory());
        Map<String, Map<String, Finding>> planned = byResource(plan.findings().findings());
        Map<String, Map<String, Finding>> deployed = byResource(account.findings().findings());
        List<DriftRow> drift = new ArrayList<>();
        List<DriftRow> notAssessed = new ArrayList<>();
        int agreeing = 0;
        int judgedAfter = 0;
        for (Pairing.Pair pair : paired.pairs()) {
            Map<String, Finding> p = planned.getOrDefault(pair.planned().key(), Map.of());
            Map<String, Finding> d = deployed.getOrDefault(pair.deployed().key(), Map.of());
            for (String rule : new TreeSet<>(union(p.keySet(), d.keySet()))) {
                Finding pf = p.get(rule);
                Finding df = d.get(rule);
                if (pf != null && judgedAfterDeploy(pf, afterDeploy.getOrDefault(pair.planned().key(), Set.of()),
                        pack)) {
                    judgedAfter++;
                    continue;
                }
                Status ps = pf == null ? Status.NOT_APPLICABLE : pf.status();
                Status ds = df == null ? Status.NOT_APPLICABLE : df.status();
                if (ps == Status.NOT_ASSESSED || ds == Status.NOT_ASSESSED) {
                    notAssessed.add(Rows.compared(DriftRow.Kind.NOT_ASSESSED, pair, pf, df));
                } else if (outcome(ps) == outcome(ds)) {
                    agreeing++;
                } else {
                    drift.add(Rows.compared(DriftRow.Kind.VERDICT_CHANGED, pair, pf, df));
                }
            }
        }
        paired.plannedOnly().forEach(l -> drift.add(Rows.plannedOnly(l)));
        paired.deployedOnly().forEach(l -> drift.add(Rows.deployedOnly(l)));
        List<DriftRow> notPaired = new ArrayList<>(paired.notPaired().stream().map(Rows::notPaired).toList());
        Comparator<DriftRow> order = Comparator.comparing((DriftRow r) -> nz(r.stack()))
                .thenComparing(r -> nz(r.logicalId())).thenComparing(r -> nz(r.type()))
                .thenComparing(r -> nz(r.deployedId())).thenComparing(r -> nz(r.ruleId()))
                .thenComparing(DriftRow::kind);
        drift.sort(order);
        notAssessed.sort(order);
        notPaired.sort(order);
        return new DriftReport(Sides.Side.of(plan.findings().scan()), Sides.Side.of(account.findings().scan()),
                new DriftReport.Summary(
                count(drift, DriftRow.Kind.VERDICT_CHANGED), count(drift, DriftRow.Kind.PLANNED_ONLY),
                count(drift, DriftRow.Kind.DEPLOYED_ONLY), notAssessed.size(), notPaired.size(),
                paired.pairs().size(), agreeing, judgedAfter), drift, notAssessed, notPaired);
    }

    /** A WAIVED finding failed: the waiver accepts the risk, it does not make the account match its plan. */
    private static Status outcome(Status s) {
        return s == Status.WAIVED ? Status.FAIL : s;
    }

    /**
     * NOT_APPLICABLE before deploy: the template cannot say what the running resource will show. That is a finding
     * the template scan turned NOT_APPLICABLE for a fact that exists only after deploy, or one whose rule reads such a
     * fact of its resource (its {@code applies_if} then excludes the resource the template says is being created).
     */
    private static boolean judgedAfterDeploy(Finding f, Set<String> afterDeployFields, RulePack pack) {
        if (f.status() != Status.NOT_APPLICABLE) {
            return false;
        }
        if (f.evidence().get("collectionErrors") instanceof List<?> errors && !errors.isEmpty()
                && errors.stream().allMatch(e -> e instanceof Map<?, ?> m
                && TemplateSource.AFTER_DEPLOY.equals(m.get("code")))) {
            return true;
        }
        Optional<Rule> rule = pack.find(f.ruleId());
        if (afterDeployFields.isEmpty() || rule.isEmpty()) {
            return false;
        }
        Set<FactPaths.Read> reads = new java.util.HashSet<>(rule.get().condition().reads());
        rule.get().appliesIf().ifPresent(a -> reads.addAll(a.reads()));
        return reads.stream().anyMatch(r -> afterDeployFields.contains(r.path().split("\\.")[0]));
    }

    /** Per planned resource key, the fields the template says exist only after deploy. */
    private static Map<String, Set<String>> afterDeployFields(Inventory planned) {
        Map<String, Set<String>> out = new HashMap<>();
        for (CollectionError e : planned.collectionErrors()) {
            if (TemplateSource.AFTER_DEPLOY.equals(e.code()) && e.resource().isPresent()) {
                for (String type : e.resourceTypes()) {
                    out.computeIfAbsent(Resource.key(type, e.account().orElse(""), e.region().orElse(""),
                            e.resource().get()), k -> new java.util.HashSet<>()).addAll(e.fields());
                }
            }
        }
        return out;
    }

    private static Map<String, Map<String, Finding>> byResource(List<Finding> findings) {
        Map<String, Map<String, Finding>> out = new HashMap<>();
        for (Finding f : findings) {
            String key = Resource.key(f.resource().type(), f.resource().account(), f.resource().region(),
                    f.resource().id());
            out.computeIfAbsent(key, k -> new HashMap<>()).put(f.ruleId(), f);
        }
        return out;
    }

    private static java.util.Set<String> union(java.util.Set<String> a, java.util.Set<String> b) {
        java.util.Set<String> out = new java.util.HashSet<>(a);
        out.addAll(b);
        return out;
    }

    private static int count(List<DriftRow> rows, DriftRow.Kind kind) {
        return (int) rows.stream().filter(r -> r.kind() == kind).count();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
