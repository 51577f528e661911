package io.hipaaaudit.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.hipaaaudit.engine.FixtureRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every fixture of every bundled rule. Fixtures are discovered by walking the rule folders, so adding a rule
 * or a fixture never means touching this class.
 */
class RuleFixturesTest {

    @TestFactory
    Stream<DynamicNode> everyRuleBehavesAsItsFixturesSay() {
        RulePack pack = RuleLoader.load(List.of());
        assertThat(pack.rules()).as("bundled rules").isNotEmpty();
        return pack.rules().stream().map(rule -> {
            List<DynamicTest> tests = new ArrayList<>();
            for (String kind : FixtureRunner.KINDS) {
                for (Path file : FixtureRunner.fixtures(rule.directory(), kind)) {
                    tests.add(DynamicTest.dynamicTest(kind + "/" + file.getFileName(), file.toUri(), () -> {
                        FixtureRunner.Result result = FixtureRunner.run(rule, file, kind, pack);
                        assertThat(result.problems()).as(rule.id() + " " + kind + "/" + file.getFileName()).isEmpty();
                    }));
                }
            }
            return DynamicContainer.dynamicContainer(rule.id(), tests);
        });
    }
}
