package io.hipaaaudit.redact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Whatever form a connection string or a signed request takes in a message, its secret does not survive. */
class RedactionTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            libpq URL user-info        | postgres://user:SECRET@host/db                          | postgres://user:***@host/db
            password with an at sign   | postgresql://u:SEC@RET@h:5432/db                        | postgresql://u:***@h:5432/db
            JDBC password parameter    | jdbc:postgresql://h/db?sslmode=require&password=SECRET  | jdbc:postgresql://h/db?sslmode=require&password=***
            any case, sslpassword      | jdbc:postgresql://h/db?PassWord=SECRET&SSLPASSWORD=SECRET | jdbc:postgresql://h/db?PassWord=***&SSLPASSWORD=***
            token and secret           | x?token=SECRET&client_secret=SECRET&user=a              | x?token=***&client_secret=***&user=a
            libpq keyword form         | host=h dbname=d password='SE CRET' port=5432            | host=h dbname=d password=*** port=5432
            AWS signature in a query   | https://ec2/?X-Amz-Signature=SECRET&X-Amz-Security-Token=SECRET&Action=x | https://ec2/?X-Amz-Signature=***&X-Amz-Security-Token=***&Action=x
            security token header      | X-Amz-Security-Token: SECRET other                      | X-Amz-Security-Token: *** other
            JSON field                 | {"SecretAccessKey":"SECRET","Region":"r"}               | {"SecretAccessKey":"***","Region":"r"}
            XML element                | <SessionToken>SECRET</SessionToken><Arn>a</Arn>        | <SessionToken>***</SessionToken><Arn>a</Arn>
            access key ids             | key AKIAIOSFODNN7EXAMPLE and ASIAY34FZKBOKMUTVV7A      | key AKIA*** and ASIA***
            """)
    void aSecretInAnyFormIsMasked(String name, String text, String expected) {
        assertThat(Redaction.text(text)).isEqualTo(expected).doesNotContain("SECRET").doesNotContain("CRET");
    }

    @Test
    void anAuthorizationValueIsMaskedToTheEndOfTheLine() {
        String signed = "request: Authorization: AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20260101/us-east-1/"
                + "ec2/aws4_request, SignedHeaders=host;x-amz-date, Signature=fe5f80f77d5fa3beca038a248ff027d04";
        assertThat(Redaction.text(signed)).isEqualTo("request: Authorization: ***");
    }

    @Test
    void ordinaryMessagesAreLeftAlone() {
        for (String plain : List.of("The security token included in the request is invalid.",
                "jdbc:postgresql://db.example:5432/app?sslmode=verify-full", "ExpiredToken: the token has expired",
                "You are not authorized to perform this operation.", "postgres://user@host/db")) {
            assertThat(Redaction.text(plain)).isEqualTo(plain);
        }
    }

    @Test
    void theSecretsOfTheCredentialsInUseAreMaskedWhereverTheyAppear() {
        String secretKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY-redaction-test";
        Redaction.remember(secretKey);
        assertThat(Redaction.text("the request was signed with " + secretKey + ".")).isEqualTo("the request was signed with ***.");
        assertThat(Redaction.text("bad password s3cr3t here", List.of("s3cr3t"))).isEqualTo("bad password *** here");
    }

    @Test
    void aUrlCarriesASecretInItsUserInfoOrAPasswordParameter() {
        assertThat(Redaction.carriesSecret("jdbc:postgresql://h/db?sslpassword=x")).isTrue();
        assertThat(Redaction.carriesSecret("postgres://u:p@h/db")).isTrue();
        assertThat(Redaction.carriesSecret("jdbc:postgresql://h/db?sslmode=require&user=u")).isFalse();
    }
}
