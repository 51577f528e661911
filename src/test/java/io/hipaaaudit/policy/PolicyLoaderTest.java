package io.hipaaaudit.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hipaaaudit.json.InputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyLoaderTest {
    private static final String GOOD = """
            applicationRoles: [hc_app, "svc_*"]
            phi:
              tables: ["app.users", "app.consent_*"]
              columns: [ssn, date_of_birth]
              requireRls: true
            grants:
              - role: hc_app
                allow:
                  - tables: ["app.consent_records"]
                    privileges: [select, INSERT]
                  - tables: ["app.*"]
                    privileges: [SELECT, INSERT, UPDATE, USAGE]
              - role: "hc_analyst*"
                allow:
                  - tables: ["app.*"]
                    privileges: [SELECT]
            authentication:
              iamAuth: [hc_app]
              passwordExpiry: ["hc_*"]
            """;

    @Test
    void readsAFullPolicyAndAppliesTheFirstMatchingAllowEntry() {
        DbPolicy p = PolicyLoader.parse(GOOD, "policy.yaml");
        assertThat(p.applicationRole("svc_billing")).isTrue();
        assertThat(p.applicationRole("hc_analyst")).isFalse();
        assertThat(p.phi().commentMarker()).isEqualTo("phi");
        assertThat(p.phi().requireRls()).isTrue();
        assertThat(p.grants().get(0).allow().get(0).privileges()).containsExactly("SELECT", "INSERT");
        assertThat(p.grantsFor("hc_analyst_2")).get().extracting(DbPolicy.RoleGrants::role).isEqualTo("hc_analyst*");
        assertThat(p.grantsFor("svc_billing")).get().extracting(DbPolicy.RoleGrants::allow).isEqualTo(List.of());
        assertThat(p.grantsFor("hc_owner")).isEmpty();
    }

    @Test
    void unknownKeyIsAnErrorAtItsLine() {
        String yaml = "applicationRoles: [a]\nphi:\n  tables: [\"app.users\"]\n  rls: true\n";
        assertThatThrownBy(() -> PolicyLoader.parse(yaml, "policy.yaml"))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("policy.yaml:4: unknown key 'rls'");
    }

    @Test
    void unknownPrivilegeIsAnErrorWithFileAndLine() {
        String yaml = "grants:\n  - role: a\n    allow:\n      - tables: [\"app.*\"]\n        privileges: [SELEKT]\n";
        assertThatThrownBy(() -> PolicyLoader.parse(yaml, "policy.yaml"))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("policy.yaml:4: privilege 'SELEKT' is not one of");
    }

    @Test
    void tablePatternWithoutSchemaIsAnError() {
        String yaml = "phi:\n  tables: [users]\n";
        assertThatThrownBy(() -> PolicyLoader.parse(yaml, "policy.yaml"))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("policy.yaml:1: phi.tables: 'users' is not a schema.table pattern");
    }

    @Test
    void emptyFileAndDuplicateKeysAreErrors() {
        assertThatThrownBy(() -> PolicyLoader.parse("", "p.yaml")).hasMessage("p.yaml:1: the database policy is empty");
        assertThatThrownBy(() -> PolicyLoader.parse("applicationRoles: [a]\napplicationRoles: [b]\n", "p.yaml"))
                .isInstanceOf(InputException.class).hasMessageStartingWith("p.yaml:2:");
    }
}
