package io.hipaaaudit.cli;

/** Entry point of the hipaa-audit command. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(HipaaAudit.run(args));
    }
}
