package io.hipaaaudit.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hipaaaudit.rules.Rule;
import io.hipaaaudit.rules.RuleLoader;
import io.hipaaaudit.rules.RulePack;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which environment a resource is judged under, where that came from, and which parameters that gives a rule. */
class EnvironmentsTest {
    private static final RulePack PACK = RuleLoader.load(List.of());
    private static final Map<String, List<String>> ALIASES = Map.of("prod", List.of("production", "PRD"),
            "dev", List.of("development"));

    private static Environments envs(String scan) {
        return Environments.of(scan, "--environment", null, ALIASES).definedBy(PACK);
    }

    @Test
    void aTagValueIsMatchedWithoutRegardToCaseAndItsAliasNamesTheEnvironment() {
        EnvironmentChoice c = envs("dev").of(Map.of("environment", " Production "));
        assertThat(c.name()).isEqualTo("prod");
        assertThat(c.source()).isEqualTo("tag environment=Production (alias of prod)");
        assertThat(envs("dev").of(Map.of("Environment", "PRD")).name()).isEqualTo("prod");
        assertThat(envs("dev").of(Map.of("Environment", "Prod")).source()).isEqualTo("tag Environment=Prod");
    }

    @Test
    void theResourceTagBeatsTheScanEnvironment() {
        assertThat(envs("prod").of(Map.of("Environment", "dev")).name()).isEqualTo("dev");
    }

    @Test
    void withoutATagTheScanEnvironmentAppliesAndSaysWhereItCameFrom() {
        EnvironmentChoice c = envs("Production").of(Map.of("Team", "data"));
        assertThat(c.name()).isEqualTo("prod");
        assertThat(c.source()).isEqualTo("--environment Production (alias of prod), no Environment tag");
        assertThat(envs("Production").scanEnvironment()).isEqualTo("prod");
        assertThat(envs("prod").scan().source()).isEqualTo("--environment prod");
    }

    @Test
    void withNeitherTagNorScanEnvironmentTheDefaultAppliesAndSaysSo() {
        Environments none = Environments.of(null, "--environment", "Env", Map.of());
        assertThat(none.scanEnvironment()).isEqualTo("default");
        assertThat(none.of(Map.of()).source()).isEqualTo("default: no environment given for the scan, no Env tag");
        assertThat(new Environments("default", null).of(Map.of()).name()).isEqualTo("default");
    }

    @Test
    void aBlankTagValueIsNoEnvironment() {
        assertThat(envs("dev").fromTags(Map.of("Environment", "  "))).isEmpty();
    }

    @Test
    void anAliasOfTwoEnvironmentsOrOfAnotherEnvironmentsNameIsRejected() {
        assertThatThrownBy(() -> Environments.of("prod", "x", null,
                Map.of("prod", List.of("live"), "dev", List.of("Live"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'live'");
        assertThatThrownBy(() -> Environments.of("prod", "x", null, Map.of("prod", List.of("dev"), "dev", List.of("d"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'dev'");
    }

    @Test
    void anAliasThatShadowsAnEnvironmentTheRulesDefineIsRejected() {
        assertThatThrownBy(() -> Environments.of("prod", "x", null, Map.of("default", List.of("Prod"))).definedBy(PACK))
                .isInstanceOf(Environments.AliasConflict.class).hasMessageContaining("'prod'");
    }

    @Test
    void theNamesRulesDefineAreThePacksNamedEnvironments() {
        assertThat(Environments.definedBy(PACK.rules())).containsExactly("dev", "prod");
    }

    @Test
    void aRuleUsesItsOwnParametersForAnEnvironmentItNames() {
        Rule retention = PACK.find("rds-instance-backup-retention").orElseThrow();
        assertThat(envs("prod").paramsFor(retention, envs("prod").scan()))
                .contains(Map.of("minRetentionDays", 7L));
    }

    @Test
    void anEnvironmentAnotherRuleDefinesTakesThisRulesDefault() {
        Rule multiAz = PACK.find("rds-instance-multi-az").orElseThrow();
        assertThat(envs("dev").paramsFor(multiAz, envs("dev").scan())).contains(Map.of("required", false));
    }

    @Test
    void anEnvironmentNoRuleDefinesGivesNoParametersToARuleWithPerEnvironmentParameters() {
        Environments e = envs("prod");
        EnvironmentChoice staging = e.of(Map.of("Environment", "Staging"));
        Rule multiAz = PACK.find("rds-instance-multi-az").orElseThrow();
        assertThat(e.paramsFor(multiAz, staging)).isEmpty();
        assertThat(Environments.undefinedMessage(multiAz, staging)).isEqualTo("environment 'staging' (tag "
                + "Environment=Staging) is not defined by this rule's parameters (defined: prod); add it or an alias");
        Rule restorePoint = PACK.find("rds-instance-recent-restore-point").orElseThrow();
        assertThat(e.paramsFor(restorePoint, staging)).contains(restorePoint.paramsFor("default"));
    }

    @Test
    void theDefaultEnvironmentAndAnAliasOfDefaultAreAlwaysDefined() {
        Environments e = Environments.of("qa", "--environment", null, Map.of("default", List.of("qa")));
        Rule multiAz = PACK.find("rds-instance-multi-az").orElseThrow();
        assertThat(e.scan().name()).isEqualTo("default");
        assertThat(e.paramsFor(multiAz, e.scan())).contains(Map.of("required", false));
    }

    @Test
    void withoutThePacksNamesOnlyTheRulesOwnEnvironmentsAreDefined() {
        Environments bare = new Environments("dev", null);
        Rule multiAz = PACK.find("rds-instance-multi-az").orElseThrow();
        assertThat(bare.defined()).isEqualTo(Set.of());
        assertThat(bare.paramsFor(multiAz, bare.scan())).isEmpty();
        assertThat(bare.definedBy(PACK).paramsFor(multiAz, bare.scan())).isPresent();
    }
}
