package io.hipaaaudit.scan.drift;

import io.hipaaaudit.findings.Finding;
import io.hipaaaudit.template.TemplateSource;
import java.util.Optional;

/** Builds the lines of a drift report from pairs, lone resources and findings. */
final class Rows {
    private Rows() {}

    static DriftRow compared(DriftRow.Kind kind, Pairing.Pair pair, Finding planned, Finding deployed) {
        Finding any = planned != null ? planned : deployed;
        Resource d = pair.deployed();
        return new DriftRow(kind, pair.planned().record().account(), pair.planned().record().id(),
                pair.planned().type(), type(pair.at()), template(pair.at()), d.record().id(), d.record().arn(),
                d.record().account(), d.record().region(), pair.by(), any.ruleId(), any.severity().label(),
                verdict(planned), verdict(deployed), null);
    }

    static DriftRow plannedOnly(Pairing.Lone lone) {
        Resource p = lone.planned().orElseThrow();
        return new DriftRow(DriftRow.Kind.PLANNED_ONLY, p.record().account(), p.record().id(), p.type(),
                type(lone.at()), template(lone.at()), null, null, null, p.record().region(), null, null, null, null,
                null, null);
    }

    static DriftRow deployedOnly(Pairing.Lone lone) {
        Resource d = lone.deployed().orElseThrow();
        String[] tags = d.cloudformationTags().orElseThrow();
        return new DriftRow(DriftRow.Kind.DEPLOYED_ONLY, tags[0], tags[1], d.type(), null, null, d.record().id(),
                d.record().arn(), d.record().account(), d.record().region(), "tags", null, null, null, null, null);
    }

    static DriftRow notPaired(Pairing.Unpaired u) {
        if (u.planned().isPresent()) {
            Resource p = u.planned().get();
            return new DriftRow(DriftRow.Kind.NOT_PAIRED, p.record().account(), p.record().id(), p.type(),
                    type(u.at()), template(u.at()), null, null, null, p.record().region(), null, null, null, null,
                    null, u.reason());
        }
        Resource d = u.deployed().orElseThrow();
        String[] tags = d.cloudformationTags().orElse(new String[] {null, null});
        return new DriftRow(DriftRow.Kind.NOT_PAIRED, tags[0], tags[1], d.type(), null, null, d.record().id(),
                d.record().arn(), d.record().account(), d.record().region(), null, null, null, null, null,
                u.reason());
    }

    private static DriftRow.Verdict verdict(Finding f) {
        return f == null ? new DriftRow.Verdict("NOT_APPLICABLE", "the rule does not judge this resource here")
                : new DriftRow.Verdict(f.status().name(), f.message());
    }

    private static String type(Optional<TemplateSource.Location> at) {
        return at.map(TemplateSource.Location::type).orElse(null);
    }

    private static String template(Optional<TemplateSource.Location> at) {
        return at.map(l -> l.file() + ":" + l.line()).orElse(null);
    }
}
