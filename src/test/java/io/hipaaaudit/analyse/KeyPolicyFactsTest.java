package io.hipaaaudit.analyse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeyPolicyFactsTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            star string            | {"Statement":[{"Sid":"Open","Effect":"Allow","Principal":"*","Action":"kms:*"}]}            | Open
            AWS star               | {"Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"kms:Decrypt"}]}          | #0
            AWS list with star     | {"Statement":{"Sid":"L","Effect":"Allow","Principal":{"AWS":["arn:aws:iam::1:root","*"]}}} | L
            conditioned star       | {"Statement":[{"Effect":"Allow","Principal":"*","Condition":{"StringEquals":{"kms:CallerAccount":"1"}}}]} |
            deny star              | {"Statement":[{"Effect":"Deny","Principal":"*","Action":"kms:*"}]}                         |
            named principal        | {"Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::1:root"}}]}                |
            service principal      | {"Statement":[{"Effect":"Allow","Principal":{"Service":"*"}}]}                               |
            empty condition        | {"Statement":[{"Sid":"E","Effect":"Allow","Principal":"*","Condition":{}}]}                | E
            TLS-only condition     | {"Statement":[{"Sid":"T","Effect":"Allow","Principal":"*","Condition":{"Bool":{"aws:SecureTransport":"true"}}}]} | T
            """)
    void findsAllowStatementsOpenToEveryone(String name, String policy, String expected) {
        List<String> want = expected == null ? List.of() : List.of(expected);
        assertThat(KeyPolicyFacts.openStatements(policy)).contains(want);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"not json", "[1,2]", "\"a string\""})
    void anUnreadablePolicyIsUnknownNotSafe(String policy) {
        assertThat(KeyPolicyFacts.openStatements(policy)).isEqualTo(Optional.empty());
        assertThat(KeyPolicyFacts.facts(policy)).isEmpty();
    }

    @Test
    void factsNameEachOpenStatementAndWhyItIsOpen() {
        String policy = "{\"Statement\":[{\"Sid\":\"Tls\",\"Effect\":\"Allow\",\"Principal\":\"*\","
                + "\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"true\"}}}]}";
        assertThat(KeyPolicyFacts.facts(policy)).containsExactly(
                Map.entry("policyOpenStatements", List.of("Tls")),
                Map.entry("policyOpenReasons", List.of(Map.of("statement", "Tls",
                        "reason", "Principal \"*\": condition keys aws:SecureTransport do not restrict the caller"))));
    }

    @Test
    void aClosedPolicyHasEmptyFactsNotAbsentOnes() {
        String policy = "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::1:root\"}}]}";
        assertThat(KeyPolicyFacts.facts(policy)).containsExactly(
                Map.entry("policyOpenStatements", List.of()), Map.entry("policyOpenReasons", List.of()));
    }
}
