package io.hipaaaudit.collect.aws;

import io.hipaaaudit.evidence.EvidenceBundle;
import io.hipaaaudit.evidence.EvidenceLog;
import io.hipaaaudit.evidence.HttpExchange;
import io.hipaaaudit.evidence.Manifest;
import io.hipaaaudit.redact.Redaction;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.http.SdkHttpClient;

/**
 * How the SDK clients of a scan reach AWS: over the network; over the network with every exchange logged as
 * evidence; or from a recorded bundle with no network at all. Replay also hands back what the recorded scan took
 * from its machine and its clock (the base region, the endpoints, the collection times), so the collector runs
 * exactly as it did.
 */
final class AwsTransport {
    private final Optional<EvidenceLog> log;
    private final Optional<Manifest.AwsScope> recorded;
    private final Map<ExchangeKey, Deque<HttpExchange>> answers;
    private final Map<String, URI> endpoints;

    private AwsTransport(Optional<EvidenceLog> log, Optional<Manifest.AwsScope> recorded,
                         Map<ExchangeKey, Deque<HttpExchange>> answers, Map<String, URI> endpoints) {
        this.log = log;
        this.recorded = recorded;
        this.answers = answers;
        this.endpoints = endpoints;
    }

    static AwsTransport network() {
        return new AwsTransport(Optional.empty(), Optional.empty(), Map.of(), Map.of());
    }

    static AwsTransport recording(EvidenceLog log) {
        return new AwsTransport(Optional.of(log), Optional.empty(), Map.of(), Map.of());
    }

    static AwsTransport replaying(EvidenceBundle bundle, Manifest.AwsScope scope) {
        Map<ExchangeKey, Deque<HttpExchange>> answers = new ConcurrentHashMap<>();
        Map<String, URI> endpoints = new HashMap<>();
        for (HttpExchange e : bundle.exchanges()) {
            answers.computeIfAbsent(ExchangeKey.of(e.service(), e.region(), e.request()),
                    k -> new ConcurrentLinkedDeque<>()).addLast(e);
            URI url = URI.create(e.request().url());
            endpoints.putIfAbsent(e.service() + "/" + e.region(), URI.create(url.getScheme() + "://"
                    + ExchangeKey.serviceHost(e.service(), url.getRawAuthority()).host()));
        }
        return new AwsTransport(Optional.empty(), Optional.of(scope), answers, Map.copyOf(endpoints));
    }

    /**
     * The client one SDK client sends through: {@code network} (asked only when the scan goes over the network, so a
     * replay builds no network client at all), or the bundle's answers. {@code clock} stamps each recorded attempt
     * with the time it was sent.
     */
    SdkHttpClient wrap(Supplier<SdkHttpClient> network, String service, String region, Clock clock) {
        if (recorded.isPresent()) {
            return new ReplayHttpClient(answers, service, region);
        }
        SdkHttpClient http = network.get();
        return log.<SdkHttpClient>map(l -> new RecordingHttpClient(http, service, region, l, clock)).orElse(http);
    }

    /**
     * The endpoint a replayed client must use: the host the recorded requests went to, whether the recording
     * scan got it from the SDK's resolution, --endpoint-url or AWS_ENDPOINT_URL.
     */
    Optional<URI> endpoint(String service, String region) {
        return Optional.ofNullable(endpoints.get(service + "/" + region));
    }

    boolean replaying() {
        return recorded.isPresent();
    }

    String baseRegion(Supplier<String> resolve) {
        return recorded.map(Manifest.AwsScope::baseRegion).orElseGet(resolve);
    }

    Instant startedAt(Clock clock) {
        return recorded.map(Manifest.AwsScope::startedAt).orElseGet(clock::instant);
    }

    Instant finishedAt(Clock clock) {
        return recorded.map(Manifest.AwsScope::finishedAt).orElseGet(clock::instant);
    }

    /** Remembers the scan's keys so that no copy of them can reach the bundle or an error message. */
    void credentials(AwsCredentials credentials) {
        Redaction.remember(credentials.secretAccessKey());
        if (credentials instanceof AwsSessionCredentials session) {
            Redaction.remember(session.sessionToken());
        }
        log.ifPresent(l -> {
            l.secret(credentials.accessKeyId());
            l.secret(credentials.secretAccessKey());
            if (credentials instanceof AwsSessionCredentials session) {
                l.secret(session.sessionToken());
            }
        });
    }

    void collected(AwsCollectorOptions options, String baseRegion, Instant startedAt, Instant finishedAt) {
        log.ifPresent(l -> l.aws(new Manifest.AwsScope(options.regions(), baseRegion,
                options.endpointUrl().map(URI::toString), startedAt, finishedAt)));
    }
}
