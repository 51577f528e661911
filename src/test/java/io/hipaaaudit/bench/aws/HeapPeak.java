package io.hipaaaudit.bench.aws;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/** The most heap in use while something runs, sampled every 5 ms (GC may free more between samples; close enough). */
final class HeapPeak {
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final Thread sampler;
    private volatile long peak;
    private volatile boolean running = true;

    private HeapPeak() {
        sampler = new Thread(() -> {
            while (running) {
                peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-peak");
        sampler.setDaemon(true);
    }

    static HeapPeak start() {
        System.gc();
        HeapPeak h = new HeapPeak();
        h.sampler.start();
        return h;
    }

    /** Peak heap used, bytes. */
    long stop() throws InterruptedException {
        running = false;
        sampler.join();
        return Math.max(peak, memory.getHeapMemoryUsage().getUsed());
    }
}
