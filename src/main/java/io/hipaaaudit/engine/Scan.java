package io.hipaaaudit.engine;

import io.hipaaaudit.findings.Finding;
import io.hipaaaudit.findings.FindingsDocument;
import io.hipaaaudit.findings.ScanInfo;
import io.hipaaaudit.findings.Status;
import io.hipaaaudit.inventory.Inventory;
import io.hipaaaudit.inventory.InventoryJson;
import io.hipaaaudit.inventory.aws.Account;
import io.hipaaaudit.inventory.pg.PgDatabase;
import io.hipaaaudit.policy.DbPolicy;
import io.hipaaaudit.rules.RulePack;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Evaluates a rule pack on an inventory and assembles findings.json. Everything in the result is derived from
 * the inputs (the scan id too), so the same inventory, rule pack and environment give byte-identical output.
 */
public final class Scan {
    private Scan() {}

    public static FindingsDocument run(Inventory inventory, RulePack pack, Environments environments,
                                       Map<String, Long> apiCalls) {
        return run(inventory, pack, environments, Optional.empty(), apiCalls);
    }

    public static FindingsDocument run(Inventory inventory, RulePack pack, Environments environments,
                                       Optional<DbPolicy> dbPolicy, Map<String, Long> apiCalls) {
        List<Finding> findings = new Evaluator(inventory, environments.definedBy(pack), dbPolicy).evaluate(pack);
        String inventorySha = InventoryJson.sha256(inventory);
        String id = UUID.nameUUIDFromBytes((inventorySha + "|" + pack.sha256() + "|" + environments.scanEnvironment()
                + "|" + environments.tagKey()).getBytes(StandardCharsets.UTF_8)).toString();
        TreeSet<String> accounts = new TreeSet<>();
        TreeSet<String> regions = new TreeSet<>();
        inventory.accounts().stream().map(Account::id).forEach(accounts::add);
        inventory.accounts().forEach(a -> regions.addAll(a.regions()));
        findings.stream().map(f -> f.resource().account()).filter(s -> !s.isEmpty()).forEach(accounts::add);
        findings.stream().filter(f -> f.resource().type().startsWith("aws.")).map(f -> f.resource().region())
                .filter(s -> !s.isEmpty()).forEach(regions::add);
        ScanInfo info = new ScanInfo(id,
                inventory.startedAt().map(Object::toString), inventory.finishedAt().map(Object::toString),
                "hipaa-audit", Version.get(), environments.scanEnvironment(), List.copyOf(accounts),
                List.copyOf(regions), inventory.databases().stream().map(PgDatabase::id).sorted().toList(),
                inventorySha, pack.sha256(), apiCalls, counts(findings));
        return new FindingsDocument(info, findings);
    }

    /** Findings per status, every status present (zero when none). */
    public static Map<String, Long> counts(List<Finding> findings) {
        Map<String, Long> counts = new TreeMap<>();
        Stream.of(Status.values()).forEach(s -> counts.put(s.name(), 0L));
        findings.forEach(f -> counts.merge(f.status().name(), 1L, Long::sum));
        return counts;
    }

    /** The tool version, from the build. */
    public static final class Version {
        private static final String VERSION = load();

        private Version() {}

        public static String get() {
            return VERSION;
        }

        private static String load() {
            try (var in = Scan.class.getResourceAsStream("/io/hipaaaudit/version.properties")) {
                java.util.Properties p = new java.util.Properties();
                if (in != null) {
                    p.load(in);
                }
                return Optional.ofNullable(p.getProperty("version")).orElse("dev");
            } catch (java.io.IOException e) {
                return "dev";
            }
        }
    }
}
