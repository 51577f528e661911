package io.hipaaaudit.collect.aws;

import io.hipaaaudit.inventory.CollectionError;
import io.hipaaaudit.inventory.aws.AwsResource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where the concurrent collectors put what they saw. Reading sorts by ARN then region (shadow trails share an
 * ARN), so the inventory does not depend on thread timing.
 */
final class InventorySink {
    private final Map<Class<?>, List<Object>> resources = new ConcurrentHashMap<>();
    private final List<CollectionError> errors = new ArrayList<>();

    <T extends AwsResource> void addAll(Class<T> type, Collection<? extends T> items) {
        List<Object> list = resources.computeIfAbsent(type, k -> new ArrayList<>());
        synchronized (list) {
            list.addAll(items);
        }
    }

    synchronized void error(CollectionError error) {
        errors.add(error);
    }

    <T extends AwsResource> List<T> get(Class<T> type) {
        List<Object> list = resources.getOrDefault(type, List.of());
        List<T> out = new ArrayList<>();
        synchronized (list) {
            list.forEach(item -> out.add(type.cast(item)));
        }
        out.sort(Comparator.comparing(AwsResource::arn).thenComparing(AwsResource::region));
        return out;
    }

    synchronized List<CollectionError> errors() {
        List<CollectionError> out = new ArrayList<>(errors);
        out.sort(Comparator.comparing((CollectionError e) -> e.region().orElse(""))
                .thenComparing(CollectionError::operation).thenComparing(e -> e.resource().orElse(""))
                .thenComparing(CollectionError::message));
        return out;
    }
}
