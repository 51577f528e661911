package io.hipaaaudit.report.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One line of a finding's evidence as a key/value tree: a leaf has a value, a map or list has children (list items
 * are keyed by their index). Values are made visible here and escaped by the template.
 */
public record EvidenceNode(String key, String value, List<EvidenceNode> children) {
    public EvidenceNode {
        children = List.copyOf(children);
    }

    public boolean leaf() {
        return children.isEmpty();
    }

    static List<EvidenceNode> of(Map<String, Object> evidence) {
        List<EvidenceNode> out = new ArrayList<>();
        // sorted for determinism whatever map the evidence came in
        new TreeMap<>(evidence).forEach((k, v) -> out.add(node(k, v)));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static EvidenceNode node(String key, Object value) {
        String k = Text.visible(key);
        if (value instanceof Map<?, ?> m && !m.isEmpty()) {
            Map<String, Object> sorted = new TreeMap<>();
            m.forEach((mk, mv) -> sorted.put(String.valueOf(mk), mv));
            return new EvidenceNode(k, "", of(sorted));
        }
        if (value instanceof List<?> l && !l.isEmpty()) {
            List<EvidenceNode> items = new ArrayList<>();
            for (int i = 0; i < l.size(); i++) {
                items.add(node("[" + i + "]", l.get(i)));
            }
            return new EvidenceNode(k, "", items);
        }
        return new EvidenceNode(k, leafText(value), List.of());
    }

    private static String leafText(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Map<?, ?>) {
            return "{}";
        }
        if (value instanceof List<?>) {
            return "[]";
        }
        return Text.visible(String.valueOf(value));
    }
}
