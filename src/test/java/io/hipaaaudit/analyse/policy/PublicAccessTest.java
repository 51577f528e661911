package io.hipaaaudit.analyse.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PublicAccessTest {

    /** One Allow statement for Principal "*" with the given Condition block (none when blank). */
    private static Optional<List<OpenStatement>> withCondition(String condition) {
        String c = condition == null ? "" : ",\"Condition\":" + condition;
        return PublicAccess.openStatements("{\"Statement\":[{\"Sid\":\"S\",\"Effect\":\"Allow\",\"Principal\":\"*\","
                + "\"Action\":\"kms:Decrypt\",\"Resource\":\"*\"" + c + "}]}");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            PrincipalAccount StringEquals        | {"StringEquals":{"aws:PrincipalAccount":"111122223333"}}
            PrincipalAccount as a number         | {"StringEquals":{"aws:PrincipalAccount":111122223333}}
            PrincipalAccount list                | {"StringEquals":{"aws:PrincipalAccount":["111122223333","444455556666"]}}
            key in other case                    | {"StringEquals":{"AWS:PRINCIPALACCOUNT":"111122223333"}}
            operator in other case               | {"stringequals":{"aws:PrincipalAccount":"111122223333"}}
            StringEqualsIgnoreCase               | {"StringEqualsIgnoreCase":{"aws:PrincipalOrgID":"o-a1b2c3d4e5"}}
            StringLike literal account           | {"StringLike":{"aws:PrincipalAccount":"111122223333"}}
            StringEquals star is literal         | {"StringEquals":{"aws:PrincipalAccount":"*"}}
            kms:CallerAccount                    | {"StringEquals":{"kms:CallerAccount":"111122223333"}}
            CallerAccount with ViaService        | {"StringEquals":{"kms:CallerAccount":"111122223333","kms:ViaService":"rds.us-east-1.amazonaws.com"}}
            PrincipalOrgID                       | {"StringEquals":{"aws:PrincipalOrgID":"o-abc"}}
            ForAnyValue PrincipalOrgPaths        | {"ForAnyValue:StringLike":{"aws:PrincipalOrgPaths":"o-a1b2c3d4e5/r-ab12/ou-ab12-11111111/*"}}
            ForAllValues with Null false         | {"ForAllValues:StringLike":{"aws:PrincipalOrgPaths":"o-a1b2c3d4e5/*"},"Null":{"aws:PrincipalOrgPaths":"false"}}
            IfExists with Null false             | {"StringEqualsIfExists":{"aws:PrincipalOrgID":"o-abc"},"Null":{"aws:PrincipalOrgID":"false"}}
            PrincipalArn ArnLike role path       | {"ArnLike":{"aws:PrincipalArn":"arn:aws:iam::111122223333:role/app/*"}}
            PrincipalArn ArnEquals any partition | {"ArnEquals":{"aws:PrincipalArn":"arn:*:iam::111122223333:root"}}
            PrincipalArn StringLike              | {"StringLike":{"aws:PrincipalArn":"arn:aws:iam::111122223333:role/*"}}
            SourceAccount                        | {"StringEquals":{"aws:SourceAccount":"111122223333"}}
            SourceArn bucket                     | {"ArnLike":{"aws:SourceArn":"arn:aws:s3:::healthapp-logs"}}
            SourceArn with account               | {"ArnLike":{"aws:SourceArn":"arn:aws:cloudtrail:us-east-1:111122223333:trail/*"}}
            SourceOrgID                          | {"StringEquals":{"aws:SourceOrgID":"o-abc"}}
            SourceOrgPaths                       | {"ForAnyValue:StringEquals":{"aws:SourceOrgPaths":"o-abc/r-ab12/"}}
            userid                               | {"StringLike":{"aws:userid":"AROAEXAMPLEID:*"}}
            resource account variable            | {"StringEquals":{"aws:PrincipalAccount":"${aws:ResourceAccount}"}}
            resource org variable                | {"StringEquals":{"aws:PrincipalOrgID":"${aws:ResourceOrgID}"}}
            caller key beside other keys         | {"Bool":{"aws:SecureTransport":"true"},"StringEquals":{"aws:PrincipalOrgID":"o-abc"}}
            """)
    void aConditionThatPinsTheCallerNarrowsEveryone(String name, String condition) {
        assertThat(withCondition(condition)).contains(List.of());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            no condition                         |                                                                      | Principal "*": no Condition
            empty condition                      | {}                                                                   | Principal "*": an empty Condition
            SecureTransport only                 | {"Bool":{"aws:SecureTransport":"true"}}                              | condition keys aws:SecureTransport do not restrict the caller
            ViaService only                      | {"StringEquals":{"kms:ViaService":"rds.us-east-1.amazonaws.com"}}    | condition keys kms:ViaService do not restrict the caller
            encryption context                   | {"StringEquals":{"kms:EncryptionContext:app":"phi"}}                 | condition keys kms:EncryptionContext:app do not restrict
            GrantIsForAWSResource                | {"Bool":{"kms:GrantIsForAWSResource":"true"}}                        | condition keys kms:GrantIsForAWSResource do not restrict
            CurrentTime                          | {"DateLessThan":{"aws:CurrentTime":"2030-01-01T00:00:00Z"}}          | condition keys aws:CurrentTime do not restrict
            PrincipalServiceName                 | {"StringEquals":{"aws:PrincipalServiceName":"cloudtrail.amazonaws.com"}} | condition keys aws:PrincipalServiceName do not restrict
            PrincipalTag                         | {"StringEquals":{"aws:PrincipalTag/team":"phi"}}                     | condition keys aws:PrincipalTag/team do not restrict
            username                             | {"StringEquals":{"aws:username":"alice"}}                            | condition keys aws:username do not restrict
            SourceIp                             | {"IpAddress":{"aws:SourceIp":"203.0.113.0/24"}}                      | condition keys aws:SourceIp limit the network, not the caller
            SourceVpce                           | {"StringEquals":{"aws:SourceVpce":"vpce-1a2b3c4d"}}                  | condition keys aws:SourceVpce limit the network, not the caller
            StringLike star account              | {"StringLike":{"aws:PrincipalAccount":"*"}}                          | StringLike on aws:PrincipalAccount admits callers of any account: value "*" is a pattern, not one account
            StringLike partial account           | {"StringLike":{"aws:PrincipalAccount":"1111*"}}                      | value "1111*" is a pattern, not one account
            StringLike single-char account       | {"StringLike":{"kms:CallerAccount":"????????????"}}                  | is a pattern, not one account
            one star among accounts              | {"StringLike":{"aws:PrincipalAccount":["111122223333","*"]}}         | value "*" is a pattern
            StringLike org star                  | {"StringLike":{"aws:PrincipalOrgID":"o-*"}}                          | value "o-*" is a pattern, not one organization
            org path wildcard org                | {"ForAnyValue:StringLike":{"aws:PrincipalOrgPaths":"*/r-ab12/*"}}    | does not start with one organization id
            ArnLike any account                  | {"ArnLike":{"aws:PrincipalArn":"arn:aws:iam::*:*"}}                  | has a wildcard in its account part
            ArnEquals star                       | {"ArnEquals":{"aws:PrincipalArn":"*"}}                               | is not an ARN with an account part
            StringLike star colon star           | {"StringLike":{"aws:PrincipalArn":"*:*"}}                            | is not an ARN with an account part
            StringLike wildcard before account   | {"StringLike":{"aws:PrincipalArn":"arn:aws:*:111122223333:*"}}       | is not an ARN with an account part
            StringLike wildcard in service       | {"StringLike":{"aws:PrincipalArn":"arn:aws:*::111122223333:role/x"}} | has a wildcard before or in its account part
            SourceArn bucket pattern             | {"ArnLike":{"aws:SourceArn":"arn:aws:s3:::*"}}                       | names no account and its resource is a pattern
            userid pattern                       | {"StringLike":{"aws:userid":"AROA*"}}                                | does not start with one unique id
            IfExists alone                       | {"StringEqualsIfExists":{"aws:PrincipalAccount":"111122223333"}}     | StringEqualsIfExists on aws:PrincipalAccount passes when the key is absent
            ArnLikeIfExists alone                | {"ArnLikeIfExists":{"aws:SourceArn":"arn:aws:s3:::healthapp-logs"}}  | passes when the key is absent
            ForAllValues alone                   | {"ForAllValues:StringEquals":{"aws:PrincipalOrgPaths":"o-abc/r-ab12/"}} | ForAllValues of no values is true
            Null true is no pin                  | {"StringEqualsIfExists":{"aws:PrincipalOrgID":"o-abc"},"Null":{"aws:PrincipalOrgID":"true"}} | passes when the key is absent
            StringNotEquals                      | {"StringNotEquals":{"aws:PrincipalAccount":"111122223333"}}          | StringNotEquals on aws:PrincipalAccount is negated and admits every other caller
            ArnNotLike                           | {"ArnNotLike":{"aws:PrincipalArn":"arn:aws:iam::111122223333:role/x"}} | is negated
            Null false only                      | {"Null":{"aws:PrincipalAccount":"false"}}                            | Null on aws:PrincipalAccount only tests whether the key is present
            Bool on account                      | {"Bool":{"aws:PrincipalAccount":"true"}}                             | does not compare the key for a match
            unknown qualifier                    | {"ForSomeValues:StringEquals":{"aws:PrincipalAccount":"111122223333"}} | has an unknown set qualifier
            principal account variable           | {"StringEquals":{"aws:PrincipalAccount":"${aws:PrincipalAccount}"}}  | is a policy variable
            malformed condition                  | {"StringEquals":"aws:PrincipalAccount"}                              | the Condition element is malformed
            several keys named                   | {"Bool":{"aws:SecureTransport":"true"},"StringEquals":{"kms:ViaService":"rds.us-east-1.amazonaws.com"}} | condition keys aws:SecureTransport, kms:ViaService do not restrict the caller
            """)
    void aConditionThatDoesNotPinTheCallerLeavesItOpen(String name, String condition, String reason) {
        Optional<List<OpenStatement>> open = withCondition(condition);
        assertThat(open).isPresent();
        assertThat(open.get()).singleElement().satisfies(s -> {
            assertThat(s.statement()).isEqualTo("S");
            assertThat(s.reason()).contains(reason);
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            star string                 | {"Statement":[{"Sid":"Open","Effect":"Allow","Principal":"*"}]}                           | Open
            AWS star                    | {"Statement":[{"Effect":"Allow","Principal":{"AWS":"*"}}]}                                | #0
            AWS list with star          | {"Statement":{"Sid":"L","Effect":"Allow","Principal":{"AWS":["arn:aws:iam::1:root","*"]}}} | L
            index counts every statement| {"Statement":[{"Effect":"Deny","Principal":"*"},{"Effect":"Allow","Principal":"*"}]}      | #1
            NotPrincipal with Allow     | {"Statement":[{"Sid":"N","Effect":"Allow","NotPrincipal":{"AWS":"arn:aws:iam::1:root"}}]}  | N
            empty Sid                   | {"Statement":[{"Sid":"","Effect":"Allow","Principal":"*"}]}                               | #0
            """)
    void findsStatementsOpenToEveryone(String name, String policy, String label) {
        assertThat(PublicAccess.openStatements(policy).orElseThrow()).extracting(OpenStatement::statement)
                .containsExactly(label);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            deny star                   | {"Statement":[{"Effect":"Deny","Principal":"*"}]}
            effect in other case        | {"Statement":[{"Effect":"allow","Principal":"*"}]}
            named principal             | {"Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::1:root"}}]}
            another account root        | {"Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::444455556666:root"}}]}
            partial wildcard principal  | {"Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::*:root"}}]}
            service principal           | {"Statement":[{"Effect":"Allow","Principal":{"Service":"logs.amazonaws.com"}}]}
            NotPrincipal star           | {"Statement":[{"Effect":"Allow","NotPrincipal":{"AWS":"*"}}]}
            NotPrincipal with Deny      | {"Statement":[{"Effect":"Deny","NotPrincipal":{"AWS":"arn:aws:iam::1:root"}}]}
            NotPrincipal pinned         | {"Statement":[{"Effect":"Allow","NotPrincipal":{"AWS":"arn:aws:iam::1:role/x"},"Condition":{"StringEquals":{"aws:PrincipalAccount":"111122223333"}}}]}
            no statement                | {"Version":"2012-10-17"}
            """)
    void otherStatementsAreNotOpenToEveryone(String name, String policy) {
        assertThat(PublicAccess.openStatements(policy)).contains(List.of());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"not json", "[1,2]", "\"a string\"", "{\"Statement\":[]} trailing"})
    void anUnreadablePolicyIsUnknownNotSafe(String policy) {
        assertThat(PublicAccess.openStatements(policy)).isEmpty();
    }

    @Test
    void everyOpenStatementIsListedWithItsOwnReason() {
        String policy = """
                {"Statement":[
                  {"Sid":"Root","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"kms:*"},
                  {"Sid":"Tls","Effect":"Allow","Principal":"*","Condition":{"Bool":{"aws:SecureTransport":"true"}}},
                  {"Sid":"Rds","Effect":"Allow","Principal":"*","Condition":{"StringEquals":{"kms:CallerAccount":"111122223333"}}},
                  {"Effect":"Allow","Principal":{"AWS":["*"]}}
                ]}""";
        assertThat(PublicAccess.openStatements(policy).orElseThrow()).containsExactly(
                new OpenStatement("Tls", "Principal \"*\": condition keys aws:SecureTransport do not restrict the caller"),
                new OpenStatement("#3", "Principal \"*\": no Condition"));
    }
}
