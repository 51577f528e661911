package io.hipaaaudit.collect.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.hipaaaudit.inventory.CollectionError;
import io.hipaaaudit.inventory.Inventory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** An endpoint that echoes the signed request in its error text does not get the credentials into the scan's output. */
class AwsErrorRedactionTest {
    private static final String KEY_ID = "ASIAZ7REDACTIONTEST1";
    private static final String SECRET_KEY = "q9Xr2vLm8TnB4kWz0PjR6sYd1HfC3gUe5oAi7lQw";
    private static final String SESSION_TOKEN = "IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQ-redaction-test";

    private final AwsWire wire = new AwsWire().region("us-east-1");

    @AfterEach
    void stop() {
        wire.close();
    }

    @Test
    void anErrorTextThatEchoesTheRequestLosesEverySecret() {
        String echoed = "Request was: POST / Authorization=AWS4-HMAC-SHA256 Credential=" + KEY_ID
                + "/20260101/us-east-1/ec2/aws4_request, Signature=0f1e2d3c4b5a69788796a5b4c3d2e1f0 "
                + "X-Amz-Security-Token=" + SESSION_TOKEN + " aws_secret=" + SECRET_KEY + " key " + SECRET_KEY
                + " token " + SESSION_TOKEN + " caller " + KEY_ID + " db password=hunter2!";
        wire.server.stubFor(wire.request("us-east-1", "ec2", "DescribeSecurityGroups").atPriority(0)
                .willReturn(AwsWire.ec2Error(400, "InvalidRequest", echoed)));
        AwsCollectorOptions options = wire.options("us-east-1").withCredentialsProvider(StaticCredentialsProvider.create(
                AwsSessionCredentials.create(KEY_ID, SECRET_KEY, SESSION_TOKEN)));
        Inventory inv = new AwsCollector().collect(options).inventory();

        assertThat(inv.collectionErrors()).singleElement().satisfies((CollectionError e) -> {
            assertThat(e.code()).isEqualTo("InvalidRequest");
            assertThat(e.message()).startsWith("Request was: POST /")
                    .doesNotContain(SECRET_KEY, SESSION_TOKEN, KEY_ID, "0f1e2d3c4b5a", "hunter2")
                    .contains("***");
        });
    }
}
