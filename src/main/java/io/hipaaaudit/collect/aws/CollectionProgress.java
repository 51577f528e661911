package io.hipaaaudit.collect.aws;

/**
 * Progress of a collection, one task per service × region. The CLI renders it (stderr, only on a terminal); the
 * collector never prints. Called from worker threads, so implementations must be thread-safe.
 */
public interface CollectionProgress {
    CollectionProgress NONE = new CollectionProgress() {};

    /** The number of tasks is known; it can grow once regions are resolved. */
    default void planned(int tasks) {}

    /** One service finished in one region (its errors, if any, are in the inventory). */
    default void finished(String service, String region) {}
}
