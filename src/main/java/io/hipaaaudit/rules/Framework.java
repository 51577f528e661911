package io.hipaaaudit.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.hipaaaudit.inventory.Nulls;
import io.hipaaaudit.json.InputException;
import io.hipaaaudit.json.YamlTwins;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The framework file: every implementation specification of the HIPAA Security Rule, whether a scan can
 * evidence it ({@code evidence}: automated, partial or manual) and what an auditor needs to see otherwise.
 * Which rules evidence a specification is read from the rules' own {@code hipaa} citations, so the mapping has
 * one source of truth; {@link RulePack#rulesFor(String)} gives the inverse view.
 */
public record Framework(String id, String title, String version, List<Specification> specifications) {
    public Framework {
        specifications = Nulls.list(specifications);
    }

    public record Specification(String citation, String section, String safeguard, String standard, String title,
                                String requirement, String evidence, Optional<String> nprm2025,
                                Optional<String> attestation) {
        public Specification {
            nprm2025 = Nulls.opt(nprm2025);
            attestation = Nulls.opt(attestation);
        }

        public boolean manual() {
            return "manual".equals(evidence);
        }
    }

    public Set<String> citations() {
        Set<String> out = new LinkedHashSet<>();
        specifications.forEach(s -> out.add(s.citation()));
        return out;
    }

    public Optional<Specification> find(String citation) {
        return specifications.stream().filter(s -> s.citation().equals(citation)).findFirst();
    }

    /** {@code file}: the framework's resource name (the pack's framework is always the bundled one). */
    static Framework parse(String yaml, String file) {
        Framework f;
        try {
            f = YamlTwins.bundled().readValue(file, yaml, Framework.class);
        } catch (JsonProcessingException e) {
            throw InputException.of(file, e);
        }
        Set<String> seen = new LinkedHashSet<>();
        for (Specification s : f.specifications()) {
            if (!seen.add(s.citation())) {
                throw new InputException(file + ": citation '" + s.citation() + "' is listed twice");
            }
            if (!List.of("automated", "partial", "manual").contains(s.evidence())) {
                throw new InputException(file + ": citation '" + s.citation() + "': evidence must be automated, partial or manual");
            }
        }
        return f;
    }
}
