package io.hipaaaudit.rules;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The rules in force for a scan, sorted by id, with the framework they cite and a hash of their sources. */
public record RulePack(Framework framework, List<Rule> rules, String sha256) {
    public RulePack {
        rules = List.copyOf(rules);
    }

    public Optional<Rule> find(String id) {
        return rules.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /** The ids of the rules that cite {@code citation}. */
    public List<String> rulesFor(String citation) {
        return rules.stream().filter(r -> r.hipaa().contains(citation)).map(Rule::id).toList();
    }

    /** A pack of only the given rules, e.g. the rules of one custom folder. */
    public RulePack only(Collection<String> ids) {
        return new RulePack(framework, rules.stream().filter(r -> ids.contains(r.id())).toList(), sha256);
    }

    /** The rules of this pack grouped by the folder root they were loaded from. */
    public Map<String, List<Rule>> bySource() {
        return rules.stream().collect(java.util.stream.Collectors.groupingBy(Rule::source));
    }
}
