package io.hipaaaudit.analyse.privileges;

import static org.assertj.core.api.Assertions.assertThat;

import io.hipaaaudit.collect.postgres.HealthcareDb;
import io.hipaaaudit.collect.postgres.PgCollection;
import io.hipaaaudit.collect.postgres.PgTarget;
import io.hipaaaudit.collect.postgres.PostgresCollector;
import io.hipaaaudit.inventory.pg.PgDatabase;
import io.hipaaaudit.json.Json;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The streamed report is the report: the same rows in the same order as the whole fact base sorted at once, and
 * the streaming JSON writer prints what the list serialiser printed.
 */
@ParameterizedClass(name = "PostgreSQL {0}")
@MethodSource("io.hipaaaudit.collect.postgres.PgServers#majors")
class PrivilegeStreamTest {
    @Parameter
    int major;

    private PgDatabase db;

    @BeforeEach
    void collect() throws Exception {
        PgCollection collection = new PostgresCollector()
                .collect(PgTarget.of(HealthcareDb.url(major), "hc_audit", () -> null));
        assertThat(collection.errors()).isEmpty();
        db = collection.database();
    }

    private List<PrivilegeRow> streamed(PrivilegeFilter filter) {
        List<PrivilegeRow> rows = new ArrayList<>();
        new PrivilegeStream(db, filter).forEach(rows::add);
        return rows;
    }

    @Test
    void streamsTheRowsOfTheFactBaseInReportOrder() {
        List<PrivilegeRow> reference = ReferenceRows.rows(new EffectivePrivileges(db));
        assertThat(reference).isNotEmpty();
        assertThat(streamed(PrivilegeFilter.ALL)).containsExactlyElementsOf(reference);
        assertThat(PrivilegeReport.rows(db)).containsExactlyElementsOf(reference);
    }

    @Test
    void theJsonWriterPrintsWhatTheListSerialiserPrinted() {
        List<PrivilegeRow> rows = streamed(PrivilegeFilter.ALL);
        StringWriter out = new StringWriter();
        try (PrivilegeJsonWriter json = new PrivilegeJsonWriter(out)) {
            json.startRows();
            rows.forEach(json::row);
            json.endRows();
        }
        assertThat(out.toString()).isEqualTo(PrivilegeJson.rows(rows));

        Map<String, List<PrivilegeRow>> several = new TreeMap<>(Map.of("a", rows.subList(0, 3), "b", List.of()));
        StringWriter keyed = new StringWriter();
        try (PrivilegeJsonWriter json = new PrivilegeJsonWriter(keyed)) {
            json.startDatabases();
            several.forEach((id, list) -> {
                json.startRows(id);
                list.forEach(json::row);
                json.endRows();
            });
            json.endDatabases();
        }
        assertThat(keyed.toString()).isEqualTo(Json.write(several));
    }

    @Test
    void filtersByRoleSchemaAndObjectGlob() {
        List<PrivilegeRow> all = streamed(PrivilegeFilter.ALL);
        assertThat(streamed(new PrivilegeFilter(List.of("hc_analyst"), List.of("app"), List.of())))
                .containsExactlyElementsOf(all.stream()
                        .filter(r -> r.role().equals("hc_analyst") && r.schema().equals("app")).toList());
        assertThat(streamed(new PrivilegeFilter(List.of(), List.of(), List.of("consent_*"))))
                .isNotEmpty()
                .containsExactlyElementsOf(all.stream().filter(r -> r.object().startsWith("consent_")).toList());
        // a function by its bare name or its signature; a column row by its table
        assertThat(streamed(new PrivilegeFilter(List.of(), List.of(), List.of("purge_user"))))
                .isNotEmpty().allMatch(r -> r.object().equals("purge_user(uid bigint)"));
        assertThat(streamed(new PrivilegeFilter(List.of(), List.of(), List.of("purge_user(uid bigint)"))))
                .isNotEmpty().allMatch(r -> r.object().equals("purge_user(uid bigint)"));
        assertThat(streamed(new PrivilegeFilter(List.of(), List.of(), List.of("users"))))
                .anyMatch(r -> r.objectType().equals("column"))
                .allMatch(r -> r.object().equals("users"));
        assertThat(streamed(new PrivilegeFilter(List.of(), List.of(), List.of("user?")))).isNotEmpty()
                .allMatch(r -> r.object().equals("users"));
        // rows usable only after a SET ROLE pass the same filters (hc_intern does not inherit hc_readers)
        assertThat(streamed(new PrivilegeFilter(List.of("hc_intern"), List.of("app"), List.of("sub*", "users"))))
                .isNotEmpty()
                .containsExactlyElementsOf(all.stream().filter(r -> r.role().equals("hc_intern")
                        && r.schema().equals("app") && (r.object().startsWith("sub") || r.object().equals("users")))
                        .toList())
                .anyMatch(r -> r.objectType().equals("column"))
                .allMatch(r -> r.setRole().equals(java.util.Optional.of("hc_readers")));
    }

    @Test
    void theStreamingTableAlignsToTheCatalog() {
        PrivilegeStream stream = new PrivilegeStream(db, PrivilegeFilter.ALL);
        StringWriter out = new StringWriter();
        PrivilegeTable.RowWriter table = PrivilegeTable.writer(out, stream);
        stream.forEach(table::row);
        List<String> lines = out.toString().lines().toList();
        assertThat(lines.get(0)).startsWith("ROLE").contains("PRIVILEGE", "SET ROLE", "VIA");
        assertThat(lines).hasSize(PrivilegeReport.rows(db).size() + 1);
        int via = lines.get(0).indexOf("VIA");
        assertThat(lines.subList(1, lines.size())).allSatisfy(line -> assertThat(line.charAt(via - 1)).isEqualTo(' '));
        assertThat(out.toString()).contains("no (no USAGE on schema)", "grant SELECT to PUBLIC by hc_owner",
                "hc_readers  member of hc_readers -> SET ROLE hc_readers -> grant SELECT to hc_readers by hc_owner");
    }
}
