package io.hipaaaudit.collect.aws;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A token bucket as the AWS services throttle with: {@code capacity} requests may go at once (the bucket starts
 * full), then one per {@code 1/rate} seconds as it refills. A request that finds it empty reserves the next token
 * and waits for it, so waiting callers keep their order of arrival and never exceed the rate together.
 */
final class TokenBucket {
    private final double ratePerNano;
    private final double capacity;
    private double tokens;
    private long last;

    TokenBucket(double ratePerSecond, int capacity) {
        if (ratePerSecond <= 0) {
            throw new IllegalArgumentException("rate must be positive: " + ratePerSecond);
        }
        this.ratePerNano = ratePerSecond / TimeUnit.SECONDS.toNanos(1);
        this.capacity = Math.max(1, capacity);
        this.tokens = this.capacity;
        this.last = System.nanoTime();
    }

    /** Takes a token, waiting until it is there. */
    void acquire() {
        long wait = reserve(System.nanoTime());
        long until = System.nanoTime() + wait;
        while (wait > 0) {
            LockSupport.parkNanos(wait);
            wait = until - System.nanoTime();
        }
    }

    /** Takes a token at {@code now}; how long the caller must wait for it (0: at once). */
    synchronized long reserve(long now) {
        tokens = Math.min(capacity, tokens + (now - last) * ratePerNano);
        last = now;
        tokens -= 1;
        return tokens >= 0 ? 0 : (long) Math.ceil(-tokens / ratePerNano);
    }
}
