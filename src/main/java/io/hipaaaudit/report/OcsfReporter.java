package io.hipaaaudit.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.hipaaaudit.findings.Finding;
import io.hipaaaudit.findings.FindingsDocument;
import io.hipaaaudit.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * ocsf.json: a JSON array of OCSF Compliance Finding events, one per finding with a compliance result (every status
 * but NOT_APPLICABLE), in findings.json order. Ready for an OCSF lake such as Amazon Security Lake (see
 * docs/reports.md). The event time is the scan's, so the same findings.json gives the same file.
 */
final class OcsfReporter implements Reporter {
    static final String FILE = "ocsf.json";

    @Override
    public String format() {
        return "ocsf";
    }

    @Override
    public List<Path> write(ReportInput input, Path dir) throws IOException {
        FindingsDocument doc = input.findings();
        long time = ScanTime.of(doc.scan()).toEpochMilli();
        ArrayNode events = JsonNodeFactory.instance.arrayNode();
        doc.findings().stream()
                .filter(f -> OcsfEvent.exported(f.status()))
                .sorted(Finding.ORDER)
                .forEach(f -> events.add(OcsfEvent.of(f, doc.scan(), time, doc.tagsOf(f.resource()))));
        Path file = dir.resolve(FILE);
        Files.writeString(file, Json.write(events), StandardCharsets.UTF_8);
        return List.of(file);
    }
}
