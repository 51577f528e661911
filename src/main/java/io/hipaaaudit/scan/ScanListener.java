package io.hipaaaudit.scan;

import io.hipaaaudit.collect.aws.CollectionProgress;

/**
 * What a running scan reports as it goes: AWS collection progress (service × region tasks), then the scan's own
 * steps. Every method has a default that does nothing; a listener is called from collection threads.
 */
public interface ScanListener extends CollectionProgress {
    ScanListener NONE = new ScanListener() {};

    @Override
    default void planned(int tasks) {}

    @Override
    default void finished(String service, String region) {}

    /** The scan was recorded in the history database as scan {@code id} ({@code where}: the URL without secrets). */
    default void historyRecorded(long id, String where) {}
}
