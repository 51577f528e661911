package io.hipaaaudit.report;

import io.hipaaaudit.findings.Finding;
import io.hipaaaudit.findings.ResourceRef;
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

    /** The resource's most specific identifier: its ARN (or database locator), else type and id. */
    static String resourceUid(ResourceRef r) {
        return r.arn().isEmpty() ? r.type() + ":" + r.id() : r.arn();
    }

    /**
     * The partition of an ARN ({@code aws}, {@code aws-cn}, {@code aws-us-gov}); without an ARN, the partition of
     * the region (cn-*, us-gov-*), else {@code aws}.
     */
    static String partition(ResourceRef r) {
        String[] parts = r.arn().split(":", 3);
        if (parts.length == 3 && parts[0].equals("arn") && !parts[1].isEmpty()) {
            return parts[1];
        }
        if (r.region().startsWith("cn-")) {
            return "aws-cn";
        }
        return r.region().startsWith("us-gov-") ? "aws-us-gov" : "aws";
    }
}
