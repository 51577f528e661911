package io.hipaaaudit.waivers;

import io.hipaaaudit.config.WaiverSpec;
import io.hipaaaudit.findings.Finding;
import io.hipaaaudit.findings.ResourceRef;
import io.hipaaaudit.findings.Waiver;
import io.hipaaaudit.text.Glob;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** A waiver with its patterns compiled once; {@link #matches} is the whole resource-selection logic. */
record CompiledWaiver(WaiverSpec spec, Pattern rule, Optional<Pattern> arn, Optional<Pattern> arnRegex,
                      Optional<Pattern> id) {

    static CompiledWaiver of(WaiverSpec spec) {
        WaiverSpec.ResourcePattern r = spec.resource();
        return new CompiledWaiver(spec, Glob.compile(spec.rule()), r.arn().map(Glob::compile),
                r.arnRegex().map(Pattern::compile), r.id().map(Glob::compile));
    }

    boolean matches(Finding f, Map<String, String> tags) {
        ResourceRef ref = f.resource();
        WaiverSpec.ResourcePattern r = spec.resource();
        return rule.matcher(f.ruleId()).matches()
                && arn.map(p -> p.matcher(ref.arn()).matches()).orElse(true)
                && arnRegex.map(p -> p.matcher(ref.arn()).matches()).orElse(true)
                && id.map(p -> p.matcher(ref.id()).matches()).orElse(true)
                && r.type().map(ref.type()::equals).orElse(true)
                && r.account().map(ref.account()::equals).orElse(true)
                && r.region().map(ref.region()::equals).orElse(true)
                && r.tags().entrySet().stream().allMatch(t -> t.getValue().equals(tags.get(t.getKey())));
    }

    /** In force on {@code today}: the expiry date is the last day the waiver applies. */
    boolean activeOn(LocalDate today) {
        return !today.isAfter(spec.expires());
    }

    Waiver toWaiver() {
        return new Waiver(spec.id(), spec.justification(), spec.approvedBy(), spec.expires());
    }
}
