package io.hipaaaudit.collect.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hipaaaudit.inventory.CollectionError;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The calls made before collection starts are bounded like every other: an STS that never answers AssumeRole and
 * an Organizations endpoint whose answer trickles in for a minute end at the attempt timeout (with retries), not when
 * the endpoint lets go.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CredentialCallBoundsTest {
    private final AwsWire wire = new AwsWire().region("us-east-1");

    @AfterEach
    void stop() {
        wire.close();
    }

    @Test
    void anAssumeRoleThatHangsLeavesThatAccountUnreachableWithinTheBound() {
        wire.server.stubFor(wire.request("us-east-1", "sts", "AssumeRole").atPriority(0)
                .willReturn(aResponse().withStatus(200).withFixedDelay(120_000)));
        AccountTarget target = new AccountTarget("444455556666",
                Optional.of("arn:aws:iam::444455556666:role/hipaa-audit"), Optional.empty(), Optional.empty());

        long start = System.nanoTime();
        AwsCollection c = new MultiAccountCollector(1).collect(wire.options("us-east-1")
                .withAttemptTimeout(Duration.ofMillis(800)), List.of(target));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(took).isLessThan(Duration.ofSeconds(30));
        assertThat(c.inventory().collectionErrors()).singleElement().satisfies(e -> {
            assertThat(e.operation()).isEqualTo("sts:AssumeRole");
            assertThat(e.code()).isEqualTo("AccountUnreachable");
            assertThat(e.account()).contains("444455556666");
        });
        assertThat(c.inventory().collectionErrors()).extracting(CollectionError::message)
                .singleElement().asString().containsIgnoringCase("timeout");
    }

    @Test
    void anOrganizationsListingThatHangsEndsWithinTheBound() {
        wire.server.stubFor(post(urlPathEqualTo("/")).atPriority(0)
                .withHeader("X-Amz-Target", containing("ListAccounts"))
                // each read returns within the socket timeout: only a bound on the whole attempt ends it
                .willReturn(aResponse().withStatus(200).withBody("{\"Accounts\": [" + " ".repeat(4000) + "]}")
                        .withChunkedDribbleDelay(400, 60_000)));

        long start = System.nanoTime();
        assertThatThrownBy(() -> OrganizationAccounts.list(wire.options("us-east-1")
                .withAttemptTimeout(Duration.ofMillis(800)), "hipaa-audit", Optional.empty()))
                .isInstanceOf(AwsCredentialsException.class)
                .hasMessageStartingWith("Cannot list the organization's accounts (organizations:ListAccounts");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
    }
}
