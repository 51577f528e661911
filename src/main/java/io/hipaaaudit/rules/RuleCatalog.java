package io.hipaaaudit.rules;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The rule catalog page (docs/rules.md), generated from the rule pack so it cannot drift from the rules: every
 * rule by area with severity, resource type, citations and parameters per environment, then every Security Rule
 * specification with the rules that evidence it or the attestation it needs.
 */
public final class RuleCatalog {
    private RuleCatalog() {}

    public static String markdown(RulePack pack) {
        StringBuilder md = new StringBuilder();
        md.append("# Rule catalog\n\n")
                .append("Generated from `rules/` by `scripts/gen-rule-catalog.sh`; a test fails when this page is stale.\n\n")
                .append(pack.rules().size()).append(" rules.\n");
        Map<String, List<Rule>> byArea = pack.rules().stream()
                .collect(Collectors.groupingBy(r -> r.file().area(), TreeMap::new, Collectors.toList()));
        byArea.forEach((area, rules) -> {
            md.append("\n## ").append(area).append("\n\n")
                    .append("| rule | severity | resource | HIPAA | parameters |\n|---|---|---|---|---|\n");
            for (Rule r : rules) {
                md.append("| `").append(r.id()).append("` ").append(cell(r.file().title())).append(" | ")
                        .append(r.severity().label()).append(" | `").append(r.resourceType()).append("` | ")
                        .append(String.join(", ", r.hipaa())).append(" | ").append(params(r)).append(" |\n");
            }
        });
        md.append("\n## HIPAA Security Rule coverage\n\n| citation | specification | requirement | evidence | rules |\n")
                .append("|---|---|---|---|---|\n");
        for (Framework.Specification s : pack.framework().specifications()) {
            List<String> ids = pack.rulesFor(s.citation());
            md.append("| ").append(s.citation()).append(" | ").append(cell(s.title())).append(" | ")
                    .append(s.requirement()).append(" | ").append(s.evidence()).append(" | ")
                    .append(ids.isEmpty() ? "attestation: " + cell(s.attestation().orElse("")) : ids.stream()
                            .map(i -> "`" + i + "`").collect(Collectors.joining(", ")))
                    .append(" |\n");
        }
        return md.toString();
    }

    private static String params(Rule r) {
        return r.params().entrySet().stream().filter(e -> !e.getValue().isEmpty())
                .sorted(Map.Entry.comparingByKey(java.util.Comparator.comparing((String k) -> !k.equals("default"))
                        .thenComparing(k -> k)))
                .filter(e -> e.getKey().equals("default") || !e.getValue().equals(r.params().get("default")))
                .map(e -> e.getKey() + ": " + cell(new TreeMap<>(e.getValue()).toString()))
                .collect(Collectors.joining("<br>"));
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ").strip();
    }
}
