package io.hipaaaudit.waivers;

import io.hipaaaudit.config.ConfigSource;
import io.hipaaaudit.config.WaiverSpec;
import io.hipaaaudit.findings.Finding;
import io.hipaaaudit.findings.FindingsDocument;
import io.hipaaaudit.findings.Status;
import io.hipaaaudit.rules.RulePack;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.PatternSyntaxException;

/**
 * Applies the configured waivers to a scan's findings. Only a FAIL can be waived: a waiver never hides a
 * NOT_ASSESSED (missing data is not an accepted risk) and has nothing to do on a PASS. The first matching waiver
 * in file order wins. An expired waiver no longer applies; the finding stays FAIL and says which waiver expired
 * and when. Waivers that matched no failing finding are reported so they can be removed.
 */
public final class Waivers {
    private final List<CompiledWaiver> waivers;

    private Waivers(List<CompiledWaiver> waivers) {
        this.waivers = waivers;
    }

    /** Compiles and checks waivers: ids unique, rule patterns naming existing rules, regexes valid. */
    public static Waivers compile(List<WaiverSpec> specs, RulePack pack, ConfigSource source) {
        List<CompiledWaiver> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < specs.size(); i++) {
            WaiverSpec spec = specs.get(i);
            if (!ids.add(spec.id())) {
                throw source.error(List.of("waivers", i, "id"), "waivers[" + i + "].id: duplicate waiver id '" + spec.id() + "'");
            }
            CompiledWaiver w;
            try {
                w = CompiledWaiver.of(spec);
            } catch (PatternSyntaxException e) {
                throw source.error(List.of("waivers", i, "resource", "arn_regex"), "waivers[" + i
                        + "].resource.arn_regex: not a valid regular expression: " + e.getDescription());
            }
            if (pack.rules().stream().noneMatch(r -> w.rule().matcher(r.id()).matches())) {
                throw source.error(List.of("waivers", i, "rule"), "waivers[" + i + "].rule: unknown rule id '"
                        + spec.rule() + "'" + (spec.rule().contains("*") || spec.rule().contains("?")
                        ? " (the pattern matches no rule)" : ""));
            }
            out.add(w);
        }
        return new Waivers(List.copyOf(out));
    }

    public static Waivers none() {
        return new Waivers(List.of());
    }

    public boolean isEmpty() {
        return waivers.isEmpty();
    }

    public WaiverOutcome apply(FindingsDocument doc, ResourceTags tags, LocalDate today) {
        if (waivers.isEmpty()) {
            return new WaiverOutcome(doc, List.of(), List.of(), List.of());
        }
        Set<String> used = new LinkedHashSet<>();
        Map<String, Integer> applied = new LinkedHashMap<>();
        List<Finding> expired = new ArrayList<>();
        List<Finding> out = new ArrayList<>();
        for (Finding f : doc.findings()) {
            Optional<CompiledWaiver> hit = f.status() == Status.FAIL
                    ? waivers.stream().filter(w -> w.matches(f, tags.of(f.resource()))).findFirst() : Optional.empty();
            if (hit.isEmpty()) {
                out.add(f);
                continue;
            }
            CompiledWaiver w = hit.get();
            used.add(w.spec().id());
            if (w.activeOn(today)) {
                applied.merge(w.spec().id(), 1, Integer::sum);
                out.add(f.withStatus(Status.WAIVED, Optional.of(w.toWaiver())));
            } else {
                Finding e = ExpiredWaiver.mark(f, w);
                expired.add(e);
                out.add(e);
            }
        }
        List<String> unused = waivers.stream().map(w -> w.spec().id()).filter(id -> !used.contains(id)).toList();
        FindingsDocument waived = new FindingsDocument(doc.scan().withWaivers(io.hipaaaudit.findings.Status.counts(out), unused), out,
                doc.tags());
        return new WaiverOutcome(waived, List.copyOf(applied.keySet()), expired, unused);
    }
}
