package io.hipaaaudit.cli;

/** The exit codes other tools rely on (see README). */
public final class ExitCodes {
    private ExitCodes() {}

    /** Nothing at or above the --fail-on severity failed, and the scan is complete (or incomplete is allowed). */
    public static final int OK = 0;
    /** At least one finding at or above the --fail-on severity failed. Takes precedence over 3. */
    public static final int FAILED = 1;
    /** Usage, configuration, input or rule error: nothing was evaluated. */
    public static final int USAGE = 2;
    /** The scan is incomplete: some findings are NOT_ASSESSED (unless --allow-incomplete). */
    public static final int INCOMPLETE = 3;
    /** Internal error (a defect, or the JVM ran out of memory): the run stopped, its output may be cut short. */
    public static final int INTERNAL = 4;

    /** The exit code of a scan's gate outcome. */
    public static int of(io.hipaaaudit.gate.GateVerdict.Outcome outcome) {
        return switch (outcome) {
            case PASSED -> OK;
            case FAILED -> FAILED;
            case INCOMPLETE -> INCOMPLETE;
        };
    }
}
