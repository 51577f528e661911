package io.hipaaaudit.bench.pg;

import io.hipaaaudit.cli.HipaaAudit;
import io.hipaaaudit.collect.postgres.PgServers;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;

/**
 * {@code hipaa-audit db privileges --format json} end to end (collect, analyse, write every row) against an
 * embedded PostgreSQL catalog of 10,000 tables and 300 roles, the output counted and discarded. Two catalogs:
 * <ul>
 *   <li>{@code grants} (PostgreSQL 17): CatalogScaleCheck's catalog, tables owned by the superuser, each granted to
 *       one role of a binary membership tree, with a column grant;</li>
 *   <li>{@code owner-inherited} (PostgreSQL 16, seven table privileges): the same tables owned by the tree's root,
 *       which every role inherits, so every role holds every privilege on every table: about 21 M rows;</li>
 *   <li>{@code set-role} (PostgreSQL 17): the {@code grants} catalog with every membership {@code INHERIT FALSE,
 *       SET TRUE}, so each role reaches its ancestors' grants only by SET ROLE (up to eight targets a role): the
 *       SET ROLE rows at their most.</li>
 * </ul>
 * Prints per run the wall time, rows, output size, the heap in use at its peak (garbage included), the largest
 * heap left after a collection (the live set, what must not grow with the rows) and the process's peak RSS.
 * Run by scripts/bench-db-privileges.sh; not part of the build.
 */
public final class PrivilegeReportBenchmark {
    private PrivilegeReportBenchmark() {}

    public static void main(String[] args) throws Exception {
        String catalog = args.length > 0 ? args[0] : "grants";
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        boolean inherited = catalog.equals("owner-inherited");
        boolean setRole = catalog.equals("set-role");
        int major = inherited ? 16 : 17;
        String database = inherited ? "scale_inherited" : setRole ? "scale_set_role" : "scale_grants";
        long built = System.nanoTime();
        build(major, database, inherited, setRole);
        System.out.printf("catalog %s on PostgreSQL %d built in %d s%n", catalog, major,
                (System.nanoTime() - built) / 1_000_000_000);
        if (System.getProperty("bench.phases") != null) {
            phases(major, database, runs);
            System.exit(0);
        }
        for (int run = 1; run <= runs; run++) {
            System.gc();
            Sampler sampler = Sampler.start();
            Counting out = new Counting();
            StringBuilderWriter err = new StringBuilderWriter();
            long t0 = System.nanoTime();
            int exit = HipaaAudit.run(new PrintWriter(out, false), new PrintWriter(err, true), "db", "privileges",
                    "--db", PgServers.url(major, database), "--db-user", "postgres", "--format", "json");
            long ms = (System.nanoTime() - t0) / 1_000_000;
            sampler.stop();
            System.out.printf("FIGURE|%s run %d|exit %d|%d ms|%d rows|%d MiB output|heap peak %d MiB"
                            + "|live heap after GC peak %d MiB|peak RSS %d MiB|max heap %d MiB%n",
                    catalog, run, exit, ms, out.rows, out.chars >> 20, sampler.peakUsed >> 20,
                    sampler.peakLive >> 20, rssPeakKib() >> 10, Runtime.getRuntime().maxMemory() >> 20);
            if (exit != 0) {
                System.out.println(err);
                System.exit(1);
            }
        }
        System.exit(0);
    }

    /** Where the time goes: collection, the analysis alone (rows produced, not written), the list-building reference. */
    private static void phases(int major, String database, int runs) {
        io.hipaaaudit.collect.postgres.PgTarget target = io.hipaaaudit.collect.postgres.PgTarget.of(
                PgServers.url(major, database), "postgres", () -> null);
        for (int run = 1; run <= runs; run++) {
            long t0 = System.nanoTime();
            io.hipaaaudit.inventory.pg.PgDatabase db = new io.hipaaaudit.collect.postgres.PostgresCollector()
                    .collect(target).database();
            long t1 = System.nanoTime();
            long[] rows = new long[1];
            io.hipaaaudit.analyse.privileges.PrivilegeReport.forEach(db,
                    io.hipaaaudit.analyse.privileges.PrivilegeFilter.ALL, r -> rows[0]++);
            long t2 = System.nanoTime();
            int listed = System.getProperty("bench.reference") == null ? -1
                    : io.hipaaaudit.analyse.privileges.ReferenceRows.rows(
                            new io.hipaaaudit.analyse.privileges.EffectivePrivileges(db)).size();
            long t3 = System.nanoTime();
            System.out.printf("PHASES|run %d|collect %d ms|stream %d rows %d ms|list-building reference %d rows %d ms%n",
                    run, (t1 - t0) / 1_000_000, rows[0], (t2 - t1) / 1_000_000, listed, (t3 - t2) / 1_000_000);
        }
    }

    private static void build(int major, String database, boolean inherited, boolean setRole) throws Exception {
        PgServers.createDatabase(major, database);
        try (Connection c = PgServers.superuser(major, database)) {
            // roles and memberships are cluster-wide: set-role's memberships replace the default ones (and back)
            PgServers.run(c,
                    "DO $$ BEGIN FOR i IN 1..300 LOOP IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'scale_r' || i)"
                            + " THEN EXECUTE format('CREATE ROLE scale_r%s', i); END IF; END LOOP;"
                            + " FOR i IN 2..300 LOOP EXECUTE format('REVOKE scale_r%s FROM scale_r%s', i / 2, i);"
                            + " EXECUTE format('GRANT scale_r%s TO scale_r%s" + (setRole ? " WITH INHERIT FALSE, SET TRUE"
                            : "") + "', i / 2, i); END LOOP;"
                            + " FOR i IN 0..19 LOOP EXECUTE format('CREATE SCHEMA s%s AUTHORIZATION scale_r1', i);"
                            + " EXECUTE format('GRANT USAGE ON SCHEMA s%s TO scale_r%s', i, i + 2); END LOOP; END $$");
            // a thousand tables per transaction: one transaction creating all would exhaust the lock table
            for (int batch = 0; batch < 10; batch++) {
                PgServers.run(c, "DO $$ BEGIN FOR i IN " + (batch * 1000 + 1) + ".." + (batch * 1000 + 1000) + " LOOP"
                        + " EXECUTE format('CREATE TABLE s%s.t%s (id int, name text, ssn text)', i % 20, i);"
                        + (inherited ? " EXECUTE format('ALTER TABLE s%s.t%s OWNER TO scale_r1', i % 20, i);" : "")
                        + " EXECUTE format('GRANT SELECT, INSERT ON s%s.t%s TO scale_r%s', i % 20, i, i % 300 + 1);"
                        + " EXECUTE format('GRANT SELECT (name) ON s%s.t%s TO scale_r%s', i % 20, i, (i * 7) % 300 + 1);"
                        + " END LOOP; END $$");
            }
        }
    }

    private static long rssPeakKib() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    /** Counts characters and rows (each row is one JSON object) and keeps nothing. */
    private static final class Counting extends Writer {
        long chars;
        long rows;

        @Override
        public void write(char[] buffer, int offset, int length) {
            chars += length;
            for (int i = offset; i < offset + length; i++) {
                if (buffer[i] == '{') {
                    rows++;
                }
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    }

    private static final class StringBuilderWriter extends Writer {
        private final StringBuilder text = new StringBuilder();

        @Override
        public void write(char[] buffer, int offset, int length) {
            text.append(buffer, offset, length);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}

        @Override
        public String toString() {
            return text.toString();
        }
    }

    /** Samples heap in use and, per heap pool, what the last collection left, every 5 ms. */
    private static final class Sampler {
        private final List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        private final Thread thread;
        private volatile boolean running = true;
        volatile long peakUsed;
        volatile long peakLive;

        private Sampler() {
            thread = new Thread(() -> {
                while (running) {
                    sample();
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-sampler");
            thread.setDaemon(true);
        }

        static Sampler start() {
            Sampler s = new Sampler();
            s.thread.start();
            return s;
        }

        private void sample() {
            long used = 0;
            long live = 0;
            for (MemoryPoolMXBean pool : pools) {
                used += pool.getUsage().getUsed();
                if (pool.getCollectionUsage() != null) {
                    live += pool.getCollectionUsage().getUsed();
                }
            }
            peakUsed = Math.max(peakUsed, used);
            peakLive = Math.max(peakLive, live);
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join();
            sample();
        }
    }
}
