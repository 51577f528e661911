package io.hipaaaudit.collect.aws;

import io.hipaaaudit.inventory.Inventory;
import java.util.Map;

/**
 * The result of one AWS collection. {@code apiCalls} counts HTTP requests per action (e.g.
 * {@code ec2:DescribeSecurityGroups}), retries included, since that is what the service quotas see;
 * {@code retries} counts the subset that were retries, so {@code apiCalls - retries} is the number of pages read.
 */
public record AwsCollection(Inventory inventory, Map<String, Long> apiCalls, Map<String, Long> retries) {
    public AwsCollection {
        apiCalls = Map.copyOf(apiCalls);
        retries = Map.copyOf(retries);
    }
}
