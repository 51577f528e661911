package io.hipaaaudit.collect.postgres;

import io.hipaaaudit.inventory.ResourceTypes;
import io.hipaaaudit.inventory.pg.PgExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Server version, the settings the rules read, installed extensions, and whether this is Amazon RDS. */
final class ServerReader {
    /** Settings the HIPAA rules read; a setting the server does not know (pgaudit not loaded) is absent. */
    static final List<String> SETTINGS = List.of("ssl", "password_encryption", "log_connections",
            "log_disconnections", "pgaudit.log", "pgaudit.log_catalog", "pgaudit.log_parameter", "pgaudit.role",
            "shared_preload_libraries", "log_statement", "log_min_duration_statement", "rds.force_ssl",
            // what writes statement text or bind values to the log (pg-no-phi-in-logs)
            "log_min_duration_sample", "log_statement_sample_rate", "log_transaction_sample_rate",
            "log_parameter_max_length", "log_parameter_max_length_on_error", "log_min_error_statement",
            "session_preload_libraries", "pgaudit.log_statement", "auto_explain.log_min_duration",
            "auto_explain.log_parameter_max_length", "auto_explain.sample_rate");
    private static final String VERSION = "select current_setting('server_version'),"
            + " current_setting('server_version_num')::int, current_database(),"
            + " to_regrole('rds_superuser') is not null";
    /**
     * The names are part of the SQL text rather than a bound parameter, so the text (whose hash keys a recorded
     * result) changes when the list does: replaying older evidence with a longer list is then "not in the
     * evidence" (NOT_ASSESSED), never an old answer that silently lacks the new settings. They are constants of
     * this class, checked to be plain setting names.
     */
    private static final String SETTINGS_SQL = "select name, setting from pg_settings where name = any('{"
            + String.join(",", plainNames(SETTINGS)) + "}'::text[])";
    private static final String EXTENSIONS = "select e.extname, e.extversion, "
            + CatalogSql.schemaName("e.extnamespace") + " from pg_extension e order by e.extname";

    record Version(String version, int versionNum, String database, boolean rds) {}

    private final CatalogSession session;

    ServerReader(CatalogSession session) {
        this.session = session;
    }

    Version version() {
        List<Version> found = new ArrayList<>(1);
        session.query("server_version", List.of(ResourceTypes.PG_DATABASE), VERSION, row -> found.add(
                new Version(row.getString(1), row.getInt(2), row.getString(3), row.getBoolean(4))));
        return found.isEmpty() ? new Version("", 0, "", false) : found.get(0);
    }

    Map<String, String> settings() {
        Map<String, String> settings = new TreeMap<>();
        session.attempt("pg_catalog.pg_settings", SETTINGS_SQL, row -> settings.put(row.getString(1), row.getString(2)))
                .ifPresent(f -> session.unknownFields(f, ResourceTypes.PG_DATABASE, "", List.of("settings")));
        return settings;
    }

    List<PgExtension> extensions() {
        List<PgExtension> extensions = new ArrayList<>();
        session.attempt("pg_catalog.pg_extension", EXTENSIONS, row -> extensions.add(
                        new PgExtension(row.getString(1), row.getString(2), row.getString(3))))
                .ifPresent(f -> session.unknownFields(f, ResourceTypes.PG_DATABASE, "", List.of("extensions")));
        return extensions;
    }

    private static List<String> plainNames(List<String> names) {
        for (String n : names) {
            if (!n.matches("[a-z_][a-z0-9_.]*")) {
                throw new IllegalStateException("not a plain setting name: " + n);
            }
        }
        return names;
    }
}
