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
        return finding(inventory, ruleId, resourceId).status();
    }

    static Finding finding(Inventory inventory, String ruleId, String resourceId) {
        List<Finding> findings = findings(inventory, ruleId);
        return findings.stream().filter(f -> f.resource().id().equals(resourceId)).findFirst()
                .orElseThrow(() -> new AssertionError(ruleId + " has no finding on " + resourceId + ": " + findings));
    }

    static List<Finding> findings(Inventory inventory, String ruleId) {
        Rule rule = PACK.rules().stream().filter(r -> r.id().equals(ruleId)).findFirst().orElseThrow();
        return new Evaluator(inventory, new Environments("prod", null)).evaluate(rule);
    }

    /** The fixture text of {@code aws-wire/us-east-1/<service>/<file>}, to serve an altered copy of it. */
    static String fixture(String service, String file) {
        return AwsWire.read(AwsWire.resource("aws-wire/us-east-1/" + service + "/" + file));
    }
}
