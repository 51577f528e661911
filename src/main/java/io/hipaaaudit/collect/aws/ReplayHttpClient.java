package io.hipaaaudit.collect.aws;

import io.hipaaaudit.evidence.HttpExchange;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Deque;
import java.util.Map;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * Answers one SDK client's requests from an evidence bundle and never opens a connection. Identical requests
 * take the recorded answers in recorded order (a throttled attempt, then its retry). A request the bundle does
 * not hold fails like an unreachable endpoint, with {@link NotInEvidenceException} naming the action, so the
 * collector records a collection error and the rules that needed the data are NOT_ASSESSED.
 */
final class ReplayHttpClient implements SdkHttpClient {
    private final Map<ExchangeKey, Deque<HttpExchange>> answers;
    private final String service;
    private final String region;

    ReplayHttpClient(Map<ExchangeKey, Deque<HttpExchange>> answers, String service, String region) {
        this.answers = answers;
        this.service = service;
        this.region = region;
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        byte[] body = request.contentStreamProvider().map(p -> {
            try (InputStream in = p.newStream()) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).orElse(null);
        HttpExchange.Request asked = RecordingHttpClient.recorded(request.httpRequest(), body);
        ExchangeKey key = ExchangeKey.of(service, region, asked);
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() throws IOException {
                Deque<HttpExchange> queue = answers.get(key);
                HttpExchange recorded = queue == null ? null : queue.pollFirst();
                if (recorded == null) {
                    String action = service + ":" + ExchangeKey.action(key.target(), asked.body(), asked.url());
                    throw new NotInEvidenceException(action + " in " + region + " is not in the evidence bundle"
                            + (queue == null ? "" : " (no answer left for this request)"));
                }
                if (recorded.response().isEmpty()) {
                    HttpExchange.Failure failure = recorded.failure().orElse(new HttpExchange.Failure(false, "no answer"));
                    throw failure.timeout() ? new SocketTimeoutException(failure.message()) : new IOException(failure.message());
                }
                HttpExchange.Response response = recorded.response().get();
                SdkHttpResponse.Builder http = SdkHttpResponse.builder().statusCode(response.status());
                response.headers().forEach(http::putHeader);
                return HttpExecuteResponse.builder().response(http.build()).responseBody(AbortableInputStream.create(
                        new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)))).build();
            }

            @Override
            public void abort() {
                // nothing in flight
            }
        };
    }

    @Override
    public String clientName() {
        return "evidence-replay";
    }

    @Override
    public void close() {
        // holds no connection
    }

    /** The bundle holds no answer for a request. */
    static final class NotInEvidenceException extends IOException {
        private static final long serialVersionUID = 1L;

        NotInEvidenceException(String message) {
            super(message);
        }
    }
}
