package io.hipaaaudit.analyse;

import io.hipaaaudit.inventory.pg.PgDatabase;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Whether pgaudit is installed, loaded and logging, from the server's catalog and, for a database matched to an
 * RDS instance, the instance's parameter group.
 *
 * <p>The server decides: {@code pgaudit.log} appears in pg_settings exactly when the library is loaded (a
 * placeholder from the configuration file is hidden from pg_settings), and it is readable by any role, so the
 * catalog can always tell what is logged now. {@code shared_preload_libraries} is hidden from roles without
 * pg_read_all_settings, which is why it only adds evidence. On RDS the parameter group is the configuration the
 * server restarts with, so it must preload pgaudit as well ({@code rdsPreloaded}); a group that does while the
 * server has not loaded it is a pending reboot. {@code rdsPreloaded} is absent when the instance's parameter
 * groups were not collected, so a rule that needs it is not assessed rather than passed.
 */
public final class PgAuditFacts {
    /** The statement classes of pgaudit.log; {@code all} expands to these. */
    static final List<String> CLASSES = List.of("read", "write", "function", "role", "ddl", "misc", "misc_set");

    private PgAuditFacts() {}

    public static Map<String, Object> of(PgDatabase db, Optional<Map<String, Object>> rdsParameters) {
        Map<String, Object> f = new LinkedHashMap<>();
        Map<String, String> settings = db.settings();
        f.put("installed", db.extensions().stream().anyMatch(e -> e.name().equals("pgaudit")));
        boolean loaded = settings.containsKey("pgaudit.log")
                || preloads(Optional.ofNullable(settings.get("shared_preload_libraries")));
        f.put("loaded", loaded);
        Optional<String> log = Optional.ofNullable(settings.get("pgaudit.log"));
        log.ifPresent(l -> f.put("log", l));
        f.put("logClasses", classes(log.orElse("none")));
        if (db.rdsInstance().isPresent()) {
            rdsParameters.ifPresent(p -> {
                f.put("rdsPreloaded", preloads(Optional.ofNullable(p.get("shared_preload_libraries")).map(Object::toString)));
                Optional.ofNullable(p.get("pgaudit.log")).ifPresent(v -> f.put("rdsLog", v.toString()));
            });
        }
        return f;
    }

    private static boolean preloads(Optional<String> libraries) {
        return libraries.map(l -> Arrays.stream(l.split(",")).map(s -> s.strip().replace("\"", ""))
                .anyMatch("pgaudit"::equals)).orElse(false);
    }

    /** The classes a pgaudit.log value logs: a comma list where {@code all} adds every class and {@code -x} removes x. */
    static List<String> classes(String value) {
        List<String> out = new ArrayList<>();
        for (String raw : value.toLowerCase(Locale.ROOT).split(",")) {
            String item = raw.strip();
            boolean remove = item.startsWith("-");
            String name = remove ? item.substring(1).strip() : item;
            List<String> affected = name.equals("all") ? CLASSES : CLASSES.contains(name) ? List.of(name) : List.of();
            for (String c : affected) {
                out.remove(c);
                if (!remove) {
                    out.add(c);
                }
            }
        }
        return CLASSES.stream().filter(out::contains).toList();
    }
}
