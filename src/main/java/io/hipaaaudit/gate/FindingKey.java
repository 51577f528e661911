package io.hipaaaudit.gate;

import io.hipaaaudit.findings.Finding;

/** What makes two findings of different scans "the same": the rule and the resource (type, id, account, region). */
public record FindingKey(String ruleId, String type, String id, String account, String region) {
    public static FindingKey of(Finding f) {
        return new FindingKey(f.ruleId(), f.resource().type(), f.resource().id(), f.resource().account(),
                f.resource().region());
    }
}
