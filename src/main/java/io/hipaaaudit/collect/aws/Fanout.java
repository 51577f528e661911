package io.hipaaaudit.collect.aws;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;

/**
 * Runs independent calls a few at a time on the scan's shared pool, from a task already running on it. The caller
 * works through the queue too and, when the queue is empty, waits only for helpers that have started: a helper
 * still queued behind other work finds nothing left and returns, so a pool whose threads are all callers cannot
 * deadlock.
 */
final class Fanout {
    private final Queue<Runnable> queue;
    private int running;
    private boolean closed;
    private RuntimeException failure;

    private Fanout(List<Runnable> work) {
        this.queue = new ConcurrentLinkedQueue<>(work);
    }

    /** Runs {@code work} with up to {@code helpers} pool threads beside the calling one; returns when all is done. */
    static void run(List<Runnable> work, Executor pool, int helpers) {
        Fanout f = new Fanout(work);
        for (int i = 0; i < Math.min(helpers, work.size() - 1); i++) {
            pool.execute(f::help);
        }
        f.drain();
        f.await();
    }

    private void help() {
        synchronized (this) {
            if (closed) {
                return;
            }
            running++;
        }
        try {
            drain();
        } finally {
            synchronized (this) {
                running--;
                notifyAll();
            }
        }
    }

    private void drain() {
        for (Runnable r = queue.poll(); r != null; r = queue.poll()) {
            try {
                r.run();
            } catch (RuntimeException e) {
                synchronized (this) {
                    failure = failure == null ? e : failure;
                }
            }
        }
    }

    private synchronized void await() {
        closed = true;
        while (running > 0) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for KMS calls", e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
