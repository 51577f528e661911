package io.hipaaaudit.collect.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.hipaaaudit.evidence.DatabaseEvidence;
import io.hipaaaudit.evidence.EvidenceLog;
import io.hipaaaudit.json.Json;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * On every supported major, recording changes nothing the collector concludes, and the recorded results (also
 * after their JSON round trip) give the same database picture without a server: the conversions of the recorded
 * result set agree with pgjdbc's for every value the readers read.
 */
class RecordedCatalogTest {

    @ParameterizedTest(name = "PostgreSQL {0}")
    @MethodSource("io.hipaaaudit.collect.postgres.PgServers#majors")
    void recordedAndReplayedCollectionsEqualTheLiveOne(int major) throws Exception {
        for (String user : new String[] {"postgres", "hc_audit"}) {
            PgTarget target = PgTarget.of(HealthcareDb.url(major), user, () -> "unused-password");
            PgCollection live = new PostgresCollector().collect(target);
            EvidenceLog log = new EvidenceLog();
            PgCollection recorded = new PostgresCollector().record(target, log);
            DatabaseEvidence evidence = log.databases().get(0);
            DatabaseEvidence fromJson = Json.json().readValue(Json.write(evidence), DatabaseEvidence.class);

            assertThat(live.database().roles()).isNotEmpty();
            assertThat(recorded).as(user).isEqualTo(live);
            assertThat(new PostgresCollector().replay(evidence)).as(user).isEqualTo(live);
            assertThat(new PostgresCollector().replay(fromJson)).as(user).isEqualTo(live);
            assertThat(evidence.queries()).extracting(q -> q.operation())
                    .contains("server_version", "pg_catalog.pg_roles", "pg_catalog.pg_class", "pg_catalog.pg_attribute",
                            "pg_catalog.pg_proc");
        }
    }

    @ParameterizedTest(name = "PostgreSQL {0}")
    @MethodSource("io.hipaaaudit.collect.postgres.PgServers#majors")
    void aFailedConnectionIsRecordedAndReplayedAsTheSameError(int major) {
        PgTarget target = PgTarget.of("jdbc:postgresql://localhost:" + PgServers.server(major).getPort()
                + "/no_such_database_evidence?password=in-url-secret-000", "postgres", () -> "secret-000-password");
        PgCollection live = new PostgresCollector().collect(target);
        EvidenceLog log = new EvidenceLog();
        new PostgresCollector().record(target, log);
        DatabaseEvidence evidence = log.databases().get(0);
        assertThat(evidence.connectError()).isPresent();
        assertThat(evidence.url()).doesNotContain("in-url-secret").endsWith("/no_such_database_evidence");
        assertThat(new PostgresCollector().replay(evidence)).isEqualTo(live);
        assertThat(live.errors()).singleElement().satisfies(e -> assertThat(e.operation()).isEqualTo("connect"));
    }
}
