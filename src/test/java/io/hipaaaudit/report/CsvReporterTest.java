package io.hipaaaudit.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.hipaaaudit.findings.Finding;
import io.hipaaaudit.findings.FindingsDocument;
import io.hipaaaudit.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** findings.csv reads back, with the CSV library, as the findings it was written from; no cell is a formula. */
class CsvReporterTest {
    private static final String FORMULA_START = "=+-@\t\r";

    @TempDir
    Path dir;

    FindingsDocument doc;
    byte[] bytes;
    List<Map<String, String>> rows;

    @BeforeEach
    void write() throws IOException {
        doc = ReportFixtures.mixed();
        List<Path> written = Reporters.write(new ReportInput(doc, ReportFixtures.pack()), List.of("csv"), dir);
        Path file = dir.resolve("findings.csv");
        assertThat(written).containsExactly(file);
        bytes = Files.readAllBytes(file);
        rows = parse(bytes);
    }

    /** Parses with jackson-dataformat-csv: header row for the column names, the BOM skipped as Excel does. */
    static List<Map<String, String>> parse(byte[] csv) throws IOException {
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        CsvMapper mapper = CsvMapper.builder().enable(CsvParser.Feature.FAIL_ON_MISSING_COLUMNS).build();
        try (MappingIterator<Map<String, String>> it = mapper.readerFor(Map.class)
                .with(CsvSchema.emptySchema().withHeader().withStrictHeaders(true))
                .readValues(text.substring(1))) {
            return it.readAll();
        }
    }

    @Test
    void utf8WithBomCrlfAndTheDocumentedHeader() {
        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text.substring(1)).startsWith(String.join(",", CsvReporter.COLUMNS) + "\r\n").endsWith("\r\n");
        assertThat(text).contains("é 漢 \uD83D\uDE00");
    }

    @Test
    void oneRowPerFindingThatReadsBackAsTheFinding() throws IOException {
        assertThat(rows).hasSize(doc.findings().size());
        for (int i = 0; i < rows.size(); i++) {
            Finding f = doc.findings().get(i);
            Map<String, String> row = rows.get(i);
            assertThat(row.keySet()).containsExactlyElementsOf(CsvReporter.COLUMNS);
            Map<String, String> expected = new LinkedHashMap<>();
            expected.put("ruleId", f.ruleId());
            expected.put("title", f.title());
            expected.put("severity", f.severity().label());
            expected.put("status", f.status().name());
            expected.put("area", f.area());
            expected.put("hipaa", String.join(";", f.hipaa()));
            expected.put("resourceType", f.resource().type());
            expected.put("resourceId", f.resource().id());
            expected.put("resourceArn", f.resource().arn());
            expected.put("account", f.resource().account());
            expected.put("region", f.resource().region());
            expected.put("message", f.message());
            expected.put("remediation", f.remediation());
            expected.put("waiverId", f.waiver().map(w -> w.id()).orElse(""));
            expected.put("waiverJustification", f.waiver().map(w -> w.justification()).orElse(""));
            expected.put("waiverApprovedBy", f.waiver().map(w -> w.approvedBy()).orElse(""));
            expected.put("waiverExpires", f.waiver().map(w -> w.expires().toString()).orElse(""));
            String line = "row " + (i + 2);
            expected.forEach((column, value) -> assertThat(unneutralise(row.get(column)))
                    .as(column + " of " + line).isEqualTo(ReportFixtures.xmlLegal(value)));
            // evidence from the cloud went through the one printable filter, as in every format but findings.json
            Finding shown = Neutralised.of(doc).findings().get(i);
            assertThat((Map<?, ?>) Json.json().readValue(row.get("evidence"), Map.class))
                    .as("evidence of " + line).isEqualTo(Json.json().readValue(
                            FindingText.evidenceJson(shown.evidence()), Map.class));
        }
        Map<String, String> waived = rows.stream().filter(r -> r.get("status").equals("WAIVED")).findFirst().orElseThrow();
        assertThat(waived).containsEntry("waiverId", "W-2026-007").containsEntry("waiverApprovedBy", "ciso@example.com")
                .containsEntry("waiverExpires", "2027-03-31");
    }

    @Test
    void noCellCanBecomeAFormula() {
        for (Map<String, String> row : rows) {
            row.forEach((column, cell) -> assertThat(cell.isEmpty() || FORMULA_START.indexOf(cell.charAt(0)) < 0)
                    .as(column + " = " + cell).isTrue());
        }
        List<String> messages = rows.stream().map(r -> r.get("message")).toList();
        assertThat(messages).contains(
                "rotation is off for key-1 tagged Owner=" + ReportFixtures.xmlLegal(ReportFixtures.HOSTILE),
                "'+1 rotation is off for key-1 in eu-west-1",
                "'-healthapp-prod keeps automated backups for 3 day(s); the prod minimum is 7",
                "'@healthapp-dev keeps automated backups for 0 day(s)",
                "'\tapplication role app is a superuser",
                "'\rcustom check failed");
    }

    @Test
    void aHostileTagRoundTripsAsText() {
        String owner = rows.stream().filter(r -> r.get("resourceId").equals("key-1") && r.get("region").equals("us-east-1"))
                .findFirst().orElseThrow().get("message");
        assertThat(owner).isEqualTo("rotation is off for key-1 tagged Owner=" + ReportFixtures.xmlLegal(ReportFixtures.HOSTILE))
                .contains("=HYPERLINK(\"http://evil.example\",\"click\")\uFFFD\uFFFD[31m\uFFFD <b>&amp;</b>")
                .contains("line two\ttab\r\nend \uFFFD \uFFFD é 漢 \uD83D\uDE00");
        assertThat(CsvReporter.neutralise("=1+1")).isEqualTo("'=1+1");
        assertThat(CsvReporter.neutralise("1+1")).isEqualTo("1+1");
        assertThat(CsvReporter.neutralise("")).isEmpty();
    }

    @Test
    void sameInputSameBytes() throws IOException {
        assertThat(CsvReporter.render(Neutralised.of(Reporters.canonical(ReportFixtures.mixed())))).isEqualTo(bytes);
    }

    private static String unneutralise(String cell) {
        return cell.length() > 1 && cell.charAt(0) == '\'' && FORMULA_START.indexOf(cell.charAt(1)) >= 0
                ? cell.substring(1) : cell;
    }
}
