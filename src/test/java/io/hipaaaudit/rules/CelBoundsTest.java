package io.hipaaaudit.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hipaaaudit.engine.Environments;
import io.hipaaaudit.engine.Evaluator;
import io.hipaaaudit.findings.Finding;
import io.hipaaaudit.findings.Status;
import io.hipaaaudit.inventory.InventoryJson;
import io.hipaaaudit.json.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A custom rule cannot keep a scan busy: deeply nested comprehensions are refused when the rule loads, and an
 * evaluation that multiplies lists stops at the iteration budget with a NOT_ASSESSED finding.
 */
class CelBoundsTest {
    @TempDir
    Path dir;

    private Path write(String condition) throws IOException {
        Path ruleDir = dir.resolve("custom").resolve("custom-rule");
        Files.createDirectories(ruleDir);
        Files.writeString(ruleDir.resolve("rule.yaml"), """
                id: custom-rule
                title: A custom rule
                area: kms
                severity: high
                resource: aws.kms.key
                hipaa: ["164.312(a)(2)(iv)"]
                nprm2025: strengthened
                rationale: because
                remediation: fix it
                condition: "%s"
                message: "failed"
                """.formatted(condition));
        return dir;
    }

    private static String hundred() {
        return IntStream.range(0, 100).mapToObj(Integer::toString).collect(Collectors.joining(",", "[", "]"));
    }

    @Test
    void comprehensionsNestedTooDeepAreRefusedAtLoad() throws IOException {
        String l = "[1,2,3]";
        String bomb = l + ".exists(a, " + l + ".exists(b, " + l + ".exists(c, " + l + ".exists(d, " + l
                + ".exists(e, a + b + c + d + e < 0)))))";
        Path root = write(bomb);
        assertThatThrownBy(() -> RuleLoader.loadOnly(List.of(root)))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("rule.yaml:10: rule custom-rule:")
                .hasMessageContaining("nested 5 deep (at most 4)");
    }

    @Test
    @Timeout(60)
    void anEvaluationThatMultipliesListsStopsAtTheBudget() throws IOException {
        String h = hundred();
        // 100 x 100 x 100 = a million iterations, ten times the budget
        Path root = write(h + ".all(a, " + h + ".all(b, " + h + ".all(c, a + b + c >= 0)))");
        Rule rule = RuleLoader.loadOnly(List.of(root)).find("custom-rule").orElseThrow();
        List<Finding> findings = new Evaluator(InventoryJson.parse("""
                {"kmsKeys": [{"account": "1", "region": "r", "id": "k", "manager": "CUSTOMER", "state": "Enabled"}]}
                """, "test.json"), new Environments("prod", null)).evaluate(rule);
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.status()).isEqualTo(Status.NOT_ASSESSED);
            assertThat(f.message()).contains("evaluation budget of 100000 iterations");
        });
    }
}
