package io.hipaaaudit.scan.drift;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.hipaaaudit.findings.ScanInfo;
import java.util.List;

/** The two scans a drift report compares, as their findings documents name them. */
public final class Sides {
    private Sides() {}

    /** One side: its scan id, accounts (stack names for the template), regions and the inventory's hash. */
    @JsonPropertyOrder({"scanId", "accounts", "regions", "inventorySha256"})
    public record Side(String scanId, List<String> accounts, List<String> regions, String inventorySha256) {
        static Side of(ScanInfo scan) {
            return new Side(scan.id(), scan.accounts(), scan.regions(), scan.inventorySha256());
        }
    }
}
