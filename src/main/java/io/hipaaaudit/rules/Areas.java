package io.hipaaaudit.rules;

import java.util.List;

/** The audit areas findings are grouped by; a rule names exactly one. */
public final class Areas {
    private Areas() {}

    public static final List<String> ALL = List.of(
            "network", "encryption-at-rest", "kms", "backup", "audit-logging", "transit", "db-privileges",
            "db-authentication");
}
