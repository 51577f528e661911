package io.hipaaaudit.collect.postgres;

/**
 * Removes the password from text that leaves the collector. pgjdbc does not put passwords into its messages
 * today, but an error message is free text from a driver and a server we do not control.
 */
final class SecretRedactor {
    private final String secret;

    SecretRedactor(String secret) {
        this.secret = secret == null || secret.isEmpty() ? null : secret;
    }

    String redact(String text) {
        if (text == null || secret == null) {
            return text;
        }
        return text.replace(secret, "[redacted]");
    }
}
