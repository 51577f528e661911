package io.hipaaaudit.collect.aws;

import io.hipaaaudit.inventory.Inventory;
import io.hipaaaudit.inventory.aws.ChangeTarget;
import io.hipaaaudit.inventory.aws.ResourceChanges;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A finished AWS collection whose clients stay open for one more step: looking up who last changed the resources
 * that failed. The lookups go through the same credentials, call counter, rate limits and transport as the
 * collection, so a recorded scan holds them and its replay answers them. Close it when the scan is done.
 */
public interface AwsSession extends AutoCloseable {
    /** What was collected (without change histories). */
    Inventory inventory();

    /**
     * The CloudTrail change history of each of {@code targets} this session can look up (targets of accounts it
     * did not collect are skipped; on replay, lookups the bundle does not hold are left out), within the 90 days
     * before collection ended; the windows follow the recorded collection times, so a replay sends the same
     * requests. Asked with no target, it stops the history readers the session started (see
     * {@link AwsCollectorOptions#withChangeHistory}); they have all finished when this returns.
     */
    List<ResourceChanges> changes(Collection<ChangeTarget> targets);

    /** HTTP requests per action so far, retries included (see {@link AwsCollection}). */
    Map<String, Long> apiCalls();

    /** The retried subset of {@link #apiCalls()}. */
    Map<String, Long> retries();

    /**
     * The Security Hub of the collected account in {@code region}, through this session's clients; empty when the
     * session cannot call AWS (a saved inventory, a replay) or collected more than one account.
     */
    default java.util.Optional<SecurityHubFindings> securityHub(String region) {
        return java.util.Optional.empty();
    }

    /** The collection and the calls made so far. */
    default AwsCollection collection() {
        return new AwsCollection(inventory(), apiCalls(), retries());
    }

    @Override
    void close();

    /** A session that cannot look anything up: a saved inventory, or an account that could not be entered. */
    static AwsSession closed(AwsCollection collection) {
        return new AwsSession() {
            @Override
            public Inventory inventory() {
                return collection.inventory();
            }

            @Override
            public List<ResourceChanges> changes(Collection<ChangeTarget> targets) {
                return List.of();
            }

            @Override
            public Map<String, Long> apiCalls() {
                return collection.apiCalls();
            }

            @Override
            public Map<String, Long> retries() {
                return collection.retries();
            }

            @Override
            public void close() {}
        };
    }
}
