package io.hipaaaudit.cli;

import io.hipaaaudit.collect.aws.CollectionProgress;
import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A one-line progress bar on stderr while AWS is collected (service × region tasks). Only on an interactive
 * terminal: silent in CI ({@code CI=true}), when stderr is redirected, and with --quiet.
 */
final class ConsoleProgress implements CollectionProgress {
    private static final int WIDTH = 30;
    private final PrintStream err;
    private final AtomicInteger planned = new AtomicInteger();
    private final AtomicInteger done = new AtomicInteger();

    private ConsoleProgress(PrintStream err) {
        this.err = err;
    }

    static CollectionProgress forTerminal(boolean quiet) {
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        return quiet || ci || System.console() == null ? CollectionProgress.NONE : new ConsoleProgress(System.err);
    }

    @Override
    public void planned(int tasks) {
        planned.set(tasks);
        draw("");
    }

    @Override
    public void finished(String service, String region) {
        done.incrementAndGet();
        draw(service + " " + region);
    }

    private synchronized void draw(String last) {
        int total = Math.max(planned.get(), 1);
        int n = Math.min(done.get(), total);
        int filled = WIDTH * n / total;
        err.print("\rcollecting [" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + n + "/" + total
                + "  " + String.format("%-28s", last));
        if (n == total && done.get() > 0) {
            err.print("\r" + " ".repeat(WIDTH + 60) + "\r");
        }
        err.flush();
    }

    /** The scan's listener on the console: the progress bar, and the history line on {@code out} (null: quiet). */
    record Listener(CollectionProgress bar, java.io.PrintWriter out) implements io.hipaaaudit.scan.ScanListener {
        @Override
        public void planned(int tasks) {
            bar.planned(tasks);
        }

        @Override
        public void finished(String service, String region) {
            bar.finished(service, region);
        }

        @Override
        public void historyRecorded(long id, String where) {
            if (out != null) {
                out.printf("history: recorded as scan %d in %s%n", id, where);
                out.flush();
            }
        }
    }
}
