package io.hipaaaudit.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hipaaaudit.findings.Finding;
import io.hipaaaudit.findings.FindingsDocument;
import io.hipaaaudit.findings.Status;
import io.hipaaaudit.gate.FindingKey;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The ASFF documents of a findings document, grouped by account and region (the calling account of
 * BatchImportFindings must be the findings' account, and the ProductArn names the region called): what
 * {@code --format asff} writes to its files and what the Security Hub import sends, one mapping for both. See
 * {@link AsffReporter} for what is left out. With a history, a finding's FirstObservedAt and CreatedAt are when the
 * history first saw its rule and resource; else, like UpdatedAt and LastObservedAt, the scan's time.
 */
public final class AsffDocuments {
    private AsffDocuments() {}

    /** One account's findings in one region, in findings.json order. */
    public record Group(String account, String region, List<ObjectNode> findings) {
        public Group {
            findings = List.copyOf(findings);
        }
    }

    /** The groups, by account then region, and how many findings were left out, per reason. */
    public record Grouped(List<Group> groups, Map<String, Long> skipped) {
        public Grouped {
            groups = List.copyOf(groups);
            skipped = Map.copyOf(skipped);
        }
    }

    public static Grouped of(ReportInput input) {
        FindingsDocument doc = input.findings();
        Instant scanTime = ScanTime.of(doc.scan());
        String time = DateTimeFormatter.ISO_INSTANT.format(scanTime);
        Map<FindingKey, Instant> firstSeen = input.history().map(HistoryView::firstSeen).orElse(Map.of());
        String homeRegion = doc.scan().regions().isEmpty() ? "" : doc.scan().regions().get(0);
        Map<String, Long> skipped = new TreeMap<>(Map.of("notApplicable", 0L, "noAccount", 0L, "noRegion", 0L));
        Map<List<String>, List<ObjectNode>> groups = new TreeMap<>(AsffDocuments::compareKeys);
        Map<String, Optional<String>> ruleFiles = new HashMap<>();
        List<String> scanAccounts = doc.scan().accounts().stream().filter(a -> a.matches("\\d{12}")).toList();
        for (Finding found : doc.findings().stream().sorted(Finding.ORDER).toList()) {
            Finding f = AsffReporter.withScanAccount(found, scanAccounts, homeRegion);
            String region = f.resource().region().isEmpty() ? homeRegion : f.resource().region();
            String reason = f.status() == Status.NOT_APPLICABLE ? "notApplicable"
                    : !f.resource().account().matches("\\d{12}") ? "noAccount"
                    : region.isEmpty() ? "noRegion" : null;
            if (reason != null) {
                skipped.merge(reason, 1L, Long::sum);
                continue;
            }
            // history keys the finding as scanned, before a database finding is placed in the scan's account
            String first = Optional.ofNullable(firstSeen.get(FindingKey.of(found))).filter(t -> t.isBefore(scanTime))
                    .map(DateTimeFormatter.ISO_INSTANT::format).orElse(time);
            groups.computeIfAbsent(List.of(f.resource().account(), region), k -> new ArrayList<>())
                    .add(AsffFinding.of(f, doc.scan(), region, time, first, doc.tagsOf(found.resource()),
                            ruleFiles.computeIfAbsent(f.ruleId(), id -> input.pack().find(id)
                                    .flatMap(r -> Citations.ruleFile(r.source(), input.docsUrl())))));
        }
        List<Group> out = groups.entrySet().stream()
                .map(e -> new Group(e.getKey().get(0), e.getKey().get(1), e.getValue())).toList();
        return new Grouped(out, skipped);
    }

    /** This tool's product in the Security Hub of {@code account} in {@code region}: the account's default one. */
    public static String productArn(String account, String region) {
        return "arn:" + io.hipaaaudit.inventory.aws.Arns.partition(region) + ":securityhub:" + region + ":" + account
                + ":product/" + account + "/default";
    }

    /**
     * The document as imported into the Security Hub of {@code region}: ProductArn and Region name that region (the
     * one BatchImportFindings is called in); the resources keep their own region. A document of that region is
     * returned as it is.
     */
    public static ObjectNode inRegion(ObjectNode document, String region) {
        if (region.equals(document.path("Region").asText())) {
            return document;
        }
        ObjectNode moved = document.deepCopy();
        moved.put("ProductArn", productArn(document.path("AwsAccountId").asText(), region));
        moved.put("Region", region);
        return moved;
    }

    private static int compareKeys(List<String> a, List<String> b) {
        int c = a.get(0).compareTo(b.get(0));
        return c != 0 ? c : a.get(1).compareTo(b.get(1));
    }
}
