package io.hipaaaudit.findings;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.hipaaaudit.inventory.Nulls;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code scan} header of findings.json. For a snapshot the times are those of the collection the snapshot
 * records, and the id is derived from inventory, rule pack and environment, so the same input gives the same file.
 */
@JsonPropertyOrder({"id", "startedAt", "finishedAt", "tool", "version", "environment", "accounts", "regions",
        "databases", "inventorySha256", "rulePackSha256", "apiCalls", "counts"})
public record ScanInfo(String id, Optional<String> startedAt, Optional<String> finishedAt, String tool,
                       String version, String environment, List<String> accounts, List<String> regions,
                       List<String> databases, String inventorySha256, String rulePackSha256,
                       Map<String, Long> apiCalls, Map<String, Long> counts) {
    public ScanInfo {
        startedAt = Nulls.opt(startedAt);
        finishedAt = Nulls.opt(finishedAt);
        accounts = Nulls.list(accounts);
        regions = Nulls.list(regions);
        databases = Nulls.list(databases);
        apiCalls = Nulls.sorted(apiCalls);
        counts = Nulls.sorted(counts);
    }
}
