package io.hipaaaudit.collect.aws;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;

/** Collector options for a local wire-format endpoint: static fake keys, immediate retries, no rate limit. */
public final class LocalEndpointOptions {
    private LocalEndpointOptions() {}

    public static AwsCollectorOptions of(URI endpoint, Duration attemptTimeout) {
        return AwsCollectorOptions.defaults()
                .withEndpointUrl(endpoint)
                .withCredentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")))
                .withRetryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                        .maxAttempts(3)
                        .backoffStrategy(BackoffStrategy.retryImmediately())
                        .throttlingBackoffStrategy(BackoffStrategy.retryImmediately())
                        .circuitBreakerEnabled(false)
                        .build())
                .withRatesPerSecond(Map.of())
                .withAttemptTimeout(attemptTimeout);
    }
}
