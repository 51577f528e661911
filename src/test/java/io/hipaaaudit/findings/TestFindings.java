package io.hipaaaudit.findings;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Hand-made findings for tests of what happens after evaluation (waivers, gate, history). */
public final class TestFindings {
    private TestFindings() {}

    public static Finding finding(String rule, Status status, String id, String account, String region) {
        String arn = "arn:aws:rds:" + region + ":" + account + ":db:" + id;
        return new Finding(rule, "t", Severity.HIGH, status, "backup", List.of("164.308(a)(7)"),
                new ResourceRef("aws.rds.db_instance", id, arn, account, region), id + " fails", Map.of("k", 1),
                "fix it", Optional.empty());
    }

    public static FindingsDocument doc(Finding... findings) {
        ScanInfo info = new ScanInfo("s", Optional.empty(), Optional.empty(), "hipaa-audit", "dev", "prod",
                List.of("111122223333"), List.of("us-east-1"), List.of(), "x", "y", Map.of(), Map.of());
        return new FindingsDocument(info, List.of(findings));
    }
}
