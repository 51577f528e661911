package io.hipaaaudit.cli;

/**
 * A command that can run out of heap on a large input says how to avoid it; {@link HipaaAudit} prints the hint
 * after its one-line out-of-memory message.
 */
interface OutOfMemoryHint {
    /** What the user can do instead, in a few words. */
    String outOfMemoryHint();
}
