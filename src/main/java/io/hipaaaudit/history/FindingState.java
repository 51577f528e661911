package io.hipaaaudit.history;

import io.hipaaaudit.findings.Severity;
import io.hipaaaudit.findings.Status;
import io.hipaaaudit.gate.FindingKey;

/** A finding's identity and verdict in one recorded scan. */
public record FindingState(FindingKey key, Status status, Severity severity, String message) {}
