package io.hipaaaudit.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.hipaaaudit.findings.FindingsDocument;
import io.hipaaaudit.json.InputException;
import io.hipaaaudit.json.Json;
import io.hipaaaudit.report.html.HtmlReporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Every output format by its {@code --format} name, in the order they are written. */
public final class Reporters {
    private static final Map<String, Reporter> ALL = index(Stream.of(
            new JsonReporter(),
            new HtmlReporter(),
            new PdfReporter(),
            new JunitReporter(),
            new SarifReporter(),
            new AllureReporter(),
            new OcsfReporter(),
            new AsffReporter(),
            new CsvReporter()));

    private Reporters() {}

    private static Map<String, Reporter> index(Stream<Reporter> reporters) {
        Map<String, Reporter> out = new LinkedHashMap<>();
        reporters.forEach(r -> out.put(r.format(), r));
        return out;
    }

    /** The format names, in writing order. */
    public static List<String> formats() {
        return List.copyOf(ALL.keySet());
    }

    /** The reporter for a format name; an unknown name is an input error listing the known ones. */
    public static Reporter of(String format) {
        Reporter r = ALL.get(format);
        if (r == null) {
            throw new InputException("--format: unknown format '" + format + "'; expected one of "
                    + String.join(", ", ALL.keySet()));
        }
        return r;
    }

    /**
     * Writes the given formats into {@code dir} (created when missing) and returns what was written. Every reporter
     * sees the findings as findings.json holds them (serialised and read back), so {@code report} on a saved
     * findings.json writes the same bytes as the scan did.
     */
    public static List<Path> write(ReportInput input, Collection<String> formats, Path dir) {
        List<Reporter> chosen = formats.stream().map(Reporters::of).toList();
        List<Path> written = new ArrayList<>();
        try {
            Files.createDirectories(dir);
            FindingsDocument doc = canonical(input.findings());
            ReportInput canonical = new ReportInput(doc, input.pack(), input.history(), input.sarifIncludeWaived(),
                    input.docsUrl());
            // every format but the canonical JSON gets the cloud's text through the one printable filter
            ReportInput printable = chosen.stream().anyMatch(r -> !(r instanceof JsonReporter))
                    ? new ReportInput(Neutralised.of(doc), input.pack(), input.history(), input.sarifIncludeWaived(),
                            input.docsUrl())
                    : canonical;
            for (Reporter r : ALL.values()) {
                if (chosen.contains(r)) {
                    written.addAll(r.write(r instanceof JsonReporter ? canonical : printable, dir));
                }
            }
        } catch (IOException e) {
            throw new InputException(dir + ": cannot write reports: " + e.getMessage());
        }
        return written;
    }

    /**
     * The document as read back from its JSON form. An unpaired surrogate (a JSON {@code \ud800} escape in an API
     * response) has no UTF-8 form and becomes U+FFFD here, rather than failing the write of findings.json.
     */
    static FindingsDocument canonical(FindingsDocument doc) {
        try {
            return Json.json().readValue(FindingText.wellFormed(doc.toJson()), FindingsDocument.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("findings do not read back from their JSON form", e);
        }
    }
}
