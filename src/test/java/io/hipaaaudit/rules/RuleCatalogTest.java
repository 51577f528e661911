package io.hipaaaudit.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.hipaaaudit.engine.FixtureRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Keeps the rule pack honest: ids, fixtures, citations and the framework file's coverage of the regulation. */
class RuleCatalogTest {
    private static final Path SOURCE_RULES = Path.of("rules");
    private final RulePack pack = RuleLoader.load(List.of());

    @Test
    void bundledPackHasAtLeastTwentyRulesEachCitingHipaa() {
        assertThat(pack.rules()).hasSizeGreaterThanOrEqualTo(20);
        assertThat(pack.rules()).allSatisfy(r -> assertThat(r.hipaa()).isNotEmpty());
    }

    @Test
    void ruleIdsAreUniqueAndEqualTheirFolderNames() {
        List<Path> files = RuleLoader.ruleFiles(SOURCE_RULES);
        Set<String> folders = files.stream().map(f -> f.getParent().getFileName().toString()).collect(Collectors.toSet());
        assertThat(folders).hasSize(files.size());
        assertThat(pack.rules()).allSatisfy(r -> assertThat(r.directory().getFileName().toString()).isEqualTo(r.id()));
        assertThat(pack.rules().stream().map(Rule::id).collect(Collectors.toSet())).isEqualTo(folders);
    }

    @Test
    void everyRuleHasPassAndFailFixtures() {
        assertThat(pack.rules()).allSatisfy(r -> {
            assertThat(FixtureRunner.fixtures(r.directory(), "pass")).as(r.id() + " pass fixtures").isNotEmpty();
            assertThat(FixtureRunner.fixtures(r.directory(), "fail")).as(r.id() + " fail fixtures").isNotEmpty();
        });
    }

    @Test
    void everyCitationExistsInTheFrameworkFile() {
        Set<String> citations = pack.framework().citations();
        assertThat(pack.rules()).allSatisfy(r -> assertThat(citations).containsAll(r.hipaa()));
    }

    @Test
    void everyConditionAndApplicabilityCompiled() {
        assertThat(pack.rules()).allSatisfy(r -> {
            assertThat(r.condition().ok()).isTrue();
            r.appliesIf().ifPresent(a -> assertThat(a.ok()).isTrue());
        });
    }

    @Test
    void onlyManualSpecificationsLackRulesExceptThoseDeclaredPartialOrAutomated() {
        for (Framework.Specification s : pack.framework().specifications()) {
            if (s.manual()) {
                assertThat(pack.rulesFor(s.citation())).as("manual spec %s cited by rules", s.citation()).isEmpty();
                assertThat(s.attestation()).as("attestation for manual %s", s.citation()).isPresent();
            }
        }
    }

    @Test
    void frameworkFileListsEverySpecificationOfTheRegulation() throws IOException {
        Path reference = Path.of("..", "shared", "hipaa-security-rule.md");
        assumeTrue(Files.exists(reference), "../shared/hipaa-security-rule.md is beside the repository in CI");
        Pattern row = Pattern.compile("^\\|\\s*(164\\.3\\d\\d[^|]*?)\\s*\\|\\s*([^|]+?)\\s*\\|\\s*(R|A|—)\\s*\\|");
        Set<String> expected = new LinkedHashSet<>();
        for (String line : Files.readAllLines(reference)) {
            Matcher m = row.matcher(line);
            if (m.find()) {
                expected.add(m.group(1).trim());
            }
        }
        assertThat(expected).hasSizeGreaterThan(40);
        assertThat(pack.framework().citations()).containsExactlyElementsOf(expected);
    }

    @Test
    void frameworkRequirementMatchesRegulation() throws IOException {
        Path reference = Path.of("..", "shared", "hipaa-security-rule.md");
        assumeTrue(Files.exists(reference), "../shared/hipaa-security-rule.md is beside the repository in CI");
        Pattern row = Pattern.compile("^\\|\\s*(164\\.3\\d\\d[^|]*?)\\s*\\|\\s*([^|]+?)\\s*\\|\\s*(R|A|—)\\s*\\|");
        for (String line : Files.readAllLines(reference)) {
            Matcher m = row.matcher(line);
            if (m.find()) {
                Framework.Specification s = pack.framework().find(m.group(1).trim()).orElseThrow();
                String expected = switch (m.group(3)) {
                    case "R" -> "required";
                    case "A" -> "addressable";
                    default -> "standard";
                };
                assertThat(s.requirement()).as(s.citation()).isEqualTo(expected);
            }
        }
    }

    @Test
    void theCommittedCatalogPageIsNotStale() throws IOException {
        String committed = Files.readString(Path.of("docs/rules.md"));
        assertThat(committed).as("docs/rules.md is stale: run scripts/gen-rule-catalog.sh")
                .isEqualTo(RuleCatalog.markdown(pack));
    }
}
