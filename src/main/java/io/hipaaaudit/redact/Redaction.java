package io.hipaaaudit.redact;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes secrets out of text that leaves the process: error messages, log lines, report fields. Free text from a
 * driver, a server or an AWS endpoint may echo a connection string or the signed request, so every message that
 * can carry one goes through {@link #text}: the password of a URL's user-info, password-like {@code key=value}
 * pairs (libpq and JDBC parameters, query strings, JSON and XML fields), Authorization and security-token headers,
 * AWS access key ids, and the literal secrets of the credentials in use.
 */
public final class Redaction {
    public static final String MASK = "***";
    /** Shorter values would mask ordinary words; a real password, key or token is longer. */
    private static final int MIN_REMEMBERED = 6;
    private static final int MAX_REMEMBERED = 64;

    private static final String NAME = "[A-Za-z0-9_.-]*(?:pass|pwd|secret|token|signature|credential)[A-Za-z0-9_.-]*";
    private static final Pattern USER_INFO = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://[^/\\s:@?#]*):[^\\s/?#]*@");
    private static final Pattern KEY_VALUE = Pattern.compile(
            "(?i)\\b(" + NAME + ")(\\s*=\\s*)('[^']*'|\"[^\"]*\"|[^&\\s,;'\"<>)]+)");
    private static final Pattern JSON_FIELD = Pattern.compile("(?i)(\"" + NAME + "\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern XML_FIELD = Pattern.compile("(?i)<(" + NAME + ")>[^<]*</\\1>");
    private static final Pattern AUTHORIZATION = Pattern.compile("(?i)\\b(authorization\"?\\s*[:=]\\s*\"?)[^\"\\r\\n]+");
    private static final Pattern HEADER = Pattern.compile(
            "(?i)\\b(x-amz-security-token|x-amz-signature|x-amz-credential)(\"?\\s*:\\s*\"?)[^\\s\",;]+");
    /** AWS access key ids (long-term AKIA, temporary ASIA, and the ABIA/ACCA kinds), per the IAM identifier docs. */
    private static final Pattern ACCESS_KEY_ID = Pattern.compile("\\b(AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{12,124}\\b");

    /** Secrets of the running scan (AWS keys, session tokens) that any message might echo. */
    private static final Set<String> REMEMBERED = ConcurrentHashMap.newKeySet();

    private Redaction() {}

    /** {@code text} with every secret pattern and every remembered secret masked; null stays null. */
    public static String text(String text) {
        return text(text, List.of());
    }

    /**
     * A connection URL as it may be shown: without its query string, which may carry a password, and with any
     * other secret masked.
     */
    public static String url(String url) {
        if (url == null) {
            return null;
        }
        int q = url.indexOf('?');
        return text(q < 0 ? url : url.substring(0, q) + "?…");
    }

    /** Like {@link #text(String)}, also masking the given literal secrets (a password the caller holds). */
    public static String text(String text, Collection<String> secrets) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (String secret : secrets) {
            out = secret == null || secret.isEmpty() ? out : out.replace(secret, MASK);
        }
        for (String secret : REMEMBERED) {
            out = out.replace(secret, MASK);
        }
        out = USER_INFO.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + ":" + MASK + "@"));
        out = AUTHORIZATION.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK));
        out = HEADER.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + m.group(2) + MASK));
        out = KEY_VALUE.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + m.group(2) + MASK));
        out = JSON_FIELD.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "\"" + MASK + "\""));
        out = XML_FIELD.matcher(out).replaceAll(m -> Matcher.quoteReplacement(
                "<" + m.group(1) + ">" + MASK + "</" + m.group(1) + ">"));
        return ACCESS_KEY_ID.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK));
    }

    /**
     * Remembers a secret of the running scan, so that {@link #text} masks it wherever it turns up. Error texts are
     * made deep inside collectors, far from the credentials; the set is bounded and holds only what this process
     * already holds.
     */
    public static void remember(String secret) {
        if (secret != null && secret.length() >= MIN_REMEMBERED && REMEMBERED.size() < MAX_REMEMBERED) {
            REMEMBERED.add(secret);
        }
    }

    /** Whether a parameter, field or header name is one whose value is a secret (password, token, signature...). */
    public static boolean secretName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.contains("pass") || lower.contains("pwd") || lower.contains("secret") || lower.contains("token")
                || lower.contains("signature") || lower.contains("credential") || lower.equals("authorization");
    }

    /** Whether a connection string or URL carries a password (in its user-info or a password-like parameter). */
    public static boolean carriesSecret(String url) {
        return USER_INFO.matcher(url).find() || KEY_VALUE.matcher(url).find();
    }
}
