package io.hipaaaudit.collect.aws;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.retries.api.RetryStrategy;

/**
 * How to reach AWS. Empty {@code regions} means every region enabled for the account (DescribeRegions). An empty
 * {@code endpointUrl} leaves endpoint resolution to the SDK, which honours {@code AWS_ENDPOINT_URL}.
 * {@code credentialsProvider} and {@code retryStrategy} replace the default chain and the SDK standard retry mode
 * (tests use static keys and an immediate retry); {@code ratesPerSecond} caps requests per service and region.
 * {@code clock} stamps the collection times and recorded exchanges, and {@code httpClient} replaces the scan's
 * url-connection client (the caller then owns and closes it): both exist so that the demo's evidence bundle can be
 * recorded at a fixed time through a local wire-format endpoint; a scan uses the system clock and its own client.
 * {@code deadline} (wall-clock time, read from the system clock whatever {@code clock} says) ends the collection:
 * after it no request starts and requests in flight are cut, each leaving a {@code ScanDeadline} collection error.
 * {@code concurrency} (default 8) is the most requests one account's collection has in flight at once, the change
 * history's included.
 */
public record AwsCollectorOptions(Optional<String> profile, Optional<String> roleArn, Optional<String> externalId,
                                  List<String> regions, Optional<URI> endpointUrl,
                                  Optional<AwsCredentialsProvider> credentialsProvider,
                                  Optional<RetryStrategy> retryStrategy, int concurrency,
                                  Map<String, Double> ratesPerSecond, Duration attemptTimeout,
                                  CollectionProgress progress, Clock clock, Optional<SdkHttpClient> httpClient,
                                  Optional<Instant> deadline, Map<String, Integer> bursts, boolean changeHistory) {

    /**
     * Below the documented quotas (DESIGN.md): EC2 20/s per API, RDS 12/s, CloudTrail 10/s, CloudTrail LookupEvents
     * 2/s, KMS 1000/s and more per API, Secrets Manager 50/s and more per API, Lambda 15/s for its
     * control-plane calls such as ListFunctions; CloudWatch Logs DescribeLogGroups shares a per-account quota with every
     * log shipper of the account, so the scan keeps to 4/s. Security Hub (the opt-in import after the scan):
     * BatchImportFindings 10/s with a burst of 30 per account and region, GetFindings 3/s with a burst of 6.
     * Keyed by service, or by action where an action has a quota of its own
     * (then it has its own limiter): the per-key KMS calls may use a quarter of theirs at most, so a scan of
     * thousands of keys is not held to the rate of the list calls, and an audit never crowds out the application.
     */
    public static final Map<String, Double> DEFAULT_RATES = Map.ofEntries(Map.entry("ec2", 15.0),
            Map.entry("rds", 10.0), Map.entry("kms", 50.0), Map.entry("kms:DescribeKey", 250.0),
            Map.entry("kms:GetKeyPolicy", 100.0), Map.entry("kms:GetKeyRotationStatus", 100.0),
            Map.entry("cloudtrail", 8.0), Map.entry("sts", 10.0), Map.entry("cloudtrail:LookupEvents", 1.8),
            Map.entry("logs", 4.0), Map.entry("secretsmanager", 20.0),
            Map.entry("lambda", 10.0), Map.entry("s3", 50.0), Map.entry("s3control", 5.0),
            Map.entry("securityhub:BatchImportFindings", 8.0), Map.entry("securityhub:GetFindings", 2.0));

    /**
     * How many requests a limiter lets go at once before it holds them to its rate (a token bucket of this size,
     * full at the start), keyed as the rates are; a key without a burst is smooth (one at a time). A fraction of
     * the services' documented buckets (EC2 100 per API, RDS 300, KMS and Secrets Manager far more), so a small
     * account's first requests go out together while a large scan settles to the rates above and the application
     * keeps most of the bucket; CloudTrail LookupEvents (2/s, no burst documented) stays smooth.
     */
    public static final Map<String, Integer> DEFAULT_BURSTS = Map.ofEntries(Map.entry("ec2", 40),
            Map.entry("rds", 60), Map.entry("kms", 50), Map.entry("kms:DescribeKey", 100),
            Map.entry("kms:GetKeyPolicy", 50), Map.entry("kms:GetKeyRotationStatus", 50),
            Map.entry("cloudtrail", 5), Map.entry("sts", 5), Map.entry("logs", 4), Map.entry("secretsmanager", 20),
            Map.entry("lambda", 10), Map.entry("s3", 50), Map.entry("s3control", 5),
            Map.entry("securityhub:BatchImportFindings", 10), Map.entry("securityhub:GetFindings", 3));

    public AwsCollectorOptions {
        profile = profile == null ? Optional.empty() : profile;
        roleArn = roleArn == null ? Optional.empty() : roleArn;
        externalId = externalId == null ? Optional.empty() : externalId;
        regions = regions == null ? List.of() : List.copyOf(regions);
        endpointUrl = endpointUrl == null ? Optional.empty() : endpointUrl;
        credentialsProvider = credentialsProvider == null ? Optional.empty() : credentialsProvider;
        retryStrategy = retryStrategy == null ? Optional.empty() : retryStrategy;
        concurrency = concurrency <= 0 ? 8 : concurrency;
        ratesPerSecond = ratesPerSecond == null ? DEFAULT_RATES : Map.copyOf(ratesPerSecond);
        attemptTimeout = attemptTimeout == null ? Duration.ofSeconds(20) : attemptTimeout;
        progress = progress == null ? CollectionProgress.NONE : progress;
        clock = clock == null ? Clock.systemUTC() : clock;
        httpClient = httpClient == null ? Optional.empty() : httpClient;
        deadline = deadline == null ? Optional.empty() : deadline;
        bursts = bursts == null ? DEFAULT_BURSTS : Map.copyOf(bursts);
    }

    public static AwsCollectorOptions defaults() {
        return new AwsCollectorOptions(null, null, null, null, null, null, null, 0, null, null, null, null, null, null,
                null, false);
    }

    public AwsCollectorOptions withProfile(String value) {
        return new AwsCollectorOptions(Optional.ofNullable(value), roleArn, externalId, regions, endpointUrl,
                credentialsProvider, retryStrategy, concurrency, ratesPerSecond, attemptTimeout, progress, clock, httpClient, deadline, bursts, changeHistory);
    }

    public AwsCollectorOptions withRole(String arn, String external) {
        return new AwsCollectorOptions(profile, Optional.ofNullable(arn), Optional.ofNullable(external), regions,
                endpointUrl, credentialsProvider, retryStrategy, concurrency, ratesPerSecond, attemptTimeout, progress, clock, httpClient, deadline, bursts, changeHistory);
    }

    public AwsCollectorOptions withRegions(List<String> value) {
        return new AwsCollectorOptions(profile, roleArn, externalId, value, endpointUrl, credentialsProvider,
                retryStrategy, concurrency, ratesPerSecond, attemptTimeout, progress, clock, httpClient, deadline, bursts, changeHistory);
    }

    public AwsCollectorOptions withEndpointUrl(URI value) {
        return new AwsCollectorOptions(profile, roleArn, externalId, regions, Optional.ofNullable(value),
                credentialsProvider, retryStrategy, concurrency, ratesPerSecond, attemptTimeout, progress, clock, httpClient, deadline, bursts, changeHistory);
    }

    public AwsCollectorOptions withCredentialsProvider(AwsCredentialsProvider value) {
        return new AwsCollectorOptions(profile, roleArn, externalId, regions, endpointUrl, Optional.ofNullable(value),
                retryStrategy, concurrency, ratesPerSecond, attemptTimeout, progress, clock, httpClient, deadline, bursts, changeHistory);
    }

    public AwsCollectorOptions withRetryStrategy(RetryStrategy value) {
        return new AwsCollectorOptions(profile, roleArn, externalId, regions, endpointUrl, credentialsProvider,
                Optional.ofNullable(value), concurrency, ratesPerSecond, attemptTimeout, progress, clock, httpClient, deadline, bursts, changeHistory);
    }

    public AwsCollectorOptions withConcurrency(int value) {
        return new AwsCollectorOptions(profile, roleArn, externalId, regions, endpointUrl, credentialsProvider,
                retryStrategy, value, ratesPerSecond, attemptTimeout, progress, clock, httpClient, deadline, bursts, changeHistory);
    }

    public AwsCollectorOptions withRatesPerSecond(Map<String, Double> value) {
        return new AwsCollectorOptions(profile, roleArn, externalId, regions, endpointUrl, credentialsProvider,
                retryStrategy, concurrency, value, attemptTimeout, progress, clock, httpClient, deadline, bursts, changeHistory);
    }

    /** The limiters' bursts ({@link #DEFAULT_BURSTS}); an empty map makes every limiter smooth. */
    public AwsCollectorOptions withBursts(Map<String, Integer> value) {
        return new AwsCollectorOptions(profile, roleArn, externalId, regions, endpointUrl, credentialsProvider,
                retryStrategy, concurrency, ratesPerSecond, attemptTimeout, progress, clock, httpClient, deadline, value, changeHistory);
    }

    public AwsCollectorOptions withAttemptTimeout(Duration value) {
        return new AwsCollectorOptions(profile, roleArn, externalId, regions, endpointUrl, credentialsProvider,
                retryStrategy, concurrency, ratesPerSecond, value, progress, clock, httpClient, deadline, bursts, changeHistory);
    }

    public AwsCollectorOptions withProgress(CollectionProgress value) {
        return new AwsCollectorOptions(profile, roleArn, externalId, regions, endpointUrl, credentialsProvider,
                retryStrategy, concurrency, ratesPerSecond, attemptTimeout, value, clock, httpClient, deadline, bursts, changeHistory);
    }

    public AwsCollectorOptions withClock(Clock value) {
        return new AwsCollectorOptions(profile, roleArn, externalId, regions, endpointUrl, credentialsProvider,
                retryStrategy, concurrency, ratesPerSecond, attemptTimeout, progress, value, httpClient, deadline, bursts, changeHistory);
    }

    public AwsCollectorOptions withHttpClient(SdkHttpClient value) {
        return new AwsCollectorOptions(profile, roleArn, externalId, regions, endpointUrl, credentialsProvider,
                retryStrategy, concurrency, ratesPerSecond, attemptTimeout, progress, clock, Optional.ofNullable(value), deadline, bursts, changeHistory);
    }

    /**
     * Read each region's CloudTrail write history from the start of collection, for the change attribution of the
     * resources that then fail ({@link AwsSession#changes}): on when the scan attributes changes, off otherwise, so
     * a scan without attribution sends no LookupEvents.
     */
    public AwsCollectorOptions withChangeHistory(boolean value) {
        return new AwsCollectorOptions(profile, roleArn, externalId, regions, endpointUrl, credentialsProvider,
                retryStrategy, concurrency, ratesPerSecond, attemptTimeout, progress, clock, httpClient, deadline, bursts,
                value);
    }

    public AwsCollectorOptions withDeadline(Instant value) {
        return new AwsCollectorOptions(profile, roleArn, externalId, regions, endpointUrl, credentialsProvider,
                retryStrategy, concurrency, ratesPerSecond, attemptTimeout, progress, clock, httpClient,
                Optional.ofNullable(value), bursts, changeHistory);
    }
}
