package io.hipaaaudit.scan;

import java.util.Optional;

/**
 * Import the scan's ASFF findings into the Security Hub of the scanned account, in {@code region} (empty: the first
 * scanned region), and archive this tool's findings there that the scan no longer produces. A write to Security
 * Hub, made only when asked for.
 */
public record SecurityHubTarget(Optional<String> region) {
    public SecurityHubTarget {
        region = region == null ? Optional.empty() : region;
    }
}
