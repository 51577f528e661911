package io.hipaaaudit.analyse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Which logging settings write statement text or bind values, and so the PHI in them, to the server log: the one
 * judgement behind the RDS parameter-group rule and its live-server twin, so the two cannot disagree.
 * docs/logging.md gives each decision with its source.
 *
 * <p>A value comes from a {@link Source}: a parameter group answers with the value set there or PostgreSQL's
 * default ({@link #DEFAULTS}), a server with what pg_settings showed. A setting a server should have shown but did
 * not is {@code unknown}: the rule is then not assessed rather than passed.
 */
public final class PhiLogging {
    /** The settings judged and PostgreSQL's defaults, which an RDS parameter group that leaves them unset takes. */
    public static final Map<String, String> DEFAULTS = defaults();
    /** PHI-bearing pgaudit classes: their statements' text carries the values read, written or passed. */
    static final List<String> DATA_CLASSES = List.of("read", "write", "function");
    /** log_min_error_statement levels below ERROR: they log statements that succeed with a notice or warning. */
    private static final String AUTO_EXPLAIN_PARAMETERS = "auto_explain.log_parameter_max_length";
    private static final List<String> BELOW_ERROR = List.of("debug5", "debug4", "debug3", "debug2", "debug1", "info",
            "notice", "warning");

    /** Where the values come from; empty means "this setting does not exist here" (older server, library not loaded). */
    public interface Source {
        Optional<String> value(String setting);

        /** A setting that must be known for the verdict but was not observed. */
        default boolean unknown(String setting) {
            return false;
        }
    }

    private final Source source;
    private final List<Map<String, Object>> offenders = new ArrayList<>();
    private final List<String> unknown = new ArrayList<>();
    private final Map<String, Object> judged = new TreeMap<>();

    private PhiLogging(Source source) {
        this.source = source;
    }

    /**
     * The effective values of a parameter group, from the parameters it lists (value empty: unset): the set value,
     * else PostgreSQL's default. auto_explain.log_parameter_max_length exists from PostgreSQL 16 on, and earlier
     * auto_explain logs no bind values, so it is judged only where the group lists it.
     */
    public static Map<String, Object> ofParameterGroup(Map<String, Optional<String>> listed) {
        PhiLogging p = new PhiLogging(name -> {
            Optional<String> set = listed.getOrDefault(name, Optional.empty());
            if (set.isPresent() || (name.equals(AUTO_EXPLAIN_PARAMETERS) && !listed.containsKey(name))) {
                return set;
            }
            return Optional.of(DEFAULTS.get(name));
        });
        List<String> libraries = libraries(p.text("shared_preload_libraries", "") + ","
                + p.text("session_preload_libraries", ""));
        return p.judge(libraries.contains("pgaudit"), libraries.contains("auto_explain"));
    }

    /**
     * A server's values from pg_settings. A core setting of the server's version that is not listed is unknown (a
     * role without pg_read_all_settings, or an incomplete answer). pgaudit and auto_explain settings are listed
     * exactly when the library is loaded in this session (placeholders are hidden), so their absence means
     * "not loaded"; a loaded pgaudit older than 1.7 has no pgaudit.log_statement and always logs the text.
     */
    public static Map<String, Object> ofServer(Map<String, String> settings, int versionNum) {
        Source live = new Source() {
            @Override
            public Optional<String> value(String name) {
                if (settings.containsKey(name)) {
                    return Optional.of(settings.get(name));
                }
                return name.equals("pgaudit.log_statement") ? Optional.of("on") : Optional.empty();
            }

            @Override
            public boolean unknown(String name) {
                return !settings.containsKey(name) && !name.contains(".") && versionNum >= since(name);
            }
        };
        return new PhiLogging(live).judge(settings.containsKey("pgaudit.log"),
                settings.containsKey("auto_explain.log_min_duration"));
    }

    /** The major version (times 10000) a core setting appeared in. */
    private static int since(String name) {
        return switch (name) {
            case "log_transaction_sample_rate" -> 120000;
            case "log_min_duration_sample", "log_statement_sample_rate", "log_parameter_max_length",
                 "log_parameter_max_length_on_error" -> 130000;
            default -> 0;
        };
    }

    private Map<String, Object> judge(boolean pgaudit, boolean autoExplain) {
        boolean statements = false;
        String logStatement = text("log_statement", "none").toLowerCase(Locale.ROOT);
        if (logStatement.equals("all") || logStatement.equals("mod")) {
            offend("log_statement", logStatement, logStatement.equals("all") ? "the text of every statement"
                    : "the text of every data-modifying statement (INSERT, UPDATE, DELETE, COPY FROM, ...)");
            statements = true;
        }
        long minDuration = number("log_min_duration_statement", -1);
        if (minDuration >= 0) {
            offend("log_min_duration_statement", minDuration, minDuration == 0 ? "the text of every statement"
                    : "the text of every statement that runs " + minDuration + " ms or longer");
            statements = true;
        }
        long sampleDuration = number("log_min_duration_sample", -1);
        double sampleRate = real("log_statement_sample_rate", 1);
        if (sampleDuration >= 0 && sampleRate > 0) {
            offend("log_min_duration_sample", sampleDuration + " with log_statement_sample_rate=" + plain(sampleRate),
                    "the text of a sample of the statements that run " + sampleDuration + " ms or longer");
            statements = true;
        }
        double transactionRate = real("log_transaction_sample_rate", 0);
        if (transactionRate > 0) {
            offend("log_transaction_sample_rate", plain(transactionRate),
                    "the text of every statement of a sample of the transactions");
            statements = true;
        }
        long parameterLength = number("log_parameter_max_length", -1);
        if (statements && parameterLength != 0) {
            offend("log_parameter_max_length", parameterLength, bindValues(parameterLength, "logged statements"));
        }
        String errorLevel = text("log_min_error_statement", "error").toLowerCase(Locale.ROOT);
        if (BELOW_ERROR.contains(errorLevel)) {
            offend("log_min_error_statement", errorLevel,
                    "the text of statements that succeed with a " + (errorLevel.equals("warning") ? "warning" : "notice or other message"));
        }
        boolean failingText = !errorLevel.equals("panic");
        long errorParameterLength = number("log_parameter_max_length_on_error", 0);
        if (failingText && errorParameterLength != 0) {
            offend("log_parameter_max_length_on_error", errorParameterLength,
                    bindValues(errorParameterLength, "failing statements (log_min_error_statement=" + errorLevel + ")"));
        }
        if (pgaudit) {
            pgaudit();
        }
        if (autoExplain) {
            autoExplain();
        }
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("offenders", List.copyOf(offenders));
        f.put("unknown", List.copyOf(unknown));
        f.put("failingStatementText", failingText);
        f.put("settings", java.util.Collections.unmodifiableMap(new TreeMap<>(judged)));
        return f;
    }

    private void pgaudit() {
        boolean text = on(text("pgaudit.log_statement", "on"));
        String log = text("pgaudit.log", "none");
        List<String> classes = PgAuditFacts.classes(log).stream().filter(DATA_CLASSES::contains).toList();
        String role = text("pgaudit.role", "");
        if (text && !classes.isEmpty()) {
            offend("pgaudit.log", log, "the text of every " + String.join(", ", classes)
                    + " statement, as pgaudit.log_statement is on");
        }
        if (text && !role.isBlank()) {
            offend("pgaudit.role", role, "object audit logs the text of the statements on the relations " + role
                    + " is granted, as pgaudit.log_statement is on");
        }
        boolean audited = !PgAuditFacts.classes(log).isEmpty() || !role.isBlank();
        if (text && audited && on(text("pgaudit.log_parameter", "off"))) {
            offend("pgaudit.log_parameter", "on", "the bind values of every audited statement");
        }
    }

    private void autoExplain() {
        long minDuration = number("auto_explain.log_min_duration", -1);
        double rate = real("auto_explain.sample_rate", 1);
        if (minDuration < 0 || rate <= 0) {
            return;
        }
        offend("auto_explain.log_min_duration", minDuration, "the text and plan of every statement that runs "
                + minDuration + " ms or longer");
        long parameterLength = number("auto_explain.log_parameter_max_length", 0);
        if (parameterLength != 0) {
            offend("auto_explain.log_parameter_max_length", parameterLength, bindValues(parameterLength, "explained statements"));
        }
    }

    private static String bindValues(long length, String of) {
        return (length < 0 ? "the bind values of " + of + " in full" : "up to " + length + " bytes of each bind value of " + of);
    }

    private void offend(String setting, Object value, String logs) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("setting", setting);
        o.put("value", String.valueOf(value));
        o.put("logs", logs);
        o.put("text", setting + "=" + value + " (" + logs + ")");
        offenders.add(o);
    }

    /** The value read, the default when the setting does not exist here; unknown ones are noted and defaulted. */
    private String text(String name, String fallback) {
        if (source.unknown(name)) {
            if (!unknown.contains(name)) {
                unknown.add(name);
            }
            return fallback;
        }
        Optional<String> v = source.value(name).map(String::strip);
        v.ifPresent(value -> judged.put(name, value));
        return v.orElse(fallback);
    }

    private long number(String name, long fallback) {
        String v = text(name, String.valueOf(fallback));
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            // a value with a unit (e.g. "250ms") from a parameter group: logging is on unless it is -1
            return v.startsWith("-") ? -1 : 0;
        }
    }

    private double real(String name, double fallback) {
        try {
            return Double.parseDouble(text(name, String.valueOf(fallback)));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static boolean on(String v) {
        return List.of("on", "1", "true", "yes").contains(v.toLowerCase(Locale.ROOT));
    }

    private static String plain(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    static List<String> libraries(String list) {
        return Arrays.stream(list.split(",")).map(s -> s.strip().replace("\"", "")).filter(s -> !s.isEmpty()).toList();
    }

    private static Map<String, String> defaults() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("log_statement", "none");
        d.put("log_min_duration_statement", "-1");
        d.put("log_min_duration_sample", "-1");
        d.put("log_statement_sample_rate", "1");
        d.put("log_transaction_sample_rate", "0");
        d.put("log_parameter_max_length", "-1");
        d.put("log_parameter_max_length_on_error", "0");
        d.put("log_min_error_statement", "error");
        d.put("shared_preload_libraries", "");
        d.put("session_preload_libraries", "");
        d.put("pgaudit.log", "none");
        d.put("pgaudit.log_parameter", "off");
        d.put("pgaudit.log_statement", "on");
        d.put("pgaudit.role", "");
        d.put("auto_explain.log_min_duration", "-1");
        d.put("auto_explain.log_parameter_max_length", "-1");
        d.put("auto_explain.sample_rate", "1");
        return java.util.Collections.unmodifiableMap(d);
    }
}
