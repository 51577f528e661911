package io.hipaaaudit.report.html;

import io.hipaaaudit.findings.Finding;
import io.hipaaaudit.findings.FindingsDocument;
import io.hipaaaudit.findings.ResourceRef;
import io.hipaaaudit.findings.ScanInfo;
import io.hipaaaudit.findings.Severity;
import io.hipaaaudit.findings.Status;
import io.hipaaaudit.findings.Waiver;
import io.hipaaaudit.gate.FindingKey;
import io.hipaaaudit.history.FindingState;
import io.hipaaaudit.history.ScanDiff;
import io.hipaaaudit.history.ScanRow;
import io.hipaaaudit.report.HistoryView;
import io.hipaaaudit.report.ReportInput;
import io.hipaaaudit.rules.RuleLoader;
import io.hipaaaudit.rules.RulePack;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A report input with every status, a waived finding, an expired waiver, unused waivers, a NOT_ASSESSED finding
 * with the failed API call, a history, and hostile strings (as a cloud tag or resource name could carry them) in
 * a resource id, an evidence tag value and a message.
 */
final class ReportScenario {
    /** Sets a window flag if it ever runs: as an attribute handler, and as a script element. */
    static final String IMG = "\"><img src=x onerror=\"window.__pwned=1\">";
    static final String SCRIPT = "<script>window.__pwned=2</script>";
    static final String HOSTILE_ID = "db-" + IMG;
    static final String ACCOUNT = "111122223333";
    static final RulePack PACK = RuleLoader.load(List.of());

    private ReportScenario() {}

    static ReportInput input() {
        return new ReportInput(document(), PACK, Optional.of(history()));
    }

    static FindingsDocument document() {
        List<Finding> f = new ArrayList<>();
        f.add(finding("rds-instance-storage-encrypted", Severity.HIGH, Status.PASS, "encryption-at-rest", "healthapp-prod",
                "healthapp-prod is encrypted", Map.of("storageEncrypted", true, "kmsKeyId", "key/1")));
        f.add(finding("rds-instance-storage-encrypted", Severity.HIGH, Status.FAIL, "encryption-at-rest", HOSTILE_ID,
                "stores data unencrypted " + SCRIPT,
                Map.of("storageEncrypted", false, "tags", Map.of("Name", SCRIPT, "Owner", IMG))));
        f.add(finding("rds-instance-backup-retention", Severity.MEDIUM, Status.WAIVED, "backup", "healthapp-dev",
                "backup retention 1 day", Map.of("backupRetentionPeriod", 1)).withStatus(Status.WAIVED,
                Optional.of(new Waiver("dev-retention", "dev holds synthetic data only", "ciso@example.com",
                        LocalDate.parse("2031-01-31")))));
        f.add(finding("rds-instance-backup-retention", Severity.MEDIUM, Status.FAIL, "backup", "healthapp-prod",
                "backup retention 3 days (waiver old-retention expired on 2020-01-01)", Map.of("backupRetentionPeriod", 3,
                        "expiredWaiver", Map.of("id", "old-retention", "expires", "2020-01-01",
                                "approvedBy", "former-ciso@example.com"))));
        f.add(finding("cloudtrail-multi-region-trail", Severity.HIGH, Status.NOT_ASSESSED, "audit-logging", "*",
                "could not list aws.cloudtrail.trail here: cloudtrail:DescribeTrails failed (AccessDenied)",
                Map.of("collectionErrors", List.of(Map.of("operation", "cloudtrail:DescribeTrails",
                        "code", "AccessDenied", "message", "not authorized", "region", "us-east-1")))));
        f.add(finding("rds-cluster-storage-encrypted", Severity.HIGH, Status.NOT_APPLICABLE, "encryption-at-rest", "*",
                "no aws.rds.db_cluster in the scanned scope", Map.of()));
        f.sort(Finding.ORDER);
        ScanInfo info = new ScanInfo("scan-0001", Optional.of("2026-11-25T08:00:00Z"),
                Optional.of("2026-11-25T08:01:30Z"), "hipaa-audit", "0.1.0", "prod", List.of(ACCOUNT),
                List.of("us-east-1"), List.of("healthapp-prod/app"), "aa".repeat(32), "bb".repeat(32), Map.of(),
                Map.of(), List.of("unused-one", "unused-two"));
        return new FindingsDocument(info, f);
    }

    static Finding finding(String rule, Severity sev, Status status, String area, String id, String message,
                           Map<String, Object> evidence) {
        String arn = id.equals("*") ? "" : "arn:aws:rds:us-east-1:" + ACCOUNT + ":db:" + id;
        List<String> hipaa = PACK.find(rule).orElseThrow().hipaa();
        return new Finding(rule, PACK.find(rule).orElseThrow().file().title(), sev, status, area, hipaa,
                new ResourceRef(PACK.find(rule).orElseThrow().resourceType(), id, arn, ACCOUNT, "us-east-1"), message,
                evidence, PACK.find(rule).orElseThrow().file().remediation(), Optional.empty());
    }

    static HistoryView history() {
        ScanRow one = row(1, "2026-11-23T08:00:00Z", 3, 1, 0);
        ScanRow two = row(2, "2026-11-24T08:00:00Z", 1, 2, 0);
        ScanRow three = row(3, "2026-11-25T08:00:00Z", 1, 2, 1);
        FindingKey fresh = new FindingKey("rds-instance-storage-encrypted", "aws.rds.db_instance", HOSTILE_ID, ACCOUNT,
                "us-east-1");
        FindingKey gone = new FindingKey("rds-snapshot-encrypted", "aws.rds.db_snapshot", "snap-1", ACCOUNT, "us-east-1");
        FindingKey waived = new FindingKey("rds-instance-backup-retention", "aws.rds.db_instance", "healthapp-dev",
                ACCOUNT, "us-east-1");
        ScanDiff diff = new ScanDiff(two, three,
                List.of(change(fresh, null, Status.FAIL)), List.of(change(gone, Status.FAIL, null)), List.of(),
                List.of(change(waived, Status.FAIL, Status.WAIVED)));
        return new HistoryView(Optional.of(diff), List.of(one, two, three));
    }

    private static ScanRow row(long id, String at, long fail, long pass, long waived) {
        return new ScanRow(id, "scan-000" + id, Instant.parse(at), Optional.empty(), "prod", List.of(ACCOUNT),
                Map.of("FAIL", fail, "PASS", pass, "WAIVED", waived, "NOT_ASSESSED", 1L, "NOT_APPLICABLE", 1L));
    }

    private static ScanDiff.Change change(FindingKey key, Status before, Status after) {
        return new ScanDiff.Change(key, Optional.ofNullable(before).map(s -> new FindingState(key, s, Severity.HIGH, "was")),
                Optional.ofNullable(after).map(s -> new FindingState(key, s, Severity.HIGH, "now " + SCRIPT)));
    }
}
