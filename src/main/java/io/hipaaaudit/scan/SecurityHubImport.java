package io.hipaaaudit.scan;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hipaaaudit.collect.aws.AwsSession;
import io.hipaaaudit.collect.aws.SecurityHubFindings;
import io.hipaaaudit.inventory.CollectionError;
import io.hipaaaudit.inventory.Inventory;
import io.hipaaaudit.json.InputException;
import io.hipaaaudit.report.AsffDocuments;
import io.hipaaaudit.report.ReportInput;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Sends a scan's ASFF findings (the documents {@code --format asff} writes) to the scanned account's Security Hub
 * in one region, then archives what this tool had ACTIVE there and the scan no longer produces. Findings of other
 * regions name the receiving region in ProductArn and Region, as BatchImportFindings requires of the region it is
 * called in; their Resources[].Region stays the resource's. Nothing is archived in a region whose listings failed
 * (a resource that could not be listed is not fixed), nor after the scan stopped at its deadline.
 */
public final class SecurityHubImport {
    private SecurityHubImport() {}

    static SecurityHubOutcome run(SecurityHubTarget target, AwsSession aws, ReportInput input, Inventory inventory,
                                  boolean stopped, Instant now) {
        List<String> regions = input.findings().scan().regions();
        String region = target.region().or(() -> regions.stream().findFirst())
                .orElseThrow(() -> new InputException("--security-hub: the scan covered no region; give "
                        + "--security-hub-region"));
        SecurityHubFindings hub = aws.securityHub(region).orElseThrow(() -> new InputException(
                "--security-hub imports the findings of a live scan of one account"));
        List<ObjectNode> documents = documents(input, hub.account(), region);
        List<SecurityHubFindings.Failure> failures = hub.importFindings(documents);
        if (stopped) {
            return new SecurityHubOutcome(hub.account(), region, documents.size(), failures, 0, List.of());
        }
        Set<String> current = new HashSet<>();
        documents.forEach(d -> current.add(d.path("Id").asText()));
        String productArn = AsffDocuments.productArn(hub.account(), region);
        Set<String> incomplete = incompleteRegions(inventory, hub.account());
        SecurityHubFindings.Archived archived = hub.archiveStale(productArn, current,
                r -> regions.contains(r) && !incomplete.contains(r) && !incomplete.contains("*"), now);
        return new SecurityHubOutcome(hub.account(), region, documents.size(), failures, archived.ids().size(),
                archived.failures());
    }

    /** The ASFF documents of {@code account}'s findings, as imported into its Security Hub in {@code region}. */
    public static List<ObjectNode> documents(ReportInput input, String account, String region) {
        List<ObjectNode> documents = new ArrayList<>();
        for (AsffDocuments.Group g : AsffDocuments.of(input).groups()) {
            if (g.account().equals(account)) {
                g.findings().forEach(d -> documents.add(AsffDocuments.inRegion(d, region)));
            }
        }
        return documents;
    }

    /**
     * Imports a findings document read back from findings.json (the {@code report} command) into the Security Hub
     * the options reach. It only imports: findings.json does not say which listings failed, so what the scan no
     * longer produced cannot be told from what it could not see, and nothing is archived.
     */
    public static SecurityHubOutcome importOnly(ReportInput input, io.hipaaaudit.collect.aws.AwsCollectorOptions
            options, java.util.Optional<String> hubRegion) {
        String region = hubRegion.or(() -> input.findings().scan().regions().stream().findFirst())
                .orElseThrow(() -> new InputException("--security-hub: the findings name no region; give "
                        + "--security-hub-region"));
        try (SecurityHubFindings.Opened opened = SecurityHubFindings.open(options, region)) {
            SecurityHubFindings hub = opened.hub();
            List<ObjectNode> documents = documents(input, hub.account(), region);
            return new SecurityHubOutcome(hub.account(), region, documents.size(), hub.importFindings(documents), 0,
                    List.of());
        }
    }

    /** Regions of the account with a failed AWS listing ({@code *}: one not bound to a region). */
    private static Set<String> incompleteRegions(Inventory inventory, String account) {
        Set<String> out = new HashSet<>();
        for (CollectionError e : inventory.collectionErrors()) {
            if (e.source().equals("aws") && e.resource().isEmpty()
                    && e.account().map(account::equals).orElse(true)) {
                out.add(e.region().orElse("*"));
            }
        }
        return out;
    }
}
