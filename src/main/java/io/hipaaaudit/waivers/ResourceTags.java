package io.hipaaaudit.waivers;

import io.hipaaaudit.findings.ResourceRef;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The tags of every inventory resource, looked up by a finding's resource reference (for tag-scoped waivers). The
 * scan builds it from the resource views it evaluated, so tags are read once per scan.
 */
public final class ResourceTags {
    private final Map<List<String>, Map<String, String>> tags;

    private ResourceTags(Map<List<String>, Map<String, String>> tags) {
        this.tags = tags;
    }

    public static ResourceTags none() {
        return new ResourceTags(Map.of());
    }

    /** The tags of each resource, by its reference; resources without tags may be left out. */
    public static ResourceTags of(Map<ResourceRef, Map<String, String>> byResource) {
        Map<List<String>, Map<String, String>> out = new HashMap<>();
        byResource.forEach((ref, t) -> {
            if (!t.isEmpty()) {
                out.put(key(ref), Map.copyOf(t));
            }
        });
        return new ResourceTags(out);
    }

    public Map<String, String> of(ResourceRef ref) {
        return tags.getOrDefault(key(ref), Map.of());
    }

    private static List<String> key(ResourceRef ref) {
        return List.of(ref.type(), ref.id(), ref.account(), ref.region());
    }
}
