package io.hipaaaudit.analyse.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which Deny statements make a bucket TLS-only, and the wildcard coverage behind it. */
class SecureTransportTest {
    private static final List<String> ACTIONS = List.of("s3:GetObject", "s3:PutObject");
    private static final String BUCKET = "arn:aws:s3:::phi";

    private static List<String> denying(String statement) {
        return SecureTransport.denyingStatements("{\"Statement\":[" + statement + "]}", ACTIONS, List.of(BUCKET),
                List.of(BUCKET + "/")).orElseThrow();
    }

    private static String deny(String action, String resource, String condition) {
        return "{\"Sid\":\"Tls\",\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":" + action + ",\"Resource\":"
                + resource + ",\"Condition\":" + condition + "}";
    }

    private static final String BOTH = "[\"arn:aws:s3:::phi\",\"arn:aws:s3:::phi/*\"]";
    private static final String INSECURE = "{\"Bool\":{\"aws:SecureTransport\":\"false\"}}";

    @Test
    void theDocumentedStatementCounts() {
        assertThat(denying(deny("\"s3:*\"", BOTH, INSECURE))).containsExactly("Tls");
        assertThat(denying(deny("[\"s3:GetObject\",\"s3:PutObject\"]", BOTH,
                "{\"BoolIfExists\":{\"aws:SecureTransport\":false}}"))).containsExactly("Tls");
        assertThat(denying(deny("\"*\"", "\"arn:aws:s3:::phi*\"", INSECURE))).containsExactly("Tls");
        assertThat(denying(deny("\"s3:*\"", "[\"arn:aws:s3:::phi\",\"arn:aws:s3:::*/*\"]", INSECURE)))
                .containsExactly("Tls");
    }

    @Test
    void narrowerStatementsDoNotCount() {
        assertThat(denying(deny("\"s3:PutObject\"", BOTH, INSECURE))).isEmpty();
        assertThat(denying(deny("\"s3:*\"", "[\"arn:aws:s3:::phi\",\"arn:aws:s3:::phi/uploads/*\"]", INSECURE)))
                .isEmpty();
        assertThat(denying(deny("\"s3:*\"", "\"arn:aws:s3:::phi/*\"", INSECURE))).isEmpty(); // not the bucket
        assertThat(denying(deny("\"s3:*\"", BOTH, "{\"Bool\":{\"aws:SecureTransport\":\"true\"}}"))).isEmpty();
        assertThat(denying(deny("\"s3:*\"", BOTH,
                "{\"Bool\":{\"aws:SecureTransport\":\"false\"},\"IpAddress\":{\"aws:SourceIp\":\"10.0.0.0/8\"}}")))
                .isEmpty();
        assertThat(denying(deny("\"s3:*\"", BOTH, INSECURE).replace("\"Deny\"", "\"Allow\""))).isEmpty();
        assertThat(denying(deny("\"s3:*\"", BOTH, INSECURE)
                .replace("\"Principal\":\"*\"", "\"Principal\":{\"AWS\":\"arn:aws:iam::111122223333:root\"}"))).isEmpty();
    }

    @Test
    void notActionAndNotResourceCountOnlyWhenTheyLeaveNothingOut() {
        assertThat(denying("{\"Effect\":\"Deny\",\"Principal\":\"*\",\"NotAction\":\"s3:ListBucket\","
                + "\"NotResource\":\"arn:aws:s3:::other/*\",\"Condition\":" + INSECURE + "}")).containsExactly("#0");
        assertThat(denying("{\"Effect\":\"Deny\",\"Principal\":\"*\",\"NotAction\":\"s3:Get*\",\"Resource\":" + BOTH
                + ",\"Condition\":" + INSECURE + "}")).isEmpty();
        assertThat(denying("{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\","
                + "\"NotResource\":\"arn:aws:s3:::phi/secret/*\",\"Condition\":" + INSECURE + "}")).isEmpty();
    }

    @Test
    void wildcardsCoverEveryExtensionOnlyWhenOnlyStarsRemain() {
        assertThat(Wildcards.matches("s3:get*", "s3:getobject")).isTrue();
        assertThat(Wildcards.matches("s3:?etObject", "s3:GetObject")).isTrue();
        assertThat(Wildcards.coversEveryExtension("arn:aws:s3:::phi/*", "arn:aws:s3:::phi/")).isTrue();
        assertThat(Wildcards.coversEveryExtension("arn:aws:s3:::phi/?", "arn:aws:s3:::phi/")).isFalse();
        assertThat(Wildcards.coversEveryExtension("arn:aws:s3:::*/*", "arn:aws:s3:::phi/")).isTrue();
        assertThat(Wildcards.matchesSomeExtension("arn:aws:s3:::phi/a/*", "arn:aws:s3:::phi/")).isTrue();
        assertThat(Wildcards.matchesSomeExtension("arn:aws:s3:::other/*", "arn:aws:s3:::phi/")).isFalse();
    }
}
