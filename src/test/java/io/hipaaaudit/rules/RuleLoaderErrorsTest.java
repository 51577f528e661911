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

/** A broken rule file is rejected with file, line, rule id and what is wrong. */
class RuleLoaderErrorsTest {
    static final String GOOD = """
            id: custom-rule
            title: A custom rule
            area: backup
            severity: high
            resource: aws.rds.db_instance
            hipaa: ["164.308(a)(7)(ii)(A)"]
            nprm2025: strengthened
            rationale: because
            remediation: fix it
            params:
              default:
                minDays: 3
              prod:
                minDays: 10
            condition: "resource.backupRetentionPeriod >= params.minDays"
            message: "{{resource.id}} keeps {{resource.backupRetentionPeriod}} days"
            """;

    @TempDir
    Path dir;

    Path write(String id, String yaml) throws IOException {
        Path ruleDir = dir.resolve("backup").resolve(id);
        Files.createDirectories(ruleDir);
        Files.writeString(ruleDir.resolve("rule.yaml"), yaml);
        return dir;
    }

    @Test
    void aValidCustomRuleLoadsAndOverridesNothing() throws IOException {
        RulePack pack = RuleLoader.load(List.of(write("custom-rule", GOOD)));
        assertThat(pack.find("custom-rule")).isPresent();
        assertThat(pack.find("custom-rule").get().paramsFor("prod")).containsEntry("minDays", 10L);
        assertThat(pack.find("custom-rule").get().paramsFor("staging")).containsEntry("minDays", 3L);
        assertThat(pack.rules().size()).isEqualTo(RuleLoader.load(List.of()).rules().size() + 1);
    }

    @Test
    void anEscalationMustRaiseTheSeverityAndReadKnownFacts() throws IOException {
        String down = GOOD.replace("severity: high\n", "severity: high\nescalate: {to: low, when: \"true\"}\n");
        assertThatThrownBy(() -> RuleLoader.load(List.of(write("custom-rule", down))))
                .isInstanceOf(InputException.class).hasMessageContaining("must be more severe than the rule's severity");
        String typo = GOOD.replace("severity: high\n", "severity: high\nescalate: {to: critical, when: \"resource.multiAZ\"}\n");
        assertThatThrownBy(() -> RuleLoader.load(List.of(write("custom-rule", typo))))
                .isInstanceOf(InputException.class).hasMessageContaining("escalate.when");
    }

    @Test
    void aFailingFindingTakesTheEscalatedSeverityOnlyWhereItsConditionHolds() throws IOException {
        String up = GOOD.replace("severity: high\n", "severity: high\nescalate: {to: critical, when: \"resource.multiAz\"}\n");
        RulePack pack = RuleLoader.load(List.of(write("custom-rule", up)));
        Rule rule = pack.find("custom-rule").orElseThrow();
        io.hipaaaudit.inventory.Inventory inv = io.hipaaaudit.inventory.InventoryJson.parse("""
                {"dbInstances": [
                  {"account": "111122223333", "region": "us-east-1", "id": "a", "engine": "postgres", "multiAz": true,
                   "backupRetentionPeriod": 1},
                  {"account": "111122223333", "region": "us-east-1", "id": "b", "engine": "postgres", "multiAz": false,
                   "backupRetentionPeriod": 1},
                  {"account": "111122223333", "region": "us-east-1", "id": "c", "engine": "postgres",
                   "backupRetentionPeriod": 1},
                  {"account": "111122223333", "region": "us-east-1", "id": "d", "engine": "postgres", "multiAz": true,
                   "backupRetentionPeriod": 30}]}""", "test");
        var findings = new io.hipaaaudit.engine.Evaluator(inv, new io.hipaaaudit.engine.Environments("default",
                "Environment")).evaluate(rule);
        assertThat(findings).extracting(f -> f.resource().id() + " " + f.status() + " " + f.severity().label())
                .containsExactlyInAnyOrder("a FAIL critical", "b FAIL high", "c FAIL critical", "d PASS high");
    }

    @Test
    void aCustomRuleWithABundledIdReplacesIt() throws IOException {
        String replaced = GOOD.replace("id: custom-rule", "id: rds-instance-backup-retention");
        RulePack pack = RuleLoader.load(List.of(write("rds-instance-backup-retention", replaced)));
        assertThat(pack.find("rds-instance-backup-retention").get().file().title()).isEqualTo("A custom rule");
        assertThat(pack.rules()).hasSize(RuleLoader.load(List.of()).rules().size());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown key          | 'title: A custom rule'                          | 'title: A custom rule\\nseverty: high' | rule.yaml:3: unknown key 'severty'; expected one of applies_if, area
            bad severity         | 'severity: high'                                | 'severity: urgent'                    | rule.yaml:4:11: unknown severity 'urgent'; expected one of critical, high, medium, low, info
            unknown area         | 'area: backup'                                  | 'area: backups'                       | :3: rule custom-rule: area 'backups' is not one of
            unknown citation     | 'hipaa: ["164.308(a)(7)(ii)(A)"]'               | 'hipaa: ["164.999(z)"]'               | :6: rule custom-rule: citation '164.999(z)' is not in the framework file
            condition syntax     | 'condition: "resource.backupRetentionPeriod >= params.minDays"' | 'condition: "resource.backupRetentionPeriod >="' | :15: rule custom-rule: condition does not compile
            unknown function     | 'condition: "resource.backupRetentionPeriod >= params.minDays"' | 'condition: "isGood(resource)"'       | :15: rule custom-rule: condition does not compile
            message placeholder  | 'message: "{{resource.id}} keeps {{resource.backupRetentionPeriod}} days"' | 'message: "{{resource.id +}}"' | :16: rule custom-rule: message placeholder {{resource.id +}} does not compile
            param not in default | '    minDays: 10'                               | '    minDayz: 10'                     | :14: rule custom-rule: parameter 'minDayz' in environment 'prod' is not declared under params.default
            param kind           | '    minDays: 10'                               | '    minDays: ten'                    | :14: rule custom-rule: parameter 'minDays' must be a number
            unknown resource     | 'resource: aws.rds.db_instance'                 | 'resource: aws.rds.instance'          | :5: rule custom-rule: resource 'aws.rds.instance' is not one of
            missing message      | 'message: "{{resource.id}} keeps {{resource.backupRetentionPeriod}} days"' | '' | rule custom-rule: missing required key 'message'
            """)
    void brokenRuleFilesAreRejectedWithFileLineAndRule(String name, String from, String to, String expected)
            throws IOException {
        String yaml = GOOD.replace(from, to.replace("\\n", "\n"));
        Path root = write("custom-rule", yaml);
        assertThatThrownBy(() -> RuleLoader.load(List.of(root)))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("rule.yaml")
                .hasMessageContaining(expected.trim());
    }

    @Test
    void idMustEqualFolderName() throws IOException {
        Path root = write("other-name", GOOD);
        assertThatThrownBy(() -> RuleLoader.load(List.of(root)))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("rule.yaml:1: rule custom-rule: id must equal its folder name 'other-name'");
    }

    @Test
    void missingRulesFolderIsAClearError() {
        assertThatThrownBy(() -> RuleLoader.load(List.of(dir.resolve("nope"))))
                .isInstanceOf(InputException.class)
                .hasMessageEndingWith("nope: rules folder does not exist");
    }
}
