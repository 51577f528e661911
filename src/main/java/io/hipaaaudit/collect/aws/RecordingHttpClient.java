package io.hipaaaudit.collect.aws;

import io.hipaaaudit.evidence.EvidenceLog;
import io.hipaaaudit.evidence.HttpExchange;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * Decorates the scan's HTTP client for one SDK client (service × region): every attempt goes out unchanged and is
 * logged, redacted, with its answer. Bodies are read into memory once and handed on as fresh streams (the
 * describe calls of a scan answer in kilobytes). It does not own the delegate: the scan closes that once.
 */
final class RecordingHttpClient implements SdkHttpClient {
    private final SdkHttpClient delegate;
    private final String service;
    private final String region;
    private final EvidenceLog log;
    private final Clock clock;

    RecordingHttpClient(SdkHttpClient delegate, String service, String region, EvidenceLog log, Clock clock) {
        this.delegate = delegate;
        this.service = service;
        this.region = region;
        this.log = log;
        this.clock = clock;
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        byte[] body = request.contentStreamProvider().map(RecordingHttpClient::readAll).orElse(null);
        HttpExecuteRequest.Builder copy = HttpExecuteRequest.builder().request(request.httpRequest());
        request.metricCollector().ifPresent(copy::metricCollector);
        if (body != null) {
            copy.contentStreamProvider(ContentStreamProvider.fromByteArray(body));
        }
        ExecutableHttpRequest live = delegate.prepareRequest(copy.build());
        HttpExchange.Request recorded = recorded(request.httpRequest(), body);
        String action = ExchangeKey.action(recorded.headers().getOrDefault(AwsRedaction.TARGET, ""), recorded.body(),
                recorded.url());
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() throws IOException {
                Instant sent = clock.instant();
                HttpExecuteResponse response;
                byte[] answer;
                try {
                    response = live.call();
                    // a body that breaks off while read is a network failure, logged and retried like one
                    answer = response.responseBody().isPresent() ? readBody(response.responseBody().get()) : new byte[0];
                } catch (IOException e) {
                    log.exchange(new HttpExchange(sent, service, region, action, recorded, Optional.empty(),
                            Optional.of(new HttpExchange.Failure(e instanceof InterruptedIOException,
                                    String.valueOf(e.getMessage())))));
                    throw e;
                }
                log.exchange(new HttpExchange(sent, service, region, action, recorded, Optional.of(
                        new HttpExchange.Response(response.httpResponse().statusCode(),
                                AwsRedaction.responseHeaders(response.httpResponse().headers()),
                                AwsRedaction.responseBody(new String(answer, StandardCharsets.UTF_8)))),
                        Optional.empty()));
                return HttpExecuteResponse.builder().response(response.httpResponse())
                        .responseBody(AbortableInputStream.create(new ByteArrayInputStream(answer))).build();
            }

            @Override
            public void abort() {
                live.abort();
            }
        };
    }

    static HttpExchange.Request recorded(SdkHttpRequest request, byte[] body) {
        String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
        return new HttpExchange.Request(request.method().name(), AwsRedaction.url(request.getUri()),
                AwsRedaction.requestHeaders(request.headers()), AwsRedaction.requestBody(text));
    }

    private static byte[] readBody(InputStream body) throws IOException {
        try (InputStream in = body) {
            return in.readAllBytes();
        }
    }

    /** The request body: the SDK hands it over in memory, so reading it cannot fail for network reasons. */
    private static byte[] readAll(ContentStreamProvider provider) {
        try (InputStream in = provider.newStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public String clientName() {
        return delegate.clientName();
    }

    @Override
    public void close() {
        // the delegate is shared by every client of the scan and closed by its owner
    }
}
