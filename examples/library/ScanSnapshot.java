import io.hipaaaudit.engine.Environments;
import io.hipaaaudit.findings.Finding;
import io.hipaaaudit.findings.Severity;
import io.hipaaaudit.gate.GateVerdict;
import io.hipaaaudit.rules.RuleLoader;
import io.hipaaaudit.rules.RulePack;
import io.hipaaaudit.scan.GatePolicy;
import io.hipaaaudit.scan.ScanRequest;
import io.hipaaaudit.scan.ScanResult;
import io.hipaaaudit.scan.Scanner;
import io.hipaaaudit.scan.Source;
import io.hipaaaudit.text.Printable;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Scans a saved inventory through the library's entry point and prints its failing findings.
 *
 * <pre>
 * java -cp target/hipaa-audit.jar examples/library/ScanSnapshot.java examples/healthapp-snapshot.json prod
 * </pre>
 *
 * Exits 1 when a finding of high severity or worse fails, as the command line's gate does.
 */
public final class ScanSnapshot {
    public static void main(String[] args) {
        if (args.length < 1) {
            System.err.println("usage: ScanSnapshot INVENTORY.json [ENVIRONMENT]");
            System.exit(2);
        }
        RulePack pack = RuleLoader.load(List.of());
        ScanRequest request = ScanRequest.builder(new Source.Snapshot(Path.of(args[0])), pack)
                .environments(Environments.of(args.length > 1 ? args[1] : null, "ScanSnapshot",
                        Environments.DEFAULT_TAG, Map.of()))
                .gate(new GatePolicy(Severity.HIGH, true, Optional.empty()))
                .build();
        ScanResult result = Scanner.run(request);
        for (Finding f : result.failing()) {
            // resource ids come from the cloud: printed only without control or invisible characters
            System.out.printf("%-8s %-44s %s%n", f.severity().label(), f.ruleId(), Printable.line(f.resource().id()));
        }
        System.out.printf("%d failing of %d findings; gate %s%n", result.failing().size(),
                result.findings().findings().size(), result.verdict().outcome());
        System.exit(result.verdict().outcome() == GateVerdict.Outcome.FAILED ? 1 : 0);
    }
}
