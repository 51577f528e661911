package io.hipaaaudit.engine;

import io.hipaaaudit.inventory.CollectionError;
import io.hipaaaudit.inventory.Inventory;
import io.hipaaaudit.inventory.ResourceTypes;
import io.hipaaaudit.inventory.facts.Fact;
import io.hipaaaudit.inventory.facts.FactCatalog;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Which facts of each resource view are unknown, and why: the fields a failed per-resource call names (that
 * resource only), derived facts whose source types could not be listed in the resource's scope (when absent, or
 * always for an aggregate such as a key's users), and the facts of a related resource carried into this one (the
 * KMS key behind a database). Unknown top-level fields are removed from the facts, so no rule, message or
 * evidence reads a placeholder as an observation.
 */
final class UnknownFacts {
    private final Inventory inv;
    private final FactCatalog catalog;
    private final Map<String, List<CollectionError>> perResource = new HashMap<>();
    private final List<CollectionError> listings = new ArrayList<>();
    private final Map<String, io.hipaaaudit.inventory.aws.KmsKey> keysByArn = new HashMap<>();

    UnknownFacts(Inventory inv, FactCatalog catalog) {
        this.inv = inv;
        this.catalog = catalog;
        for (io.hipaaaudit.inventory.aws.KmsKey k : inv.kmsKeys()) {
            keysByArn.putIfAbsent(k.arn(), k);
        }
        for (CollectionError e : inv.collectionErrors()) {
            if (e.perResource()) {
                perResource.computeIfAbsent(e.resource().orElseThrow(), k -> new ArrayList<>()).add(e);
            } else {
                listings.add(e);
            }
        }
    }

    /** The per-resource errors about the resource of {@code type} known as {@code id} or {@code arn}. */
    List<CollectionError> about(String type, String id, String arn, String account, String region, String scope) {
        List<CollectionError> out = new ArrayList<>();
        for (String key : arn == null || arn.isEmpty() || arn.equals(id) ? List.of(id) : List.of(id, arn)) {
            for (CollectionError e : perResource.getOrDefault(key, List.of())) {
                if (e.concerns(type, id, arn, account, region, scope) && !out.contains(e)) {
                    out.add(e);
                }
            }
        }
        return out;
    }

    /**
     * The view with its unknown facts. {@code related} gives, for a fact holding another resource's summary
     * (e.g. {@code kmsKey}), the per-resource errors of that resource.
     */
    ResourceView apply(ResourceView v, BiFunction<ResourceView, String, List<CollectionError>> related) {
        Map<String, List<CollectionError>> unknown = new LinkedHashMap<>();
        v.unknown().forEach((fact, errors) -> unknown.put(fact, new ArrayList<>(errors)));
        for (CollectionError e : about(v.type(), v.id(), v.arn(), v.account(), v.region(), v.scope())) {
            if (e.fields().isEmpty()) {
                unknown.computeIfAbsent("", k -> new ArrayList<>()).add(e);
            }
            for (String field : e.fields()) {
                unknown.computeIfAbsent(field, k -> new ArrayList<>()).add(e);
                v.facts().remove(field);
            }
        }
        if (!ResourceTypes.ALL.contains(v.type())) {
            return v.withUnknown(unknown);
        }
        if (!unknown.isEmpty()) {
            needs("", v.facts(), catalog.of(v.type()).facts().fields(), Map.copyOf(unknown), unknown);
        }
        for (Fact f : catalog.of(v.type()).facts().fields().values()) {
            if (!f.derived() || (!f.aggregate() && v.facts().containsKey(f.name()))) {
                continue;
            }
            List<CollectionError> why = listings.stream()
                    .filter(e -> f.from().stream().anyMatch(t -> e.covers(t, v.account(), v.region(), v.scope())))
                    .toList();
            if (f.aggregate() && !f.through().isEmpty()) {
                why = new ArrayList<>(why);
                why.addAll(unknownSources(f, v));
            }
            if (!why.isEmpty()) {
                unknown.computeIfAbsent(f.name(), k -> new ArrayList<>()).addAll(why);
            }
        }
        if (v.facts().get("kmsKey") instanceof Map<?, ?> key) {
            for (CollectionError e : related.apply(v, String.valueOf(key.get("arn")))) {
                List<String> fields = e.fields().isEmpty() ? List.of("") : e.fields();
                for (String field : fields) {
                    String path = field.isEmpty() ? "kmsKey" : "kmsKey." + field;
                    unknown.computeIfAbsent(path, k -> new ArrayList<>()).add(e);
                    ((Map<?, ?>) key).remove(field);
                }
            }
        }
        return unknown.isEmpty() ? v : v.withUnknown(unknown);
    }

    /**
     * Derived facts (at any depth) that are absent because a field of the same resource they are computed from
     * is unknown: unknown for the same reason, so the message names the call that failed.
     */
    private static void needs(String prefix, Map<String, Object> facts, Map<String, Fact> declared,
                              Map<String, List<CollectionError>> fieldErrors, Map<String, List<CollectionError>> out) {
        for (Fact f : declared.values()) {
            Object value = facts.get(f.name());
            if (value == null) {
                List<CollectionError> why = f.needs().stream()
                        .flatMap(n -> fieldErrors.getOrDefault(n, List.of()).stream()).distinct().toList();
                if (!why.isEmpty()) {
                    out.computeIfAbsent(prefix + f.name(), k -> new ArrayList<>()).addAll(why);
                }
            } else if (value instanceof Map<?, ?> m && f.type().kind() == io.hipaaaudit.inventory.facts.FactType.Kind.OBJECT) {
                @SuppressWarnings("unchecked")
                Map<String, Object> nested = (Map<String, Object>) m;
                needs(prefix + f.name() + ".", nested, f.type().fields(), fieldErrors, out);
            }
        }
    }

    /**
     * Per-resource errors that leave a field an aggregate is computed through unknown (or the whole resource) for a
     * resource of one of its source types in the view's account and region: a bucket whose encryption could not be
     * read may be one of the key's users.
     */
    private List<CollectionError> unknownSources(Fact f, ResourceView v) {
        List<CollectionError> out = new ArrayList<>();
        for (List<CollectionError> errors : perResource.values()) {
            for (CollectionError e : errors) {
                boolean source = e.resourceTypes().stream().anyMatch(f.from()::contains);
                boolean here = e.account().map(a -> a.equals(v.account())).orElse(true)
                        && e.region().map(r -> r.equals(v.region())).orElse(true);
                boolean field = e.fields().isEmpty() || e.fields().stream().anyMatch(f.through()::contains);
                if (source && here && field && !out.contains(e)) {
                    out.add(e);
                }
            }
        }
        return out;
    }

    /** The per-resource errors of the KMS key with this ARN (the first key listed with it). */
    List<CollectionError> keyErrors(ResourceView user, String keyArn) {
        io.hipaaaudit.inventory.aws.KmsKey k = keyArn == null ? null : keysByArn.get(keyArn);
        return k == null ? List.of() : about(ResourceTypes.KMS_KEY, k.id(), k.arn(), k.account(), k.region(), "");
    }
}
