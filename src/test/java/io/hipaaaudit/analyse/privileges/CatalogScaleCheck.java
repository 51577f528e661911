package io.hipaaaudit.analyse.privileges;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.hipaaaudit.collect.postgres.PgCollection;
import io.hipaaaudit.collect.postgres.PgServers;
import io.hipaaaudit.collect.postgres.PgTarget;
import io.hipaaaudit.collect.postgres.PostgresCollector;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Measures collection and analysis of a large catalog (10,000 tables, 300 roles) on PostgreSQL 17. Not part of
 * the normal build (building the catalog takes a while and timings are no assertion); run it with
 * {@code mvn test -Dtest=CatalogScaleCheck -Dpg.scale=true} and read the printed timings.
 */
class CatalogScaleCheck {
    @Test
    void collectAndAnalyseTenThousandTablesAndThreeHundredRoles() throws Exception {
        assumeTrue(Boolean.getBoolean("pg.scale"), "set -Dpg.scale=true to run");
        int major = 17;
        PgServers.createDatabase(major, "scale");
        try (Connection c = PgServers.superuser(major, "scale")) {
            PgServers.run(c,
                    "DO $$ BEGIN FOR i IN 1..300 LOOP EXECUTE format('CREATE ROLE scale_r%s', i); END LOOP;"
                            + " FOR i IN 2..300 LOOP EXECUTE format('GRANT scale_r%s TO scale_r%s', i / 2, i); END LOOP;"
                            + " FOR i IN 0..19 LOOP EXECUTE format('CREATE SCHEMA s%s AUTHORIZATION scale_r1', i);"
                            + " EXECUTE format('GRANT USAGE ON SCHEMA s%s TO scale_r%s', i, i + 2); END LOOP; END $$");
            // a thousand tables per transaction: one transaction creating all would exhaust the lock table
            for (int batch = 0; batch < 10; batch++) {
                PgServers.run(c, "DO $$ BEGIN FOR i IN " + (batch * 1000 + 1) + ".." + (batch * 1000 + 1000) + " LOOP"
                            + " EXECUTE format('CREATE TABLE s%s.t%s (id int, name text, ssn text)', i % 20, i);"
                            + " EXECUTE format('GRANT SELECT, INSERT ON s%s.t%s TO scale_r%s', i % 20, i, i % 300 + 1);"
                            + " EXECUTE format('GRANT SELECT (name) ON s%s.t%s TO scale_r%s', i % 20, i, (i * 7) % 300 + 1);"
                            + " END LOOP; END $$");
            }
        }
        PgTarget target = PgTarget.of(PgServers.url(major, "scale"), "postgres", () -> null);
        for (int run = 1; run <= 3; run++) {
            long t0 = System.nanoTime();
            PgCollection collection = new PostgresCollector().collect(target);
            long t1 = System.nanoTime();
            List<PrivilegeRow> rows = PrivilegeReport.rows(collection.database());
            long t2 = System.nanoTime();
            io.hipaaaudit.policy.DbPolicy policy = io.hipaaaudit.policy.PolicyLoader.parse(
                    "applicationRoles: [\"scale_r1*\"]\nphi: {columns: [ssn], requireRls: true}\n"
                            + "grants: [{role: \"scale_r*\", allow: [{tables: [\"s1*.*\"], privileges: [SELECT]}]}]\n", "scale");
            io.hipaaaudit.engine.Views.build(io.hipaaaudit.inventory.Inventory.empty()
                    .withDatabases(List.of(collection.database()), List.of()),
                    new io.hipaaaudit.engine.Environments("default", null), java.util.Optional.of(policy));
            long t3 = System.nanoTime();
            assertThat(collection.errors()).isEmpty();
            assertThat(collection.database().relations()).hasSize(10000);
            System.out.printf("scale run %d: %d relations, %d roles, collect %d ms, analyse %d ms, %d rows,"
                            + " rule facts with a policy %d ms%n", run,
                    collection.database().relations().size(), collection.database().roles().size(),
                    (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, rows.size(), (t3 - t2) / 1_000_000);
        }
    }
}
