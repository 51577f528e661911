package io.hipaaaudit.evidence;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code manifest.json}: what the bundle is and how to check it. {@code files} maps every other file of the bundle
 * (relative path, forward slashes) to its SHA-256; replay refuses a bundle whose files differ from that list.
 *
 * @param collectionStartedAt when collection began (AWS and databases)
 * @param aws                 how the AWS part was collected; empty when the scan skipped AWS
 * @param databases           the database target ids of the scan, in collection order
 */
public record Manifest(int formatVersion, String tool, String toolVersion, String rulePackSha256,
                       Instant collectionStartedAt, Instant collectionFinishedAt, Optional<AwsScope> aws,
                       List<String> accounts, List<String> regions, List<String> databases,
                       Map<String, String> files) {
    public static final int FORMAT_VERSION = 1;

    public Manifest {
        aws = aws == null ? Optional.empty() : aws;
        accounts = accounts == null ? List.of() : List.copyOf(accounts);
        regions = regions == null ? List.of() : List.copyOf(regions);
        databases = databases == null ? List.of() : List.copyOf(databases);
        files = new TreeMap<>(files == null ? Map.of() : files);
    }

    /**
     * What replay needs to run the AWS collector the way it ran: the regions as asked (empty: every enabled
     * region, found through DescribeRegions), the region the account-level calls used, the endpoint override, and
     * the AWS collection's own start and end (the scan's times and the rules' "now").
     */
    public record AwsScope(List<String> regionsOption, String baseRegion, Optional<String> endpointUrl,
                           Instant startedAt, Instant finishedAt) {
        public AwsScope {
            regionsOption = regionsOption == null ? List.of() : List.copyOf(regionsOption);
            endpointUrl = endpointUrl == null ? Optional.empty() : endpointUrl;
        }
    }
}
