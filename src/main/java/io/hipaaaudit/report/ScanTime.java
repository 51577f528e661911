package io.hipaaaudit.report;

import io.hipaaaudit.findings.ScanInfo;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The time exported findings carry: when the scan finished (else when it started), read from findings.json, so
 * re-rendering an old scan gives the same bytes. A findings.json without times (hand-made ones) gives the epoch.
 */
final class ScanTime {
    private ScanTime() {}

    static Instant of(ScanInfo scan) {
        return scan.finishedAt().or(scan::startedAt).flatMap(ScanTime::parse).orElse(Instant.EPOCH);
    }

    static Optional<Instant> parse(String text) {
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
