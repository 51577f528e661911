package io.hipaaaudit.inventory.facts;

import java.util.List;

/**
 * One fact of a resource type as declared once for rules, the engine and the documentation.
 *
 * @param name      the field name rules read, e.g. {@code rotationEnabled} in {@code resource.rotationEnabled}
 * @param type      its type
 * @param doc       what it means
 * @param source    the API call or catalog query that fills it, or the analysis that derives it
 * @param from      for a derived fact, the resource types it is computed from: when a listing of one of them
 *                  failed in the resource's scope, the fact is unknown if it is absent, or always when it is an
 *                  {@code aggregate}
 * @param aggregate true when the fact gathers every resource of its {@code from} types (the keys' users, the
 *                  account's trails): a failed listing leaves it incomplete even when it is present
 * @param needs     for a derived fact, the fields of the same resource it is computed from: when one of them is
 *                  unknown and the fact is absent, it is unknown for the same reason
 * @param through   for an aggregate, the fields of its {@code from} resources it is computed through (a key's
 *                  users: their key id): when a per-resource error leaves one of them, or the whole resource,
 *                  unknown for a resource in the same account and region, the aggregate is incomplete there too
 */
public record Fact(String name, FactType type, String doc, String source, List<String> from, boolean aggregate,
                   List<String> needs, List<String> through) {
    public Fact {
        doc = doc == null ? "" : doc.strip();
        source = source == null ? "" : source.strip();
        from = from == null ? List.of() : List.copyOf(from);
        needs = needs == null ? List.of() : List.copyOf(needs);
        through = through == null ? List.of() : List.copyOf(through);
    }

    public Fact(String name, FactType type, String doc, String source, List<String> from, boolean aggregate) {
        this(name, type, doc, source, from, aggregate, List.of(), List.of());
    }

    public boolean derived() {
        return !from.isEmpty();
    }
}
