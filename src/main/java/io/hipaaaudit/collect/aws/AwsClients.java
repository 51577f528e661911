package io.hipaaaudit.collect.aws;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * One SDK client per service × region, built on demand and shared by every collector of the scan. All share one
 * url-connection HTTP client (set explicitly: with several on the classpath the SDK would pick one silently),
 * the credentials, the retry strategy, the counting interceptor, the pagination guard and the scan deadline. The
 * transport decorates that HTTP client per client to record the exchanges, or replaces it to answer from an
 * evidence bundle. Every client has the same bounds: a socket timeout on each read, an attempt timeout on each
 * request (the body included), a total timeout on each call with its retries, and the scan's deadline.
 */
final class AwsClients implements AutoCloseable {
    private final AwsCollectorOptions options;
    private final AwsCredentialsProvider credentials;
    private final ApiCallCounter counter;
    private final AwsTransport transport;
    private final SdkHttpClient http;
    private final PaginationGuard pagination = new PaginationGuard();
    private final ScanDeadline deadline;
    private final BoundedHttpClient bounded;
    private final Map<String, SdkClient> clients = new ConcurrentHashMap<>();

    AwsClients(AwsCollectorOptions options, AwsCredentialsProvider credentials, ApiCallCounter counter,
               AwsTransport transport) {
        this.options = options;
        this.credentials = credentials;
        this.counter = counter;
        this.transport = transport;
        this.http = options.httpClient().orElseGet(() -> httpClient(options.attemptTimeout()));
        this.deadline = new ScanDeadline(options.deadline());
        this.bounded = new BoundedHttpClient(options.attemptTimeout(), options.deadline());
    }

    static SdkHttpClient httpClient(Duration attemptTimeout) {
        return UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(5))
                .socketTimeout(attemptTimeout)
                .build();
    }

    Ec2Client ec2(String region) {
        return client("ec2", region, () -> configure(Ec2Client.builder(), "ec2", region));
    }

    RdsClient rds(String region) {
        return client("rds", region, () -> configure(RdsClient.builder(), "rds", region));
    }

    KmsClient kms(String region) {
        return client("kms", region, () -> configure(KmsClient.builder(), "kms", region));
    }

    CloudTrailClient cloudTrail(String region) {
        return client("cloudtrail", region, () -> configure(CloudTrailClient.builder(), "cloudtrail", region));
    }

    CloudWatchLogsClient logs(String region) {
        return client("logs", region, () -> configure(CloudWatchLogsClient.builder(), "logs", region));
    }

    SecretsManagerClient secretsManager(String region) {
        return client("secretsmanager", region,
                () -> configure(SecretsManagerClient.builder(), "secretsmanager", region));
    }

    LambdaClient lambda(String region) {
        return client("lambda", region, () -> configure(LambdaClient.builder(), "lambda", region));
    }

    StsClient sts(String region) {
        return client("sts", region, () -> configure(StsClient.builder(), "sts", region));
    }

    @SuppressWarnings("unchecked")
    private <C extends SdkClient> C client(String service, String region, java.util.function.Supplier<C> build) {
        return (C) clients.computeIfAbsent(service + "/" + region, k -> build.get());
    }

    private <B extends AwsClientBuilder<B, C> & software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder<B, C>, C>
            C configure(B builder, String service, String region) {
        // the deadline first: a call refused at the deadline is neither rate-limited nor counted
        var override = bounds(options).addExecutionInterceptor(deadline).addExecutionInterceptor(counter)
                .addExecutionInterceptor(pagination);
        builder.region(Region.of(region))
                .credentialsProvider(credentials)
                .httpClient(bounded.wrap(transport.wrap(http, service, region, options.clock())))
                .overrideConfiguration(override.build());
        // Without an explicit URL the SDK resolves the endpoint itself, AWS_ENDPOINT_URL included.
        transport.endpoint(service, region).or(options::endpointUrl).ifPresent(builder::endpointOverride);
        return builder.build();
    }

    /**
     * The timeouts and retries of every SDK client of a scan (the STS and Organizations clients outside this class
     * too): each attempt is bounded, body included; each call, retries and backoff included, is bounded at six
     * attempts' time; a response body that breaks off is retried like a connection reset.
     */
    static ClientOverrideConfiguration.Builder bounds(AwsCollectorOptions options) {
        RetryStrategy strategy = options.retryStrategy().orElseGet(AwsRetryStrategy::standardRetryStrategy);
        return ClientOverrideConfiguration.builder()
                .apiCallAttemptTimeout(options.attemptTimeout())
                .apiCallTimeout(options.attemptTimeout().multipliedBy(6))
                .retryStrategy(strategy.toBuilder().retryOnException(Faults::brokenBody).build());
    }

    /** True once the scan's deadline has passed: what was not collected by then stays unknown. */
    boolean pastDeadline() {
        return deadline.passed();
    }

    @Override
    public void close() {
        clients.values().forEach(SdkClient::close);
        bounded.close();
        if (options.httpClient().isEmpty()) {
            http.close(); // a client given in the options belongs to the caller
        }
    }
}
