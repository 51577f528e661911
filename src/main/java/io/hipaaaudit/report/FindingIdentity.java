package io.hipaaaudit.report;

import io.hipaaaudit.findings.Finding;
import io.hipaaaudit.findings.ResourceRef;
import io.hipaaaudit.inventory.aws.Arns;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Identifiers derived from what a finding is about (rule, account, region, resource type and id), never from when
 * it was found, so the same rule on the same resource keeps its id across scans: Security Hub updates the finding
 * in place, an OCSF lake can group the events, Allure draws the resource's history. Name-based (MD5) UUIDs: they are
 * identities, not secrets.
 */
final class FindingIdentity {
    private FindingIdentity() {}

    /** The stable identity of the finding's rule and resource. */
    static UUID of(Finding f) {
        ResourceRef r = f.resource();
        return uuid(f.ruleId(), r.account(), r.region(), r.type(), r.id());
    }

    /** A name-based UUID of the parts; a NUL separator keeps ("a", "bc") and ("ab", "c") apart. */
    static UUID uuid(String... parts) {
        return UUID.nameUUIDFromBytes(String.join("\u0000", parts).getBytes(StandardCharsets.UTF_8));
    }

    /** The partition of the resource's ARN, else of its region: {@link Arns#partition(String, String)}. */
    static String partition(ResourceRef r) {
        return Arns.partition(r.arn(), r.region());
    }
}
