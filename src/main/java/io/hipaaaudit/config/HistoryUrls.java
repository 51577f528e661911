package io.hipaaaudit.config;

import io.hipaaaudit.redact.Redaction;

/** The history database's URL rules: its password never travels in the URL (a command line, a config file). */
public final class HistoryUrls {
    public static final String PASSWORD_ENV = "HIPAA_AUDIT_HISTORY_PASSWORD";

    private HistoryUrls() {}

    /** A password in the user-info or a password-like parameter (password, sslpassword, token...; any case). */
    public static boolean carriesPassword(String jdbcUrl) {
        return Redaction.carriesSecret(jdbcUrl);
    }
}
