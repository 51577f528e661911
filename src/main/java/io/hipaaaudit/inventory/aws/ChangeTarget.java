package io.hipaaaudit.inventory.aws;

/**
 * A resource name in one account and region, as CloudTrail's LookupEvents takes it: what a failing finding asks
 * the change history for, and the key of the {@link ResourceChanges} that answers.
 */
public record ChangeTarget(String account, String region, String resourceName) {
    public static ChangeTarget of(ResourceChanges c) {
        return new ChangeTarget(c.account(), c.region(), c.resourceName());
    }
}
