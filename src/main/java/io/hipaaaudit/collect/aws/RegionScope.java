package io.hipaaaudit.collect.aws;

import io.hipaaaudit.inventory.CollectionError;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * One account × region being collected. {@link #call} runs one listing API (all its pages) and, when it fails,
 * records a collection error naming exactly the resource types that call leaves unknown, so the rest of the scan
 * goes on; {@link #callFor} does the same for a call about one resource, leaving only that resource's fields
 * unknown. An answer that lacks a needed field ({@link MissingField}) is recorded the same way, with code
 * {@code MissingField}.
 */
record RegionScope(String account, String region, InventorySink sink) {

    <T> Optional<T> call(String operation, List<String> resourceTypes, Supplier<T> call) {
        try {
            return Optional.of(call.get());
        } catch (SdkException e) {
            sink.error(listing(operation, resourceTypes, Faults.code(e), Faults.message(e)));
        } catch (MissingField e) {
            missingListing(operation, resourceTypes, e.field());
        }
        return Optional.empty();
    }

    /**
     * Runs one listing and maps its items; an item without its identity ({@code idField} as the API spells it)
     * is left out and leaves the types incomplete here (see {@link #identified}).
     */
    <S, R> Optional<List<R>> list(String operation, List<String> resourceTypes, Supplier<List<S>> call,
                                  Function<S, String> id, String idField, Function<S, R> map) {
        return call(operation, resourceTypes, call).map(items -> identified(operation, resourceTypes, items, id,
                idField).stream().map(map).toList());
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
        } catch (MissingField e) {
            missing(operation, type, idOrArn, fields, e.field());
        }
        return Optional.empty();
    }

    /** Records that an answer about one resource lacks {@code field}: that resource's {@code fields} are unknown. */
    void missing(String operation, String type, String idOrArn, List<String> fields, String field) {
        sink.error(CollectionError.ofResource("aws", account, region, operation, type, idOrArn, fields,
                MissingField.CODE, MissingField.message(operation, field)));
    }

    /** Records that a listing lacks {@code field}: its types are incomplete in this region. */
    void missingListing(String operation, List<String> resourceTypes, String field) {
        sink.error(listing(operation, resourceTypes, MissingField.CODE, MissingField.message(operation, field)));
    }

    /**
     * The listed items that carry their identity. An item without one cannot be named, so it leaves its type
     * incomplete in this region (one listing error naming the field); the others are kept.
     */
    <T> List<T> identified(String operation, List<String> resourceTypes, List<T> items, Function<T, String> id,
                           String field) {
        List<T> out = new ArrayList<>(items.size());
        for (T item : items) {
            String value = id.apply(item);
            if (value != null && !value.isBlank()) {
                out.add(item);
            }
        }
        if (out.size() < items.size()) {
            missingListing(operation, resourceTypes, field);
        }
        return out;
    }

    private CollectionError listing(String operation, List<String> resourceTypes, String code, String message) {
        return new CollectionError("aws", Optional.of(account), Optional.of(region), Optional.empty(), operation,
                resourceTypes, code, message);
    }
}
