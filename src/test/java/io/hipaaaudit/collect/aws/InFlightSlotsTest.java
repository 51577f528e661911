package io.hipaaaudit.collect.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * The limit of requests in flight: an attempt holds its slot until its body is in; a failure or the watchdog
 * cutting it at its bound gives it back, and the next attempt waits for a slot before it is sent.
 */
class InFlightSlotsTest {
    private static final HttpExecuteRequest REQUEST = HttpExecuteRequest.builder().request(SdkHttpFullRequest.builder()
            .method(SdkHttpMethod.POST).uri(URI.create("http://127.0.0.1:1/")).build()).build();

    /**
     * Answers every request with a small body; {@code failing} makes the call throw instead, {@code hanging} gives
     * a body whose read blocks until the request is aborted.
     */
    private static final class Answers implements SdkHttpClient {
        volatile boolean failing;
        volatile boolean hanging;
        int sent;

        synchronized int sent() {
            return sent;
        }

        @Override
        public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
            return new ExecutableHttpRequest() {
                private volatile boolean aborted;

                @Override
                public HttpExecuteResponse call() throws IOException {
                    synchronized (Answers.this) {
                        sent++;
                    }
                    if (failing) {
                        throw new IOException("connection reset");
                    }
                    InputStream body = hanging ? new InputStream() {
                        @Override
                        public synchronized int read() throws IOException {
                            try {
                                while (!aborted) {
                                    wait(10);
                                }
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                            throw new IOException("socket closed");
                        }
                    } : new ByteArrayInputStream("{}".getBytes());
                    return HttpExecuteResponse.builder().response(SdkHttpResponse.builder().statusCode(200).build())
                            .responseBody(AbortableInputStream.create(body)).build();
                }

                @Override
                public void abort() {
                    aborted = true;
                }
            };
        }

        @Override
        public String clientName() {
            return "answers";
        }

        @Override
        public void close() {}
    }

    @Test
    void aSlotIsHeldUntilTheBodyIsInAndGivenBackOnFailure() throws Exception {
        Answers answers = new Answers();
        try (BoundedHttpClient bounded = new BoundedHttpClient(Duration.ofSeconds(5), Optional.empty(), 2)) {
            SdkHttpClient http = bounded.wrap(answers);
            HttpExecuteResponse first = http.prepareRequest(REQUEST).call();
            assertThat(bounded.freeSlots()).as("the body is read within the attempt").isEqualTo(2);
            assertThat(new String(first.responseBody().orElseThrow().readAllBytes())).isEqualTo("{}");

            answers.failing = true;
            assertThatThrownBy(() -> http.prepareRequest(REQUEST).call()).hasMessage("connection reset");
            assertThat(bounded.freeSlots()).isEqualTo(2);
            assertThat(answers.sent).isEqualTo(2);
        }
    }

    @Test
    void aBodyThatHangsHoldsItsSlotUntilItIsCutAndTheNextWaitsUnsent() throws Exception {
        Answers answers = new Answers();
        answers.hanging = true;
        try (BoundedHttpClient bounded = new BoundedHttpClient(Duration.ofMillis(300), Optional.empty(), 1)) {
            SdkHttpClient http = bounded.wrap(answers);
            var pool = java.util.concurrent.Executors.newSingleThreadExecutor();
            try {
                var hung = pool.submit(() -> http.prepareRequest(REQUEST).call());
                while (answers.sent() == 0) {
                    Thread.onSpinWait();
                }
                long start = System.nanoTime();
                answers.hanging = false;
                HttpExecuteResponse next = http.prepareRequest(REQUEST).call();
                assertThat(Duration.ofNanos(System.nanoTime() - start)).as("sent once the first was cut")
                        .isGreaterThanOrEqualTo(Duration.ofMillis(200));
                assertThat(next.responseBody()).isPresent();
                assertThatThrownBy(hung::get).hasRootCauseInstanceOf(IOException.class)
                        .hasMessageContaining("no answer within the attempt timeout of 300 ms");
                assertThat(bounded.freeSlots()).isEqualTo(1);
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
