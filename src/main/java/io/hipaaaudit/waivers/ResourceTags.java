package io.hipaaaudit.waivers;

import io.hipaaaudit.engine.Environments;
import io.hipaaaudit.engine.ResourceView;
import io.hipaaaudit.engine.Views;
import io.hipaaaudit.findings.ResourceRef;
import io.hipaaaudit.inventory.Inventory;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The tags of every inventory resource, looked up by a finding's resource reference (for tag-scoped waivers). */
public final class ResourceTags {
    private final Map<List<String>, Map<String, String>> tags;

    private ResourceTags(Map<List<String>, Map<String, String>> tags) {
        this.tags = tags;
    }

    public static ResourceTags none() {
        return new ResourceTags(Map.of());
    }

    public static ResourceTags of(Inventory inventory, Environments environments) {
        Map<List<String>, Map<String, String>> out = new HashMap<>();
        for (List<ResourceView> views : Views.build(inventory, environments).values()) {
            for (ResourceView v : views) {
                if (v.facts().get("tags") instanceof Map<?, ?> m && !m.isEmpty()) {
                    Map<String, String> t = new HashMap<>();
                    m.forEach((k, val) -> t.put(String.valueOf(k), String.valueOf(val)));
                    out.put(key(v.ref()), Map.copyOf(t));
                }
            }
        }
        return new ResourceTags(out);
    }

    public Map<String, String> of(ResourceRef ref) {
        return tags.getOrDefault(key(ref), Map.of());
    }

    private static List<String> key(ResourceRef ref) {
        return List.of(ref.type(), ref.id(), ref.account(), ref.region());
    }
}
