package io.hipaaaudit.template;

import io.hipaaaudit.inventory.ResourceTypes;
import io.hipaaaudit.inventory.aws.Arns;
import io.hipaaaudit.inventory.aws.LogGroup;
import java.util.List;
import java.util.Optional;

/**
 * {@code AWS::Logs::LogGroup} into {@link LogGroup}, as DescribeLogGroups lists it. The record's id is the group's
 * name, as in a live scan, because the log-group rules judge a group by its name ({@code /aws/rds/...}): the
 * declared {@code LogGroupName}, else the logical id (CloudFormation then generates a name from the stack and the
 * logical id, which is never under {@code /aws/rds/}). The absences the API documents as answers are answers here
 * too (AWS::Logs::LogGroup): no {@code RetentionInDays} keeps the events for ever (a new group has no retention
 * policy), no {@code KmsKeyId} leaves the data under the key CloudWatch Logs owns; no {@code LogGroupClass} is
 * {@code STANDARD}. An unknown {@code LogGroupName} leaves the id unknown, so the rules that read it are
 * NOT_ASSESSED.
 */
final class LogsMapping {
    private final Mapped out;

    LogsMapping(Mapped out) {
        this.out = out;
    }

    void map(List<Declared> all) {
        for (Declared d : NetworkMapping.of(all, "AWS::Logs::LogGroup")) {
            Props p = out.props(d, ResourceTypes.LOG_GROUP);
            String id = d.logicalId();
            if (p.raw("LogGroupName") instanceof Unknown u) {
                p.unknown("LogGroupName", "id", u.why());
            } else if (p.has("LogGroupName")) {
                id = Intrinsics.text(p.raw("LogGroupName"));
                out.recordId(d.logicalId(), id);
            }
            Optional<String> key = p.has("KmsKeyId") ? p.string("KmsKeyId", "kmsKeyId") : Optional.empty();
            Optional<Integer> retention = p.has("RetentionInDays")
                    ? p.integer("RetentionInDays", "retentionInDays", null) : Optional.empty();
            Optional<String> logClass = p.has("LogGroupClass") ? p.string("LogGroupClass", "logGroupClass")
                    : Optional.of("STANDARD");
            Optional<String> protection = p.has("DataProtectionPolicy") ? Optional.of("ACTIVATED") : Optional.empty();
            out.logGroups.add(new LogGroup(out.account, out.region, id,
                    Arns.of("logs", out.region, out.account, "log-group:" + id), key, retention,
                    Optional.of(out.now), logClass, protection, d.tags()));
            if (!id.equals(d.logicalId())) {
                out.moveErrors(d.logicalId(), ResourceTypes.LOG_GROUP, id, List.of());
            }
        }
    }
}
