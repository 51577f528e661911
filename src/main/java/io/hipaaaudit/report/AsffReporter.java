package io.hipaaaudit.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hipaaaudit.findings.Finding;
import io.hipaaaudit.findings.ResourceRef;
import io.hipaaaudit.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * asff/: findings in the AWS Security Finding Format as files {@code asff-0001.json}, {@code asff-0002.json}, ...
 * each a plain JSON array that {@code aws securityhub batch-import-findings --findings file://...} takes as is.
 * A file holds at most 100 findings (the API's limit per call) of one account and region, because the calling
 * account must be the findings' account and the ProductArn names the region called. {@code manifest.json} says
 * which file goes to which account and region, and counts what was left out: NOT_APPLICABLE findings, and
 * findings without a 12-digit account or any region. A database finding carries the account and region of the RDS
 * instance it runs on; one not matched to an instance takes the scan's account and home region when the scan
 * covered exactly one account (with several, or none, which account it belongs to is unknown and it is left out).
 */
final class AsffReporter implements Reporter {
    static final String DIR = "asff";
    static final String MANIFEST = "manifest.json";
    static final int BATCH = 100;

    @Override
    public String format() {
        return "asff";
    }

    @Override
    public List<Path> write(ReportInput input, Path dir) throws IOException {
        AsffDocuments.Grouped grouped = AsffDocuments.of(input);
        Path out = dir.resolve(DIR);
        Files.createDirectories(out);
        removeStale(out);
        ArrayNode batches = JsonNodeFactory.instance.arrayNode();
        int n = 0;
        for (AsffDocuments.Group g : grouped.groups()) {
            List<ObjectNode> findings = g.findings();
            for (int from = 0; from < findings.size(); from += BATCH) {
                List<ObjectNode> batch = findings.subList(from, Math.min(from + BATCH, findings.size()));
                String name = String.format(java.util.Locale.ROOT, "asff-%04d.json", ++n);
                Files.writeString(out.resolve(name), Json.write(batch), StandardCharsets.UTF_8);
                batches.addObject().put("file", name).put("account", g.account())
                        .put("region", g.region()).put("findings", batch.size());
            }
        }
        ObjectNode manifest = JsonNodeFactory.instance.objectNode();
        manifest.set("batches", batches);
        manifest.set("skipped", Json.json().valueToTree(new TreeMap<>(grouped.skipped())));
        Files.writeString(out.resolve(MANIFEST), Json.write(manifest), StandardCharsets.UTF_8);
        return List.of(out);
    }

    /** A PostgreSQL finding without an account, in a scan of exactly one account: that account and home region. */
    static Finding withScanAccount(Finding f, List<String> scanAccounts, String homeRegion) {
        ResourceRef r = f.resource();
        if (!r.type().startsWith("pg.") || !r.account().isEmpty() || scanAccounts.size() != 1) {
            return f;
        }
        ResourceRef placed = new ResourceRef(r.type(), r.id(), r.arn(), scanAccounts.get(0),
                r.region().isEmpty() ? homeRegion : r.region());
        return new Finding(f.ruleId(), f.title(), f.severity(), f.status(), f.area(), f.hipaa(), placed, f.message(),
                f.evidence(), f.remediation(), f.waiver());
    }

    /** Batches of an earlier run would otherwise be imported again with this run's. */
    private static void removeStale(Path out) throws IOException {
        try (Stream<Path> files = Files.list(out)) {
            for (Path p : files.toList()) {
                String name = p.getFileName().toString();
                if (name.matches("asff-\\d+\\.json") || name.equals(MANIFEST)) {
                    Files.delete(p);
                }
            }
        }
    }
}
