package io.hipaaaudit.collect.aws;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;

/**
 * Holds every HTTP attempt of a scan to its bound, the response body included: the attempt timeout, or the scan's
 * deadline when that comes first. The SDK's attempt timeout does not stop a body that keeps trickling in (each
 * read returns within the socket timeout), so a watchdog aborts the request when its bound passes and the read
 * fails as a socket timeout: retried like one, and reported as {@code Timeout} (or, past the deadline, as the
 * deadline's). One timer thread serves every client of the scan.
 */
final class BoundedHttpClient implements AutoCloseable {
    private final Duration attemptTimeout;
    private final Optional<Instant> deadline;
    private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
        Thread thread = new Thread(r, "aws-attempt-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    BoundedHttpClient(Duration attemptTimeout, Optional<Instant> deadline) {
        this.attemptTimeout = attemptTimeout;
        this.deadline = deadline;
        timer.setRemoveOnCancelPolicy(true);
    }

    /** {@code http} with each attempt bounded; closing the result leaves {@code http} open (the scan owns it). */
    SdkHttpClient wrap(SdkHttpClient http) {
        return new SdkHttpClient() {
            @Override
            public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
                return new Attempt(http.prepareRequest(request));
            }

            @Override
            public String clientName() {
                return http.clientName();
            }

            @Override
            public void close() {
                // the wrapped client is shared by every SDK client of the scan
            }
        };
    }

    private final class Attempt implements ExecutableHttpRequest {
        private final ExecutableHttpRequest live;
        private volatile String cutOff;
        private ScheduledFuture<?> watch;

        Attempt(ExecutableHttpRequest live) {
            this.live = live;
        }

        @Override
        public HttpExecuteResponse call() throws IOException {
            Duration bound = attemptTimeout;
            String reason = "no answer within the attempt timeout of " + attemptTimeout.toMillis() + " ms";
            if (deadline.isPresent() && Duration.between(Instant.now(), deadline.get()).compareTo(bound) < 0) {
                bound = Duration.between(Instant.now(), deadline.get());
                reason = "the scan reached its deadline";
            }
            if (bound.isNegative() || bound.isZero()) {
                throw new SocketTimeoutException(reason);
            }
            String why = reason;
            watch = timer.schedule(() -> {
                cutOff = why;
                live.abort();
            }, bound.toMillis(), TimeUnit.MILLISECONDS);
            try {
                HttpExecuteResponse response = live.call();
                if (response.responseBody().isEmpty()) {
                    watch.cancel(false);
                    return response;
                }
                return HttpExecuteResponse.builder().response(response.httpResponse())
                        .responseBody(AbortableInputStream.create(new Body(response.responseBody().get()), this::abort))
                        .build();
            } catch (IOException e) {
                watch.cancel(false);
                throw cut(e);
            }
        }

        private IOException cut(IOException e) {
            if (cutOff == null) {
                return e;
            }
            SocketTimeoutException timeout = new SocketTimeoutException(cutOff);
            timeout.initCause(e);
            return timeout;
        }

        @Override
        public void abort() {
            if (watch != null) {
                watch.cancel(false);
            }
            live.abort();
        }

        /** The response body: a read the watchdog broke off fails as a timeout; closing it ends the watch. */
        private final class Body extends FilterInputStream {
            Body(InputStream in) {
                super(in);
            }

            @Override
            public int read() throws IOException {
                try {
                    return super.read();
                } catch (IOException e) {
                    throw cut(e);
                }
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                try {
                    return super.read(b, off, len);
                } catch (IOException e) {
                    throw cut(e);
                }
            }

            @Override
            public void close() throws IOException {
                watch.cancel(false);
                super.close();
            }
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
