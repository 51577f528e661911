package io.hipaaaudit.config;

import java.util.Locale;

/** The history database's URL rules: its password never travels in the URL (a command line, a config file). */
public final class HistoryUrls {
    public static final String PASSWORD_ENV = "HIPAA_AUDIT_HISTORY_PASSWORD";

    private HistoryUrls() {}

    public static boolean carriesPassword(String jdbcUrl) {
        int q = jdbcUrl.indexOf('?');
        return q >= 0 && ("&" + jdbcUrl.substring(q + 1).toLowerCase(Locale.ROOT)).contains("&password=");
    }
}
