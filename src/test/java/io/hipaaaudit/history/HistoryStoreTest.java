package io.hipaaaudit.history;

import static io.hipaaaudit.findings.TestFindings.doc;
import static io.hipaaaudit.findings.TestFindings.finding;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hipaaaudit.collect.postgres.PgServers;
import io.hipaaaudit.findings.Finding;
import io.hipaaaudit.findings.Status;
import io.hipaaaudit.findings.Waiver;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The history on a real PostgreSQL: diffs, migrations, concurrent writers and atomic writes. */
class HistoryStoreTest {
    private static final int MAJOR = 17;
    private static final String RULE = "rds-instance-multi-az";

    static String freshDatabase(String name) throws SQLException {
        PgServers.createDatabase(MAJOR, name);
        return PgServers.url(MAJOR, name);
    }

    static HistoryStore open(String url) {
        return HistoryStore.open(url, Optional.of("postgres"), () -> null);
    }

    static long count(String url, String sql) throws SQLException {
        try (Connection c = java.sql.DriverManager.getConnection(url, "postgres", null);
             Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    @Test
    void twoScansDiffIntoNewResolvedStillFailingAndNewlyWaived() throws SQLException {
        HistoryStore store = open(freshDatabase("history_diff"));
        long a = store.record(doc(finding(RULE, Status.FAIL, "still", "1", "r"), finding(RULE, Status.FAIL, "fixed", "1", "r"),
                finding(RULE, Status.PASS, "broke", "1", "r"), finding(RULE, Status.FAIL, "accepted", "1", "r"),
                finding(RULE, Status.WAIVED, "gone", "1", "r")));
        Finding waived = finding(RULE, Status.FAIL, "accepted", "1", "r").withStatus(Status.WAIVED,
                Optional.of(new Waiver("W-1", "accepted risk", "jane", LocalDate.parse("2027-01-01"))));
        long b = store.record(doc(finding(RULE, Status.FAIL, "still", "1", "r"), finding(RULE, Status.PASS, "fixed", "1", "r"),
                finding(RULE, Status.FAIL, "broke", "1", "r"), waived, finding(RULE, Status.FAIL, "appeared", "1", "r")));
        ScanDiff d = store.diff(a, b);
        assertThat(ids(d.newFailing())).containsExactly("appeared", "broke");
        assertThat(ids(d.resolved())).containsExactly("fixed", "gone");
        assertThat(ids(d.stillFailing())).containsExactly("still");
        assertThat(ids(d.newlyWaived())).containsExactly("accepted");
        assertThat(store.sinceLastScan()).contains(d);
        assertThat(store.trend(5)).extracting(ScanRow::id).containsExactly(a, b);
        assertThat(store.list(1)).singleElement().satisfies(r -> assertThat(r.id()).isEqualTo(b));
    }

    @Test
    void aReportComparesWithThePreviousScanOfTheSameAccountsAndEnvironmentOnly() throws SQLException {
        HistoryStore store = open(freshDatabase("history_schedules"));
        long first = store.record(doc(finding(RULE, Status.PASS, "db", "111122223333", "r")));
        // another schedule writing to the same history in between: another account, then another environment
        store.record(withTarget(doc(finding(RULE, Status.FAIL, "other", "444455556666", "r")), "prod", "444455556666"));
        store.record(withTarget(doc(finding(RULE, Status.FAIL, "db", "111122223333", "r")), "dev", "111122223333"));
        long second = store.record(doc(finding(RULE, Status.FAIL, "db", "111122223333", "r")));

        HistoryStore.ScanHistory h = store.historyOf(second, 30);
        assertThat(h.trend()).extracting(ScanRow::id).containsExactly(first, second);
        assertThat(h.sinceLastScan()).hasValueSatisfying(d -> {
            assertThat(d.from().id()).isEqualTo(first);
            assertThat(ids(d.newFailing())).containsExactly("db");
            assertThat(d.resolved()).isEmpty();
        });
        assertThat(store.historyOf(first, 30).sinceLastScan()).as("the first scan of its schedule").isEmpty();
    }

    private static io.hipaaaudit.findings.FindingsDocument withTarget(io.hipaaaudit.findings.FindingsDocument d,
                                                                       String environment, String account) {
        var s = d.scan();
        return new io.hipaaaudit.findings.FindingsDocument(new io.hipaaaudit.findings.ScanInfo(s.id(), s.startedAt(),
                s.finishedAt(), s.tool(), s.version(), environment, List.of(account), s.regions(), s.databases(),
                s.inventorySha256(), s.rulePackSha256(), s.apiCalls(), s.counts()), d.findings());
    }

    @Test
    void migrationsAreIdempotentAndSafeToRunConcurrently() throws Exception {
        String url = freshDatabase("history_migrate");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<HistoryStore>> opened = new ArrayList<>();
        IntStream.range(0, 4).forEach(i -> opened.add(pool.submit(() -> open(url))));
        for (Future<HistoryStore> f : opened) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        open(url);
        assertThat(count(url, "SELECT count(*) FROM hipaa_audit.flyway_schema_history WHERE success AND version IS NOT NULL"))
                .isEqualTo(1);
    }

    @Test
    void concurrentWritersSharingIdentitiesDoNotCorruptTheHistory() throws Exception {
        String url = freshDatabase("history_concurrent");
        HistoryStore store = open(url);
        int writers = 6;
        int scansEach = 4;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<?>> jobs = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            jobs.add(pool.submit(() -> {
                for (int s = 0; s < scansEach; s++) {
                    // half the identities are shared by every writer, half are this writer's own
                    Finding[] findings = IntStream.range(0, 200).mapToObj(i -> finding(RULE,
                            i % 3 == 0 ? Status.FAIL : Status.PASS, i < 100 ? "shared-" + i : "w" + writer + "-" + i,
                            "111122223333", "us-east-1")).toArray(Finding[]::new);
                    store.record(doc(findings));
                }
                return null;
            }));
        }
        for (Future<?> j : jobs) {
            j.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(count(url, "SELECT count(*) FROM hipaa_audit.scan")).isEqualTo(writers * scansEach);
        assertThat(count(url, "SELECT count(*) FROM hipaa_audit.finding")).isEqualTo(writers * scansEach * 200L);
        assertThat(count(url, "SELECT count(*) FROM hipaa_audit.finding_identity")).isEqualTo(100 + writers * 100L);
        assertThat(count(url, "SELECT count(*) FROM (SELECT scan FROM hipaa_audit.finding GROUP BY scan "
                + "HAVING count(*) <> 200) x")).isZero();
    }

    @Test
    void aFailedWriteLeavesNoHalfScan() throws SQLException {
        String url = freshDatabase("history_rollback");
        HistoryStore store = open(url);
        store.record(doc(finding(RULE, Status.FAIL, "ok", "1", "r")));
        // PostgreSQL text cannot hold NUL: the findings insert fails after the scan row went in
        Finding poisoned = finding(RULE, Status.FAIL, "bad\u0000id", "1", "r");
        assertThatThrownBy(() -> store.record(doc(finding(RULE, Status.FAIL, "new-one", "1", "r"), poisoned)))
                .isInstanceOf(HistoryException.class).hasMessageStartingWith("cannot record the scan");
        assertThat(count(url, "SELECT count(*) FROM hipaa_audit.scan")).isEqualTo(1);
        assertThat(count(url, "SELECT count(*) FROM hipaa_audit.finding")).isEqualTo(1);
        assertThat(count(url, "SELECT count(*) FROM hipaa_audit.finding_identity")).isEqualTo(1);
    }

    @Test
    void pruneDeletesOnlyOldScansAndTheirOrphanIdentities() throws SQLException {
        String url = freshDatabase("history_prune");
        HistoryStore store = open(url);
        long old = store.record(doc(finding(RULE, Status.FAIL, "old-only", "1", "r")));
        store.record(doc(finding(RULE, Status.FAIL, "recent", "1", "r")));
        try (Connection c = java.sql.DriverManager.getConnection(url, "postgres", null)) {
            PgServers.run(c, "UPDATE hipaa_audit.scan SET recorded_at = now() - interval '400 days' WHERE id = " + old);
        }
        assertThat(store.prune(365)).isEqualTo(1);
        assertThat(store.prune(365)).isZero();
        assertThat(count(url, "SELECT count(*) FROM hipaa_audit.scan")).isEqualTo(1);
        assertThat(count(url, "SELECT count(*) FROM hipaa_audit.finding_identity")).isEqualTo(1);
    }

    private static List<String> ids(List<ScanDiff.Change> changes) {
        return changes.stream().map(c -> c.key().id()).toList();
    }
}
