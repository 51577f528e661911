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
import java.util.TreeSet;
import java.util.UUID;

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
        Environments defined = environments.definedBy(pack);
        return document(inventory, new Evaluator(inventory, defined, dbPolicy).evaluate(pack), pack, defined, apiCalls);
    }

    /** findings.json for findings of {@code pack} evaluated on {@code inventory}. */
    public static FindingsDocument document(Inventory inventory, List<Finding> findings, RulePack pack,
                                            Environments environments, Map<String, Long> apiCalls) {
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
                inventorySha, pack.sha256(), apiCalls, Status.counts(findings));
        return new FindingsDocument(info, findings);
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
