package io.hipaaaudit.findings;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.hipaaaudit.inventory.Nulls;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code scan} header of findings.json. For a snapshot the times are those of the collection the snapshot
 * records, and the id is derived from inventory, rule pack and environment, so the same input gives the same file.
 * {@code unusedWaivers} lists the ids of configured waivers that matched no failing finding (omitted when none).
 */
@JsonPropertyOrder({"id", "startedAt", "finishedAt", "tool", "version", "environment", "accounts", "regions",
        "databases", "inventorySha256", "rulePackSha256", "apiCalls", "counts", "unusedWaivers"})
public record ScanInfo(String id, Optional<String> startedAt, Optional<String> finishedAt, String tool,
                       String version, String environment, List<String> accounts, List<String> regions,
                       List<String> databases, String inventorySha256, String rulePackSha256,
                       Map<String, Long> apiCalls, Map<String, Long> counts,
                       @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> unusedWaivers) {
    public ScanInfo {
        id = Nulls.str(id);
        tool = Nulls.str(tool);
        version = Nulls.str(version);
        environment = Nulls.str(environment);
        inventorySha256 = Nulls.str(inventorySha256);
        rulePackSha256 = Nulls.str(rulePackSha256);
        startedAt = Nulls.opt(startedAt);
        finishedAt = Nulls.opt(finishedAt);
        accounts = Nulls.list(accounts);
        regions = Nulls.list(regions);
        databases = Nulls.list(databases);
        apiCalls = Nulls.sorted(apiCalls);
        counts = Nulls.sorted(counts);
        unusedWaivers = Nulls.list(unusedWaivers);
    }

    /** A header without waiver information, as the evaluation produces it. */
    public ScanInfo(String id, Optional<String> startedAt, Optional<String> finishedAt, String tool, String version,
                    String environment, List<String> accounts, List<String> regions, List<String> databases,
                    String inventorySha256, String rulePackSha256, Map<String, Long> apiCalls,
                    Map<String, Long> counts) {
        this(id, startedAt, finishedAt, tool, version, environment, accounts, regions, databases, inventorySha256,
                rulePackSha256, apiCalls, counts, List.of());
    }

    /** This header after waivers were applied: new counts and the waivers that matched nothing. */
    public ScanInfo withWaivers(Map<String, Long> newCounts, List<String> unused) {
        return new ScanInfo(id, startedAt, finishedAt, tool, version, environment, accounts, regions, databases,
                inventorySha256, rulePackSha256, apiCalls, newCounts, unused);
    }
}
