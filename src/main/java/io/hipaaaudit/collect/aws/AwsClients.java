package io.hipaaaudit.collect.aws;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
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
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3control.S3ControlClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * One SDK client per service × region, built on demand and shared by every collector of the scan. All share one
 * url-connection HTTP client (set explicitly: with several on the classpath the SDK would pick one silently),
 * the credentials, the retry strategy, the counting interceptor, the pagination guard and the scan deadline. The
 * transport decorates that HTTP client per client to record the exchanges; a replay answers from an evidence
 * bundle instead and builds no HTTP client at all. Every client has the same bounds: a socket timeout on each
 * read, an attempt timeout on each request (the body included), a total timeout on each call with its retries,
 * and the scan's deadline.
 */
final class AwsClients implements AutoCloseable {
    private final AwsCollectorOptions options;
    private final AwsCredentialsProvider credentials;
    private final ApiCallCounter counter;
    private final AwsTransport transport;
    private final Optional<SdkHttpClient> http;
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
        // a replay answers from its bundle: no network client (its TLS context, the trust store read) is built
        this.http = transport.replaying() ? Optional.empty()
                : Optional.of(options.httpClient().orElseGet(() -> httpClient(options.attemptTimeout())));
        this.deadline = new ScanDeadline(options.deadline());
        this.bounded = new BoundedHttpClient(options.attemptTimeout(), options.deadline(), options.concurrency());
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

    /**
     * S3 addresses buckets by host name ({@code bucket.s3.region.amazonaws.com}); a local or replayed endpoint has
     * one host, so with an endpoint override the client uses path-style addressing ({@code host/bucket}).
     */
    S3Client s3(String region) {
        return client("s3", region, () -> configure(S3Client.builder().forcePathStyle(overridden("s3", region)),
                "s3", region, o -> {}));
    }

    /**
     * s3control puts the account id in front of the host ({@code 111122223333.s3-control.region.amazonaws.com}),
     * in its endpoint rules even for an overridden endpoint. A local or replayed endpoint is reached by its own
     * host: with an endpoint override the client resolves to exactly that URL, signed as S3 (SigV4, signing name
     * {@code s3}, the client's region, as the rules would), and host prefix injection is off. Without an override
     * the SDK's own rules apply, so real AWS is reached as documented.
     */
    S3ControlClient s3Control(String region) {
        boolean local = overridden("s3control", region);
        return client("s3control", region, () -> {
            var builder = S3ControlClient.builder();
            if (local) {
                builder.endpointProvider(params -> java.util.concurrent.CompletableFuture.completedFuture(
                        software.amazon.awssdk.endpoints.Endpoint.builder().url(java.net.URI.create(params.endpoint()))
                                .putAttribute(software.amazon.awssdk.awscore.endpoints.AwsEndpointAttribute.AUTH_SCHEMES,
                                        List.of(software.amazon.awssdk.awscore.endpoints.authscheme.SigV4AuthScheme
                                                .builder().signingName("s3").signingRegion(params.regionId())
                                                .disableDoubleEncoding(true).build()))
                                .build()));
            }
            return configure(builder, "s3control", region,
                    o -> o.putAdvancedOption(software.amazon.awssdk.core.client.config.SdkAdvancedClientOption
                            .DISABLE_HOST_PREFIX_INJECTION, local));
        });
    }

    private boolean overridden(String service, String region) {
        return transport.endpoint(service, region).or(options::endpointUrl).isPresent();
    }

    /** Security Hub: used only by the opt-in import of findings after a scan, never by collection. */
    software.amazon.awssdk.services.securityhub.SecurityHubClient securityHub(String region) {
        return client("securityhub", region, () -> configure(
                software.amazon.awssdk.services.securityhub.SecurityHubClient.builder(), "securityhub", region));
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
        return configure(builder, service, region, o -> {});
    }

    private <B extends AwsClientBuilder<B, C> & software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder<B, C>, C>
            C configure(B builder, String service, String region,
                        java.util.function.Consumer<ClientOverrideConfiguration.Builder> more) {
        // the deadline first: a call refused at the deadline is neither rate-limited nor counted
        var override = bounds(options).addExecutionInterceptor(deadline).addExecutionInterceptor(counter)
                .addExecutionInterceptor(pagination);
        more.accept(override);
        builder.region(Region.of(region))
                .credentialsProvider(credentials)
                .httpClient(bounded.wrap(transport.wrap(network(http), service, region, options.clock())))
                .overrideConfiguration(override.build());
        // Without an explicit URL the SDK resolves the endpoint itself, AWS_ENDPOINT_URL included.
        transport.endpoint(service, region).or(options::endpointUrl).ifPresent(builder::endpointOverride);
        return builder.build();
    }

    /** What the transport sends through over the network: {@code http}, which a replay never asks for. */
    static Supplier<SdkHttpClient> network(Optional<SdkHttpClient> http) {
        return () -> http.orElseThrow(() -> new IllegalStateException(
                "a replayed scan sends no request over the network"));
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
            http.ifPresent(SdkHttpClient::close); // a client given in the options belongs to the caller
        }
    }
}
