package io.hipaaaudit.engine;

import io.hipaaaudit.findings.ResourceRef;
import io.hipaaaudit.inventory.CollectionError;
import java.util.List;
import java.util.Map;

/**
 * A resource as rules see it: its identity, the environment its parameters are resolved for (and why), and its facts
 * (inventory fields plus what analysers derived) as the CEL variable {@code resource}. {@code scope} is the
 * database target id for PostgreSQL objects, empty for AWS. {@code unknown} maps a fact path ({@code ""} for the
 * whole resource, {@code kmsKey.manager} for a nested fact) to the collection errors that leave it unknown: a
 * rule that reads such a fact is NOT_ASSESSED for this resource, the others are still judged.
 */
public record ResourceView(String type, String id, String arn, String account, String region, String scope,
                           EnvironmentChoice environment, Map<String, Object> facts,
                           Map<String, List<CollectionError>> unknown) {

    public ResourceView(String type, String id, String arn, String account, String region, String scope,
                        EnvironmentChoice environment, Map<String, Object> facts) {
        this(type, id, arn, account, region, scope, environment, facts, Map.of());
    }

    public ResourceView withUnknown(Map<String, List<CollectionError>> more) {
        return new ResourceView(type, id, arn, account, region, scope, environment, facts, Map.copyOf(more));
    }

    public ResourceRef ref() {
        return new ResourceRef(type, id, arn, account, region);
    }
}
