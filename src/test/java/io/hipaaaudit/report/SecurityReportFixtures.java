package io.hipaaaudit.report;

import io.hipaaaudit.findings.Finding;
import io.hipaaaudit.findings.FindingsDocument;
import io.hipaaaudit.findings.ResourceRef;
import io.hipaaaudit.findings.ScanInfo;
import io.hipaaaudit.findings.Severity;
import io.hipaaaudit.findings.Status;
import io.hipaaaudit.findings.Waiver;
import io.hipaaaudit.rules.Framework;
import io.hipaaaudit.rules.Framework.Specification;
import io.hipaaaudit.rules.RulePack;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/** Findings of every status and kind of resource, with strings a cloud API could hand us, for the format tests. */
final class SecurityReportFixtures {
    static final String ACCOUNT = "111122223333";
    static final String REGION = "us-east-1";
    static final String STARTED = "2026-11-24T06:00:00Z";
    static final String FINISHED = "2026-11-24T06:00:41Z";
    /** Markup, quotes, control characters, a bidi override, a character outside the BMP. */
    static final String HOSTILE = "<script>alert(\"x\")</script> & 'q' \u0000\u0007\u001b[31m\n\ttab \u202e\u2603 \uD834\uDD1E";
    static final Waiver WAIVER = new Waiver("W-17", "legacy subnet, migration ticket <OPS-9>", "ciso@example.com",
            LocalDate.parse("2027-01-31"));

    private SecurityReportFixtures() {}

    static Finding finding(String rule, Status status, Severity severity, String type, String id, String account,
                           String region) {
        String arn = account.isEmpty() ? "" : "arn:aws:" + type.split("\\.")[1] + ":" + region + ":" + account + ":" + id;
        return new Finding(rule, "Title of " + rule, severity, status, "encryption-at-rest",
                List.of("164.312(a)(2)(iv)", "164.310(d)(2)(iv)"), new ResourceRef(type, id, arn, account, region),
                id + " is " + status, Map.of("checked", id, "count", 3L), "Fix " + rule,
                status == Status.WAIVED ? Optional.of(WAIVER) : Optional.empty());
    }

    /** One finding per status, plus a database object without an account and an account-level (global) finding. */
    static List<Finding> everyKind() {
        Finding hostile = new Finding("kms-key-rotation-enabled", "Rotation " + HOSTILE, Severity.CRITICAL, Status.FAIL,
                "kms", List.of("164.312(a)(2)(iv)"),
                new ResourceRef("aws.kms.key", "key-" + HOSTILE, "arn:aws:kms:us-east-1:111122223333:key/k1", ACCOUNT,
                        REGION),
                "tag Owner=" + HOSTILE, Map.of("tagValue", HOSTILE), "rotate " + HOSTILE, Optional.empty());
        return List.of(
                finding("rds-storage-encrypted", Status.PASS, Severity.HIGH, "aws.rds.db_instance", "db-prod", ACCOUNT, REGION),
                hostile,
                finding("vpc-default-security-group-closed", Status.NOT_ASSESSED, Severity.MEDIUM,
                        "aws.ec2.security_group", "sg-1", ACCOUNT, REGION),
                finding("rds-db-subnet-isolated", Status.WAIVED, Severity.LOW, "aws.ec2.subnet", "subnet-1", ACCOUNT, REGION),
                finding("rds-cluster-backup-retention", Status.NOT_APPLICABLE, Severity.INFO, "aws.rds.db_cluster", "*",
                        "", ""),
                finding("pg-app-role-no-admin-attributes", Status.PASS, Severity.HIGH, "pg.role", "app", "", ""),
                finding("cloudtrail-multi-region-trail", Status.FAIL, Severity.HIGH, "aws.account", ACCOUNT, ACCOUNT, ""));
    }

    /** {@code n} failing findings on distinct RDS instances of one account and region. */
    static List<Finding> many(int n) {
        return IntStream.range(0, n).mapToObj(i -> finding("rds-storage-encrypted", Status.FAIL, Severity.HIGH,
                "aws.rds.db_instance", String.format("db-%04d", i), ACCOUNT, REGION)).toList();
    }

    static ScanInfo scan(String id, Optional<String> started, Optional<String> finished) {
        return new ScanInfo(id, started, finished, "hipaa-audit", "1.2.3", "prod", List.of(ACCOUNT),
                List.of(REGION, "us-west-2"), List.of(), "inv", "pack", Map.of(), Map.of());
    }

    static ReportInput input(String scanId, List<Finding> findings) {
        return new ReportInput(new FindingsDocument(scan(scanId, Optional.of(STARTED), Optional.of(FINISHED)),
                findings.stream().sorted(Finding.ORDER).toList()), pack());
    }

    static RulePack pack() {
        Framework framework = new Framework("hipaa-security-rule", "HIPAA", "test", List.of(
                spec("164.312(a)(2)(iv)", "technical"), spec("164.310(d)(2)(iv)", "physical")));
        return new RulePack(framework, List.of(), "sha");
    }

    private static Specification spec(String citation, String safeguard) {
        return new Specification(citation, citation.substring(0, 7), safeguard, "standard", "title", "required",
                "automated", Optional.empty(), Optional.empty());
    }
}
