package io.hipaaaudit.collect.aws;

import static io.hipaaaudit.inventory.ResourceTypes.LOG_GROUP;

import io.hipaaaudit.inventory.aws.LogGroup;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;

/**
 * The CloudWatch Logs log groups RDS exports database logs to, in one region: DescribeLogGroups with the prefix
 * {@code /aws/rds/}, 50 groups a page (the API's maximum). RDS names the groups it exports to
 * ({@code /aws/rds/instance/<id>/<log>}, {@code /aws/rds/cluster/<id>/<log>}) and they cannot be renamed, so the
 * prefix loses no database log, while an account with thousands of Lambda or application groups costs a few pages
 * instead of hundreds; groups outside the prefix are not in the inventory and not judged. One call lists them all,
 * so a failure leaves the type unknown in the region (a listing error), never a region without log groups.
 */
final class LogsCollector {
    static final String OPERATION = "logs:DescribeLogGroups";

    private final CloudWatchLogsClient logs;
    private final RegionScope scope;

    LogsCollector(CloudWatchLogsClient logs, RegionScope scope) {
        this.logs = logs;
        this.scope = scope;
    }

    /** Puts the region's database log groups in the inventory; returns the KMS key ARNs they are encrypted with. */
    Set<String> collect() {
        List<LogGroup> groups = scope.list(OPERATION, List.of(LOG_GROUP),
                () -> logs.describeLogGroupsPaginator(r -> r.logGroupNamePrefix(LogGroup.RDS_PREFIX).limit(50))
                        .stream()
                        .flatMap(page -> MissingField.listed(page.hasLogGroups(), page.logGroups(), "logGroups")
                                .stream())
                        .toList(),
                g -> g.logGroupName(), "logGroupName", this::group).orElse(List.of());
        scope.sink().addAll(LogGroup.class, groups);
        Set<String> keys = new TreeSet<>();
        groups.forEach(g -> g.kmsKeyId().filter(k -> k.startsWith("arn:")).ifPresent(keys::add));
        return keys;
    }

    /**
     * An absent kmsKeyId (the service-owned key) and an absent retentionInDays (never expire) are kept as absent:
     * the API reference gives both a meaning. The ARN comes from logGroupArn, else arn less its {@code :*}.
     */
    private LogGroup group(software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup g) {
        String arn = Tags.text(g.logGroupArn()).or(() -> Tags.text(g.arn())).orElse(null);
        return new LogGroup(scope.account(), scope.region(), g.logGroupName(), arn, Tags.text(g.kmsKeyId()),
                Optional.ofNullable(g.retentionInDays()),
                Optional.ofNullable(g.creationTime()).map(Instant::ofEpochMilli),
                Tags.text(g.logGroupClassAsString()), Tags.text(g.dataProtectionStatusAsString()), Map.of());
    }
}
