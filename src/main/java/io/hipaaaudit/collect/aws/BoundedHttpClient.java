package io.hipaaaudit.collect.aws;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
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
 *
 * <p>The body is read whole within the attempt (the scan makes no streaming calls: every answer is a page or a
 * document the SDK parses at once), and handed to the SDK from memory. With a limit of requests in flight, an
 * attempt holds one of that many slots from sending until its body is in (or it fails, is aborted or cut), so a
 * scan never has more requests open at once than the limit, while other threads sign and marshal the next
 * requests and parse the answers already in. Waiting for a slot counts against the attempt's bound.
 */
final class BoundedHttpClient implements AutoCloseable {
    private final Duration attemptTimeout;
    private final Optional<Instant> deadline;
    private final Optional<Semaphore> slots;
    private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
        Thread thread = new Thread(r, "aws-attempt-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    BoundedHttpClient(Duration attemptTimeout, Optional<Instant> deadline) {
        this(attemptTimeout, deadline, 0);
    }

    /** {@code inFlight}: the most requests open at once through every client wrapped here; 0 for no limit. */
    BoundedHttpClient(Duration attemptTimeout, Optional<Instant> deadline, int inFlight) {
        this.attemptTimeout = attemptTimeout;
        this.deadline = deadline;
        this.slots = inFlight > 0 ? Optional.of(new Semaphore(inFlight)) : Optional.empty();
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

    /** Slots free now (all of them once every attempt has ended); -1 without a limit. */
    int freeSlots() {
        return slots.map(Semaphore::availablePermits).orElse(-1);
    }

    private final class Attempt implements ExecutableHttpRequest {
        private final ExecutableHttpRequest live;
        private final AtomicBoolean holdsSlot = new AtomicBoolean();
        private volatile String cutOff;
        private ScheduledFuture<?> watch;

        Attempt(ExecutableHttpRequest live) {
            this.live = live;
        }

        @Override
        public HttpExecuteResponse call() throws IOException {
            long start = System.nanoTime();
            Duration bound = attemptTimeout;
            String reason = "no answer within the attempt timeout of " + attemptTimeout.toMillis() + " ms";
            if (deadline.isPresent() && Duration.between(Instant.now(), deadline.get()).compareTo(bound) < 0) {
                bound = Duration.between(Instant.now(), deadline.get());
                reason = "the scan reached its deadline";
            }
            if (bound.isNegative() || bound.isZero()) {
                throw new SocketTimeoutException(reason);
            }
            if (slots.isPresent()) {
                acquire(slots.get(), bound, reason);
                bound = bound.minusNanos(System.nanoTime() - start);
                if (bound.isNegative() || bound.isZero()) {
                    release();
                    throw new SocketTimeoutException(reason);
                }
            }
            String why = reason;
            watch = timer.schedule(() -> {
                cutOff = why;
                live.abort();
                release();
            }, bound.toMillis(), TimeUnit.MILLISECONDS);
            try {
                HttpExecuteResponse response = live.call();
                if (response.responseBody().isEmpty()) {
                    return response;
                }
                byte[] body;
                try (InputStream in = response.responseBody().get()) {
                    body = in.readAllBytes();
                }
                return HttpExecuteResponse.builder().response(response.httpResponse())
                        .responseBody(AbortableInputStream.create(new ByteArrayInputStream(body))).build();
            } catch (IOException e) {
                throw cut(e);
            } finally {
                watch.cancel(false);
                release();
            }
        }

        private void acquire(Semaphore free, Duration bound, String reason) throws IOException {
            try {
                if (!free.tryAcquire(bound.toNanos(), TimeUnit.NANOSECONDS)) {
                    throw new SocketTimeoutException(reason + " (no request of the scan's in flight ended)");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting to send");
            }
            holdsSlot.set(true);
        }

        /** Gives the slot back, once: when the body is in, or at a failure, an abort or the cut-off. */
        private void release() {
            if (holdsSlot.compareAndSet(true, false)) {
                slots.ifPresent(Semaphore::release);
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
            release();
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
