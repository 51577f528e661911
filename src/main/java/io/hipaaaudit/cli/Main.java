package io.hipaaaudit.cli;

import java.util.logging.Level;
import java.util.logging.Logger;

/** Entry point of the hipaa-audit command. */
public final class Main {
    /**
     * pgjdbc writes its own warnings (an invalid port, a failed connection) through java.util.logging to stderr;
     * the scan reports those itself, in one line. Held here because java.util.logging keeps loggers only weakly.
     */
    private static final Logger DRIVER_LOG = Logger.getLogger("org.postgresql");

    private Main() {}

    public static void main(String[] args) {
        DRIVER_LOG.setLevel(Level.OFF);
        System.exit(HipaaAudit.run(args));
    }
}
