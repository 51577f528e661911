package io.hipaaaudit.engine;

import io.hipaaaudit.findings.ResourceRef;
import java.util.Map;

/**
 * A resource as rules see it: its identity, the environment its parameters are resolved for (and why), and its facts
 * (inventory fields plus what analysers derived) as the CEL variable {@code resource}. {@code scope} is the
 * database target id for PostgreSQL objects, empty for AWS.
 */
public record ResourceView(String type, String id, String arn, String account, String region, String scope,
                           EnvironmentChoice environment, Map<String, Object> facts) {

    public ResourceRef ref() {
        return new ResourceRef(type, id, arn, account, region);
    }
}
