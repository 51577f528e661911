package io.hipaaaudit.collect.aws;

import io.hipaaaudit.inventory.CollectionError;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * One account × region being collected. {@link #call} runs one API (all its pages) and, when it fails, records a
 * collection error naming exactly the resource types that call leaves unknown, so the rest of the scan goes on.
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
}
