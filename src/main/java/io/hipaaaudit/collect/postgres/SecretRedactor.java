package io.hipaaaudit.collect.postgres;

import io.hipaaaudit.redact.Redaction;
import java.util.List;

/**
 * Removes the password from text that leaves the collector. pgjdbc does not put passwords into its messages
 * today, but an error message is free text from a driver and a server we do not control; it may also echo a
 * connection string, whose password-like parameters {@link Redaction} masks as well.
 */
final class SecretRedactor {
    private final List<String> secrets;

    SecretRedactor(String secret) {
        this.secrets = secret == null || secret.isEmpty() ? List.of() : List.of(secret);
    }

    String redact(String text) {
        return Redaction.text(text, secrets);
    }
}
