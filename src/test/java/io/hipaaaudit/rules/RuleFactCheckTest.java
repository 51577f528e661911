package io.hipaaaudit.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hipaaaudit.json.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Rules are checked against the declared facts of their resource type when they load: a misspelt fact or
 * parameter is a load error naming the file and line, not a NOT_ASSESSED at every resource.
 */
class RuleFactCheckTest {
    @TempDir
    Path dir;

    private Path write(String yaml) throws IOException {
        Path ruleDir = dir.resolve("custom").resolve("custom-rule");
        Files.createDirectories(ruleDir);
        Files.writeString(ruleDir.resolve("rule.yaml"), yaml);
        return dir;
    }

    private static String rule(String resource, String key, String expression) {
        String condition = key.equals("condition") ? expression : "true";
        String message = key.equals("message") ? "{{" + expression + "}}" : "failed";
        String appliesIf = key.equals("applies_if") ? "applies_if: \"" + expression + "\"\n" : "";
        String evidence = key.equals("evidence") ? "evidence:\n  value: \"" + expression + "\"\n" : "";
        return "id: custom-rule\n"
                + "title: A custom rule\n"
                + "area: backup\n"
                + "severity: high\n"
                + "resource: " + resource + "\n"
                + "hipaa: [\"164.308(a)(7)(ii)(A)\"]\n"
                + "nprm2025: strengthened\n"
                + "rationale: because\n"
                + "remediation: fix it\n"
                + "params:\n  default:\n    minDays: 3\n"
                + appliesIf
                + "condition: \"" + condition + "\"\n"
                + "message: \"" + message + "\"\n"
                + evidence;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "aws.rds.db_instance | condition  | resource.caCertificateIdentifer == 'rds-ca-rsa2048-g1' | 13 | has no fact 'caCertificateIdentifer' (did you mean 'caCertificateIdentifier'?)",
        "aws.rds.db_instance | applies_if | resource.engine.startsWith('postgres') && resource.multiAZ | 13 | has no fact 'multiAZ' (did you mean 'multiAz'?)",
        "aws.rds.db_instance | message    | resource.kmsKey.manger | 14 | resource.kmsKey has no fact 'manger' (did you mean 'manager'?)",
        "aws.rds.db_instance | evidence   | resource.network.publicIngres | 16 | has no fact 'publicIngres'",
        "aws.account         | condition  | resource.trails.exists(t, t.isLoging) | 13 | t (an element of resource.trails) has no fact 'isLoging' (did you mean 'isLogging'?)",
        "aws.kms.key         | condition  | resource.rotationEnabled && params.minDay > 0 | 13 | declares no parameter 'minDay' (did you mean 'minDays'?)",
        "pg.role             | condition  | cel.bind(p, resource.policy, p.applicationRol) | 13 | has no fact 'applicationRol'",
    })
    void aMisspeltFactIsALoadErrorAtItsLine(String resource, String key, String expression, int line, String problem)
            throws IOException {
        Path root = write(rule(resource, key, expression));
        assertThatThrownBy(() -> RuleLoader.load(List.of(root)))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("rule.yaml:" + line + ": rule custom-rule:")
                .hasMessageContaining(problem);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "aws.rds.db_instance | resource.tags['Owner'] == 'x' && resource.parameters['rds.force_ssl'] == '1'",
        "aws.rds.db_instance | resource.network.ingress.filter(i, i.public).map(i, i.text).size() >= 0",
        "aws.account         | resource.trails.exists(t, t.isLogging && t.managementWrite)",
        "pg.relation         | !has(resource.policy) || resource.policy.excessPrivileges.all(p, p.usable)",
    })
    void declaredFactsLoad(String resource, String expression) throws IOException {
        Path root = write(rule(resource, "condition", expression));
        assertThat(RuleLoader.load(List.of(root)).find("custom-rule")).isPresent();
    }
}
