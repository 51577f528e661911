package io.hipaaaudit.report;

import io.hipaaaudit.findings.Finding;
import io.hipaaaudit.findings.FindingsDocument;
import io.hipaaaudit.findings.ResourceRef;
import io.hipaaaudit.findings.ScanInfo;
import io.hipaaaudit.findings.Severity;
import io.hipaaaudit.findings.Status;
import io.hipaaaudit.findings.Waiver;
import io.hipaaaudit.rules.RuleLoader;
import io.hipaaaudit.rules.RulePack;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A findings document with every status, several areas, a PostgreSQL locator, a rule the bundled pack does not
 * know, NOT_ASSESSED findings with collection and evaluation errors, a waiver, and hostile strings of the kind a
 * cloud tag can carry: formula prefixes, control characters, an unpaired surrogate, markup and line breaks.
 */
final class ReportFixtures {
    static final String ACCOUNT = "111122223333";
    static final String HOSTILE = "=HYPERLINK(\"http://evil.example\",\"click\")\u0000\u001b[31m\u0007 <b>&amp;</b> ]]> \"q\" 'a'\n"
            + "line two\ttab\r\nend \uD800 \uFFFE é 漢 \uD83D\uDE00";
    static final Waiver WAIVER = new Waiver("W-2026-007", "Restore tested weekly from the cross-region copy; "
            + "retention raised in the Q1 change window", "ciso@example.com", LocalDate.parse("2027-03-31"));

    private ReportFixtures() {}

    private static RulePack pack;

    /** The bundled rule pack, loaded once (compiling every rule's CEL takes a while). */
    static synchronized RulePack pack() {
        if (pack == null) {
            pack = RuleLoader.load(List.of());
        }
        return pack;
    }

    static FindingsDocument mixed() {
        List<Finding> findings = new ArrayList<>(List.of(
                finding("kms-key-rotation-enabled", Severity.MEDIUM, Status.FAIL, "kms", List.of("164.312(a)(2)(iv)"),
                        aws("aws.kms.key", "key-1", "us-east-1", "key/key-1", "kms"),
                        "rotation is off for key-1 tagged Owner=" + HOSTILE, Map.of("rotationEnabled", false,
                                "tags", Map.of("Owner", HOSTILE)), Optional.empty()),
                finding("kms-key-rotation-enabled", Severity.MEDIUM, Status.FAIL, "kms", List.of("164.312(a)(2)(iv)"),
                        aws("aws.kms.key", "key-1", "eu-west-1", "key/key-1", "kms"),
                        "+1 rotation is off for key-1 in eu-west-1", Map.of("rotationEnabled", false), Optional.empty()),
                finding("kms-key-rotation-enabled", Severity.MEDIUM, Status.PASS, "kms", List.of("164.312(a)(2)(iv)"),
                        aws("aws.kms.key", "key-2", "us-east-1", "key/key-2", "kms"),
                        "automatic rotation is on for key key-2", Map.of("rotationEnabled", true), Optional.empty()),
                finding("kms-key-enabled", Severity.CRITICAL, Status.NOT_APPLICABLE, "kms",
                        List.of("164.312(a)(2)(iv)", "164.308(a)(7)(ii)(A)"),
                        new ResourceRef("aws.kms.key", "*", "", "", ""), "no aws.kms.key in the scanned scope", Map.of(),
                        Optional.empty()),
                finding("vpc-flow-logs-for-database-vpcs", Severity.HIGH, Status.NOT_ASSESSED, "audit-logging",
                        List.of("164.312(b)"), new ResourceRef("aws.ec2.vpc", "*", "", ACCOUNT, "eu-west-1"),
                        "could not list aws.ec2.vpc here: ec2:DescribeVpcs failed (UnauthorizedOperation)",
                        Map.of("collectionErrors", List.of(collectionError())), Optional.empty()),
                finding("vpc-flow-logs-for-database-vpcs", Severity.HIGH, Status.NOT_ASSESSED, "audit-logging",
                        List.of("164.312(b)"), aws("aws.ec2.vpc", "vpc-0abc", "us-east-1", "vpc/vpc-0abc", "ec2"),
                        "not assessed: key 'flowLogs' is not present in map",
                        Map.of("evaluationError", "key 'flowLogs' is not present in map"), Optional.empty()),
                finding("vpc-flow-logs-for-database-vpcs", Severity.HIGH, Status.PASS, "audit-logging",
                        List.of("164.312(b)"), aws("aws.ec2.vpc", "vpc-0def", "us-east-1", "vpc/vpc-0def", "ec2"),
                        "flow logs capture all traffic of vpc-0def", Map.of(), Optional.empty()),
                finding("rds-instance-backup-retention", Severity.HIGH, Status.WAIVED, "backup",
                        List.of("164.308(a)(7)(ii)(A)"), aws("aws.rds.db_instance", "healthapp-prod", "us-east-1",
                                "db:healthapp-prod", "rds"),
                        "-healthapp-prod keeps automated backups for 3 day(s); the prod minimum is 7",
                        Map.of("backupRetentionPeriod", 3, "params", Map.of("minRetentionDays", 7)), Optional.of(WAIVER)),
                finding("rds-instance-backup-retention", Severity.HIGH, Status.FAIL, "backup",
                        List.of("164.308(a)(7)(ii)(A)"), aws("aws.rds.db_instance", "healthapp-dev", "us-east-1",
                                "db:healthapp-dev", "rds"),
                        "@healthapp-dev keeps automated backups for 0 day(s)", Map.of("backupRetentionPeriod", 0),
                        Optional.empty()),
                finding("pg-app-role-not-superuser", Severity.CRITICAL, Status.FAIL, "db-privileges",
                        List.of("164.312(a)(1)", "164.308(a)(4)(ii)(B)"),
                        new ResourceRef("pg.role", "healthapp-prod/app", "postgresql://healthapp.example:5432/app/app",
                                ACCOUNT, "us-east-1"),
                        "\tapplication role app is a superuser", Map.of("rolsuper", true), Optional.empty()),
                finding("acme-custom-check", Severity.LOW, Status.FAIL, "custom", List.of("164.312(d)"),
                        aws("aws.rds.db_instance", "healthapp-prod", "us-east-1", "db:healthapp-prod", "rds"),
                        "\rcustom check failed", Map.of(), Optional.empty()),
                finding("acme-custom-check", Severity.LOW, Status.PASS, "custom", List.of("164.312(d)"),
                        aws("aws.rds.db_instance", "healthapp-dev", "us-east-1", "db:healthapp-dev", "rds"),
                        "custom check passed", Map.of(), Optional.empty())));
        findings.sort(Finding.ORDER);
        Map<String, Long> counts = new TreeMap<>();
        Arrays.stream(Status.values()).forEach(s -> counts.put(s.name(), 0L));
        findings.forEach(f -> counts.merge(f.status().name(), 1L, Long::sum));
        ScanInfo info = new ScanInfo("scan-0001", Optional.of("2026-11-24T06:00:00Z"),
                Optional.of("2026-11-24T06:00:41Z"), "hipaa-audit", "0.1.0-test", "prod", List.of(ACCOUNT),
                List.of("eu-west-1", "us-east-1"), List.of("healthapp-prod"), "a".repeat(64), "b".repeat(64), Map.of(),
                counts);
        return new FindingsDocument(info, findings);
    }

    static Finding finding(String rule, Severity severity, Status status, String area, List<String> hipaa,
                           ResourceRef ref, String message, Map<String, Object> evidence, Optional<Waiver> waiver) {
        return new Finding(rule, "Title of " + rule, severity, status, area, hipaa, ref, message, evidence,
                "Fix " + rule + " with `aws ... --id <id>` & check \"it\"", waiver);
    }

    static ResourceRef aws(String type, String id, String region, String arnSuffix, String service) {
        return new ResourceRef(type, id, "arn:aws:" + service + ":" + region + ":" + ACCOUNT + ":" + arnSuffix, ACCOUNT,
                region);
    }

    private static Map<String, Object> collectionError() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("operation", "ec2:DescribeVpcs");
        m.put("code", "UnauthorizedOperation");
        m.put("message", "You are not authorized to perform this operation.");
        m.put("account", ACCOUNT);
        m.put("region", "eu-west-1");
        m.put("resourceTypes", List.of("aws.ec2.vpc"));
        return m;
    }

    /** What an XML 1.0 parser reads back: characters XML forbids became U+FFFD. */
    static String xmlLegal(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().forEach(cp -> {
            boolean legal = cp == 0x9 || cp == 0xA || cp == 0xD || cp >= 0x20 && cp <= 0xD7FF
                    || cp >= 0xE000 && cp <= 0xFFFD || cp >= 0x10000 && cp <= 0x10FFFF;
            b.appendCodePoint(legal ? cp : 0xFFFD);
        });
        return b.toString();
    }
}
