package io.hipaaaudit.report;

import io.hipaaaudit.findings.Finding;
import io.hipaaaudit.findings.FindingsDocument;
import io.hipaaaudit.findings.ScanInfo;
import io.hipaaaudit.json.Json;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.AllureResultsWriteException;
import io.qameta.allure.FileSystemResultsWriter;
import io.qameta.allure.model.Attachment;
import io.qameta.allure.model.Stage;
import io.qameta.allure.model.TestResult;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * allure-results/: one Allure result per finding (every status, NOT_APPLICABLE and WAIVED as skipped) with its
 * evidence attached as JSON, plus executor.json, environment.properties and categories.json, written through
 * allure-java-commons so the files are what Allure's own adapters write. Render with allure-maven or
 * allure-commandline (docs/reports.md). Results of an earlier run in the folder are removed first; {@code history/}
 * (copied there from a previous report for the trend) is kept.
 */
final class AllureReporter implements Reporter {
    static final String DIR = "allure-results";

    @Override
    public String format() {
        return "allure";
    }

    @Override
    public List<Path> write(ReportInput input, Path dir) throws IOException {
        FindingsDocument doc = input.findings();
        ScanInfo scan = doc.scan();
        Path out = dir.resolve(DIR);
        Files.createDirectories(out);
        removeStale(out);
        Optional<Long> start = scan.startedAt().flatMap(ScanTime::parse).map(Instant::toEpochMilli);
        Optional<Long> stop = scan.finishedAt().flatMap(ScanTime::parse).map(Instant::toEpochMilli).or(() -> start);
        AllureLifecycle lifecycle = new AllureLifecycle(new FileSystemResultsWriter(out));
        try {
            for (Finding f : doc.findings().stream().sorted(Finding.ORDER).toList()) {
                write(lifecycle, f, AllureResult.of(f, scan, input.pack().framework(), start, stop));
            }
        } catch (AllureResultsWriteException e) {
            throw new IOException(e.getMessage() + (e.getCause() != null ? ": " + e.getCause().getMessage() : ""), e);
        }
        AllureFiles.write(out, scan);
        return List.of(out);
    }

    private static void write(AllureLifecycle lifecycle, Finding f, TestResult t) {
        Attachment evidence = AllureResult.evidence(t);
        t.setAttachments(new ArrayList<>(List.of(evidence)));
        lifecycle.scheduleTestCase(t);
        // scheduling marks it SCHEDULED; nothing runs, the verdict is already final
        lifecycle.updateTestCase(t.getUuid(), r -> r.setStage(Stage.FINISHED));
        lifecycle.writeAttachment(evidence.getSource(),
                new ByteArrayInputStream(evidenceJson(f).getBytes(StandardCharsets.UTF_8)));
        lifecycle.writeTestCase(t.getUuid());
    }

    static String evidenceJson(Finding f) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("ruleId", f.ruleId());
        e.put("status", f.status());
        e.put("resource", f.resource());
        e.put("message", f.message());
        e.put("evidence", f.evidence());
        f.waiver().ifPresent(w -> e.put("waiver", w));
        return Json.write(e);
    }

    private static void removeStale(Path out) throws IOException {
        try (Stream<Path> files = Files.list(out)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                String name = p.getFileName().toString();
                if (name.matches(".*-(result|container)\\.json|.*-attachment(\\..*)?")
                        || AllureFiles.NAMES.contains(name)) {
                    Files.delete(p);
                }
            }
        }
    }
}
