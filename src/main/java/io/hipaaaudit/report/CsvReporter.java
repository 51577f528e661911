package io.hipaaaudit.report;

import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.hipaaaudit.findings.Finding;
import io.hipaaaudit.findings.FindingsDocument;
import io.hipaaaudit.findings.ResourceRef;
import io.hipaaaudit.findings.Waiver;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * findings.csv: one row per finding for spreadsheets, in findings.json order, with a header row.
 *
 * <ul>
 *   <li>RFC 4180: comma-separated, CRLF line ends, a field quoted (quotes doubled) when it holds a comma, a quote
 *       or a line break; written by jackson-dataformat-csv.</li>
 *   <li>UTF-8 with a byte order mark: Excel reads a CSV without one in the system's legacy code page, which garbles
 *       any non-ASCII resource name or tag. Other readers need to skip it (Python: {@code encoding="utf-8-sig"}).</li>
 *   <li>CSV (formula) injection: a cell that begins with {@code =}, {@code +}, {@code -}, {@code @}, tab or
 *       carriage return is prefixed with {@code '}, so a spreadsheet shows it as text instead of evaluating it
 *       (a hostile tag value reaches the message column verbatim).</li>
 *   <li>Characters XML 1.0 would not allow either (NUL, ANSI escapes and other control characters but tab and
 *       line breaks, unpaired surrogates) become U+FFFD; the evidence column is JSON, where they are escaped.</li>
 * </ul>
 */
final class CsvReporter implements Reporter {
    static final String FILE = "findings.csv";
    static final List<String> COLUMNS = List.of("ruleId", "title", "severity", "status", "area", "hipaa",
            "resourceType", "resourceId", "resourceArn", "account", "region", "message", "remediation", "waiverId",
            "waiverJustification", "waiverApprovedBy", "waiverExpires", "evidence");
    private static final CsvMapper CSV = CsvMapper.builder()
            .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
            .build();
    private static final CsvSchema SCHEMA = CsvSchema.emptySchema().withLineSeparator("\r\n");
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    @Override
    public String format() {
        return "csv";
    }

    @Override
    public List<Path> write(ReportInput input, Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        Files.write(file, render(input.findings()));
        return List.of(file);
    }

    static byte[] render(FindingsDocument doc) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        rows.add(COLUMNS);
        for (Finding f : doc.findings()) {
            rows.add(row(f).stream().map(FindingText::printable).map(CsvReporter::neutralise).toList());
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(BOM);
        try (Writer w = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
            CSV.writer(SCHEMA).writeValue(w, rows);
        }
        return bytes.toByteArray();
    }

    private static List<String> row(Finding f) {
        ResourceRef r = f.resource();
        Optional<Waiver> w = f.waiver();
        return List.of(f.ruleId(), f.title(), f.severity().label(), f.status().name(), f.area(),
                String.join(";", f.hipaa()), r.type(), r.id(), r.arn(), r.account(), r.region(), f.message(),
                f.remediation(), w.map(Waiver::id).orElse(""), w.map(Waiver::justification).orElse(""),
                w.map(Waiver::approvedBy).orElse(""), w.map(x -> String.valueOf(x.expires())).orElse(""),
                FindingText.evidenceJson(f.evidence()));
    }

    /** Prefixes {@code '} to a cell a spreadsheet would read as a formula (OWASP's list of leading characters). */
    static String neutralise(String cell) {
        if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
            return "'" + cell;
        }
        return cell;
    }
}
