package io.hipaaaudit.collect.aws;

import io.hipaaaudit.inventory.CollectionError;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * One account × region being collected. {@link #call} runs one listing API (all its pages) and, when it fails,
 * records a collection error naming exactly the resource types that call leaves unknown, so the rest of the scan
 * goes on; {@link #callFor} does the same for a call about one resource, leaving only that resource's fields
 * unknown.
 */
record RegionScope(String account, String region, InventorySink sink) {

    <T> Optional<T> call(String operation, List<String> resourceTypes, Supplier<T> call) {
        try {
            return Optional.of(call.get());
        } catch (SdkException e) {
            sink.error(new CollectionError("aws", Optional.of(account), Optional.of(region), Optional.empty(),
                    operation, resourceTypes, Faults.code(e), Faults.message(e)));
            return Optional.empty();
        }
    }

    /**
     * Runs one call about one resource. When it fails, only that resource's {@code fields} are recorded as unknown
     * (every field when the list is empty): the other resources of its type, and the rules that read none of
     * those fields, are still judged.
     */
    <T> Optional<T> callFor(String operation, String type, String idOrArn, List<String> fields, Supplier<T> call) {
        try {
            return Optional.of(call.get());
        } catch (SdkException e) {
            sink.error(CollectionError.ofResource("aws", account, region, operation, type, idOrArn, fields,
                    Faults.code(e), Faults.message(e)));
            return Optional.empty();
        }
    }
}
