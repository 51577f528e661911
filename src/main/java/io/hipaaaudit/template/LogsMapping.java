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
 * NOT_ASSESSED. A database that exports a log to a group the template does not declare gets the group RDS creates
 * for it.
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
        exported(all, "AWS::RDS::DBInstance", "DBInstanceIdentifier", "instance");
        exported(all, "AWS::RDS::DBCluster", "DBClusterIdentifier", "cluster");
    }

    /**
     * The log groups RDS creates at deploy for the logs a database exports ({@code EnableCloudwatchLogsExports}),
     * unless the template declares that group: {@code /aws/rds/instance|cluster/<identifier>/<log>} (RDS keeps the
     * identifier in lower case), with no retention policy and no key of its own, as RDS creates them. Without a
     * declared identifier CloudFormation generates one, so the group's name, and whether the log-group rules apply,
     * is unknown until deploy.
     */
    private void exported(List<Declared> all, String type, String identifier, String kind) {
        for (Declared d : NetworkMapping.of(all, type)) {
            if (kind.equals("instance") && d.properties().containsKey("DBClusterIdentifier")
                    || !(d.properties().get("EnableCloudwatchLogsExports") instanceof List<?> logs)) {
                continue; // a cluster member's logs are its cluster's; an unknown list is the database's unknown
            }
            Object name = d.properties().get(identifier);
            for (Object log : logs) {
                if (log instanceof Unknown) {
                    continue;
                }
                String known = name instanceof String s ? s.toLowerCase(java.util.Locale.ROOT) : null;
                String id = LogGroup.RDS_PREFIX + kind + "/" + (known == null ? d.logicalId() : known) + "/"
                        + Intrinsics.text(log);
                if (out.logGroups.stream().anyMatch(g -> g.id().equals(id))) {
                    continue;
                }
                java.util.Map<String, String> tags = new java.util.TreeMap<>();
                d.tags().forEach((k, v) -> {
                    if (!k.startsWith("aws:")) {
                        tags.put(k, v);
                    }
                });
                out.logGroups.add(new LogGroup(out.account, out.region, id,
                        Arns.of("logs", out.region, out.account, "log-group:" + id), Optional.empty(),
                        Optional.empty(), Optional.of(out.now), Optional.of("STANDARD"), Optional.empty(), tags));
                if (known == null) {
                    out.errors.add(io.hipaaaudit.inventory.CollectionError.ofResource(Props.SOURCE, out.account,
                            out.region, "cloudformation:" + type.substring(type.lastIndexOf(':') + 1),
                            ResourceTypes.LOG_GROUP, id, List.of("id"), Props.UNRESOLVED,
                            type.substring(type.lastIndexOf(':') + 1) + " " + d.logicalId() + ".Properties." + identifier
                                    + ": " + (name instanceof Unknown u ? u.why() : "absent: CloudFormation generates"
                                    + " the identifier at deploy") + ", so the name of the log group RDS creates for its "
                                    + Intrinsics.text(log) + " log is unknown"));
                }
            }
        }
    }
}
