package io.hipaaaudit.collect.aws;

import io.hipaaaudit.engine.Environments;
import io.hipaaaudit.engine.Evaluator;
import io.hipaaaudit.findings.Finding;
import io.hipaaaudit.findings.Status;
import io.hipaaaudit.inventory.Inventory;
import io.hipaaaudit.rules.Rule;
import io.hipaaaudit.rules.RuleLoader;
import io.hipaaaudit.rules.RulePack;
import java.util.List;

/** The bundled rule pack over a collected inventory: the verdict one rule gives one resource. */
final class WireFindings {
    private static final RulePack PACK = RuleLoader.load(List.of());

    private WireFindings() {}

    static Status status(Inventory inventory, String ruleId, String resourceId) {
        Rule rule = PACK.rules().stream().filter(r -> r.id().equals(ruleId)).findFirst().orElseThrow();
        List<Finding> findings = new Evaluator(inventory, new Environments("prod", null)).evaluate(rule);
        return findings.stream().filter(f -> f.resource().id().equals(resourceId)).findFirst()
                .map(Finding::status)
                .orElseThrow(() -> new AssertionError(ruleId + " has no finding on " + resourceId + ": " + findings));
    }

    /** The fixture text of {@code aws-wire/us-east-1/<service>/<file>}, to serve an altered copy of it. */
    static String fixture(String service, String file) {
        return AwsWire.read(AwsWire.resource("aws-wire/us-east-1/" + service + "/" + file));
    }
}
