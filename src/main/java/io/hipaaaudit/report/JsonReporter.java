package io.hipaaaudit.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** findings.json, the canonical form every other format, the gate and the history are derived from. */
final class JsonReporter implements Reporter {
    static final String FILE = "findings.json";

    @Override
    public String format() {
        return "json";
    }

    @Override
    public List<Path> write(ReportInput input, Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        Files.writeString(file, Neutralised.canonicalJson(input.findings()), StandardCharsets.UTF_8);
        return List.of(file);
    }
}
