package io.hipaaaudit.scan;

import io.hipaaaudit.engine.UndefinedEnvironments;
import io.hipaaaudit.findings.Finding;
import io.hipaaaudit.findings.FindingsDocument;
import io.hipaaaudit.findings.Status;
import io.hipaaaudit.gate.GateVerdict;
import io.hipaaaudit.inventory.Inventory;
import io.hipaaaudit.waivers.WaiverOutcome;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a scan produced.
 *
 * @param findings      findings.json as written: every finding, waivers applied
 * @param waivers       which waivers applied, expired or matched nothing
 * @param verdict       the gate's decision, with the new, known and fixed failures against the baseline
 * @param inventory     the inventory evaluated (with the change histories looked up)
 * @param apiCalls      AWS HTTP requests per action, retries included (empty for a saved inventory)
 * @param written       the report files written
 * @param historyScanId the scan's id in the history database, when it was recorded
 * @param stoppedAtDeadline collection reached the request's maximum duration; what it had not collected is
 *                      NOT_ASSESSED
 * @param undefinedEnvironments environments that resources named but the rules do not define, which left
 *                      findings NOT_ASSESSED
 * @param securityHub   what the Security Hub import did, when it was asked for
 */
public record ScanResult(FindingsDocument findings, WaiverOutcome waivers, GateVerdict verdict, Inventory inventory,
                         Map<String, Long> apiCalls, List<Path> written, Optional<Long> historyScanId,
                         boolean stoppedAtDeadline, List<UndefinedEnvironments.Undefined> undefinedEnvironments,
                         Optional<SecurityHubOutcome> securityHub) {
    public ScanResult {
        securityHub = securityHub == null ? Optional.empty() : securityHub;
        apiCalls = Map.copyOf(apiCalls);
        written = List.copyOf(written);
        undefinedEnvironments = List.copyOf(undefinedEnvironments);
    }

    /** The failing findings, in findings.json order. */
    public List<Finding> failing() {
        return findings.findings().stream().filter(f -> f.status() == Status.FAIL).toList();
    }
}
