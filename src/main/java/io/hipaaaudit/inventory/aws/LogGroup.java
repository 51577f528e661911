package io.hipaaaudit.inventory.aws;

import io.hipaaaudit.inventory.Nulls;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A CloudWatch Logs log group ({@code id} is its logGroupName), as DescribeLogGroups lists it. Two absences are
 * answers, as the API reference documents them: without {@code kmsKeyId} the group is encrypted with the key
 * CloudWatch Logs owns (not a customer key), without {@code retentionInDays} its events never expire. The other
 * optional fields are absent when the answer did not carry them (unknown). {@code arn} is the ARN without the
 * trailing {@code :*} DescribeLogGroups puts on its {@code arn} member (the form tagging and key policies use).
 * Tags are not collected (they would take one ListTagsForResource call per group): a group takes the environment
 * of the database whose log it holds.
 */
public record LogGroup(String account, String region, String id, String arn, Optional<String> kmsKeyId,
                       Optional<Integer> retentionInDays, Optional<Instant> creationTime,
                       Optional<String> logGroupClass, Optional<String> dataProtectionStatus,
                       Map<String, String> tags) implements AwsResource {
    public LogGroup {
        account = Nulls.required(account, "account");
        region = Nulls.required(region, "region");
        id = Nulls.required(id, "id");
        arn = arn == null || arn.isBlank() ? Arns.of("logs", region, account, "log-group:" + id)
                : arn.endsWith(":*") ? arn.substring(0, arn.length() - 2) : arn;
        kmsKeyId = Nulls.opt(kmsKeyId);
        retentionInDays = Nulls.opt(retentionInDays);
        creationTime = Nulls.opt(creationTime);
        logGroupClass = Nulls.opt(logGroupClass);
        dataProtectionStatus = Nulls.opt(dataProtectionStatus);
        tags = Nulls.sorted(tags);
    }

    /** The prefix under which RDS names the log groups it exports to: {@code /aws/rds/instance|cluster/<id>/<log>}. */
    public static final String RDS_PREFIX = "/aws/rds/";
}
