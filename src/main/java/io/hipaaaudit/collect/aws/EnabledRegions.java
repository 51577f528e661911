package io.hipaaaudit.collect.aws;

import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The regions enabled for the account (DescribeRegions without AllRegions lists exactly those, so a disabled
 * opt-in region is never called). If the list cannot be read the scan covers the base region only and records an
 * error that leaves every AWS type unknown everywhere: regions it could not see must not look clean.
 */
final class EnabledRegions {
    private EnabledRegions() {}

    static List<String> of(AwsClients clients, RegionScope base) {
        try {
            return clients.ec2(base.region()).describeRegions(r -> r.allRegions(false)).regions().stream()
                    .map(r -> r.regionName()).sorted().toList();
        } catch (SdkException e) {
            base.sink().error(AwsCollector.regionsUnknown(base.account(), e));
            return List.of(base.region());
        }
    }
}
