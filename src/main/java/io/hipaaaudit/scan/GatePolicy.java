package io.hipaaaudit.scan;

import io.hipaaaudit.findings.Severity;
import java.nio.file.Path;
import java.util.Optional;

/**
 * How the scan's verdict is decided: failing findings at or above {@code failOn} fail it (only those new since
 * {@code baseline}, a previous findings.json, when one is given); NOT_ASSESSED findings leave it incomplete unless
 * {@code allowIncomplete}.
 */
public record GatePolicy(Severity failOn, boolean allowIncomplete, Optional<Path> baseline) {
    public static GatePolicy defaults() {
        return new GatePolicy(Severity.HIGH, false, Optional.empty());
    }
}
