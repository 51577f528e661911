package io.hipaaaudit.collect.aws;

import static io.hipaaaudit.collect.aws.Tags.opt;
import static io.hipaaaudit.collect.aws.Tags.text;
import static io.hipaaaudit.inventory.ResourceTypes.DB_CLUSTER;
import static io.hipaaaudit.inventory.ResourceTypes.DB_INSTANCE;

import io.hipaaaudit.inventory.aws.DbCluster;
import io.hipaaaudit.inventory.aws.DbInstance;
import io.hipaaaudit.inventory.aws.DbSnapshot;
import io.hipaaaudit.inventory.aws.DbSubnetGroup;
import io.hipaaaudit.inventory.aws.Endpoint;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.rds.model.DBClusterSnapshot;
import software.amazon.awssdk.services.rds.model.DBSnapshot;
import software.amazon.awssdk.services.rds.model.MasterUserSecret;
import software.amazon.awssdk.services.rds.model.Tag;
import software.amazon.awssdk.services.rds.model.VpcSecurityGroupMembership;

/**
 * Maps RDS models to inventory records. RDS returns tags inline (TagList), so no extra call is needed. A list the
 * answer leaves out is unknown, not empty: the SDK gives an empty list for both, and {@code hasXxx()} tells them
 * apart; an absent security-group list is recorded against its resource as a MissingField error.
 */
final class RdsMapper {
    private final RegionScope scope;

    RdsMapper(RegionScope scope) {
        this.scope = scope;
    }

    private static Map<String, String> tags(List<Tag> tags) {
        return Tags.of(tags, Tag::key, Tag::value);
    }

    DbInstance instance(software.amazon.awssdk.services.rds.model.DBInstance i) {
        Optional<Endpoint> endpoint = Optional.ofNullable(i.endpoint()).filter(e -> e.address() != null)
                .map(e -> new Endpoint(e.address(), e.port() == null ? 0 : e.port()));
        String name = text(i.dbInstanceArn()).orElse(i.dbInstanceIdentifier());
        Optional<List<String>> groups = securityGroups(i.hasVpcSecurityGroups(), i.vpcSecurityGroups(),
                "rds:DescribeDBInstances", DB_INSTANCE, name);
        return new DbInstance(scope.account(), scope.region(), i.dbInstanceIdentifier(), i.dbInstanceArn(),
                text(i.dbiResourceId()), text(i.engine()), i.engineVersion(), i.dbInstanceClass(),
                text(i.dbInstanceStatus()), endpoint, opt(i.multiAZ()), opt(i.publiclyAccessible()),
                text(i.networkType()), opt(i.storageEncrypted()), text(i.kmsKeyId()), opt(i.backupRetentionPeriod()),
                opt(i.latestRestorableTime()), opt(i.deletionProtection()), text(i.dbClusterIdentifier()),
                Optional.ofNullable(i.dbSubnetGroup()).flatMap(g -> text(g.dbSubnetGroupName())), groups,
                parameterGroups(i, name),
                i.enabledCloudwatchLogsExports(), opt(i.iamDatabaseAuthenticationEnabled()),
                text(i.caCertificateIdentifier()),
                Optional.of(i.masterUserSecret() != null), masterSecretArn(i.masterUserSecret(), "rds:DescribeDBInstances",
                        DB_INSTANCE, name),
                Optional.ofNullable(i.masterUserSecret()).flatMap(m -> text(m.secretStatus())), tags(i.tagList()));
    }

    DbCluster cluster(software.amazon.awssdk.services.rds.model.DBCluster c) {
        int port = c.port() == null ? 0 : c.port();
        String name = text(c.dbClusterArn()).orElse(c.dbClusterIdentifier());
        Optional<List<String>> groups = securityGroups(c.hasVpcSecurityGroups(), c.vpcSecurityGroups(),
                "rds:DescribeDBClusters", DB_CLUSTER, name);
        return new DbCluster(scope.account(), scope.region(), c.dbClusterIdentifier(), c.dbClusterArn(),
                text(c.dbClusterResourceId()), text(c.engine()), c.engineVersion(), text(c.status()),
                text(c.endpoint()).map(a -> new Endpoint(a, port)),
                text(c.readerEndpoint()).map(a -> new Endpoint(a, port)), opt(c.multiAZ()),
                opt(c.publiclyAccessible()), text(c.networkType()), opt(c.storageEncrypted()), text(c.kmsKeyId()),
                opt(c.backupRetentionPeriod()), opt(c.latestRestorableTime()), opt(c.deletionProtection()),
                text(c.dbSubnetGroup()), groups, text(c.dbClusterParameterGroup()),
                members(c, name),
                c.availabilityZones(), c.enabledCloudwatchLogsExports(), opt(c.iamDatabaseAuthenticationEnabled()),
                Optional.of(c.masterUserSecret() != null), masterSecretArn(c.masterUserSecret(), "rds:DescribeDBClusters",
                        DB_CLUSTER, name),
                Optional.ofNullable(c.masterUserSecret()).flatMap(m -> text(m.secretStatus())), tags(c.tagList()));
    }

    /**
     * The ARN of the secret RDS manages the master user password in. The answer carries a MasterUserSecret exactly
     * when RDS manages the password (ManageMasterUserPassword), so its absence is "not managed"; a MasterUserSecret
     * without its SecretArn leaves the ARN unknown (recorded against the resource).
     */
    private Optional<String> masterSecretArn(MasterUserSecret secret, String operation, String type, String name) {
        if (secret == null) {
            return Optional.empty();
        }
        Optional<String> arn = text(secret.secretArn());
        if (arn.isEmpty()) {
            scope.missing(operation, type, name, List.of("masterUserSecretArn"), "MasterUserSecret.SecretArn");
        }
        return arn;
    }

    /**
     * The parameter groups in force. Every instance has at least one, so an answer without the list, or with a
     * group without its name, leaves them unknown (recorded against the instance), not "none".
     */
    private List<String> parameterGroups(software.amazon.awssdk.services.rds.model.DBInstance i, String name) {
        if (!i.hasDbParameterGroups() || i.dbParameterGroups().isEmpty()
                || i.dbParameterGroups().stream().anyMatch(g -> text(g.dbParameterGroupName()).isEmpty())) {
            scope.missing("rds:DescribeDBInstances", DB_INSTANCE, name, List.of("parameterGroupNames"),
                    i.hasDbParameterGroups() && !i.dbParameterGroups().isEmpty() ? "DBParameterGroupName"
                            : "DBParameterGroups");
            return List.of();
        }
        return i.dbParameterGroups().stream().map(g -> g.dbParameterGroupName()).toList();
    }

    /** The cluster's instances; an answer without the list (or a member without its id) leaves them unknown. */
    private List<DbCluster.Member> members(software.amazon.awssdk.services.rds.model.DBCluster c, String name) {
        if (!c.hasDbClusterMembers() || c.dbClusterMembers().stream().anyMatch(m -> text(m.dbInstanceIdentifier()).isEmpty())) {
            scope.missing("rds:DescribeDBClusters", DB_CLUSTER, name, List.of("members"),
                    c.hasDbClusterMembers() ? "DBInstanceIdentifier" : "DBClusterMembers");
            return List.of();
        }
        return c.dbClusterMembers().stream()
                .map(m -> new DbCluster.Member(m.dbInstanceIdentifier(), Boolean.TRUE.equals(m.isClusterWriter())))
                .toList();
    }

    /** The security group ids; absent (and recorded) when the answer has no list or an entry without an id. */
    private Optional<List<String>> securityGroups(boolean listed, List<VpcSecurityGroupMembership> groups,
                                                  String operation, String type, String name) {
        if (!listed || groups.stream().anyMatch(g -> text(g.vpcSecurityGroupId()).isEmpty())) {
            scope.missing(operation, type, name, List.of("vpcSecurityGroupIds"),
                    listed ? "VpcSecurityGroupId" : "VpcSecurityGroups");
            return Optional.empty();
        }
        return Optional.of(groups.stream().map(VpcSecurityGroupMembership::vpcSecurityGroupId).toList());
    }

    DbSnapshot snapshot(DBSnapshot s, Optional<List<String>> restorableBy) {
        return new DbSnapshot(scope.account(), scope.region(), s.dbSnapshotIdentifier(), s.dbSnapshotArn(),
                "instance", text(s.snapshotType()), s.dbInstanceIdentifier(), text(s.engine()), opt(s.encrypted()),
                text(s.kmsKeyId()), opt(s.snapshotCreateTime()), restorableBy, tags(s.tagList()));
    }

    DbSnapshot clusterSnapshot(DBClusterSnapshot s, Optional<List<String>> restorableBy) {
        return new DbSnapshot(scope.account(), scope.region(), s.dbClusterSnapshotIdentifier(),
                s.dbClusterSnapshotArn(), "cluster", text(s.snapshotType()), s.dbClusterIdentifier(), text(s.engine()),
                opt(s.storageEncrypted()), text(s.kmsKeyId()), opt(s.snapshotCreateTime()), restorableBy,
                tags(s.tagList()));
    }

    /** Empty (and recorded against the group) when the answer does not list the group's subnets. */
    Optional<DbSubnetGroup> subnetGroup(software.amazon.awssdk.services.rds.model.DBSubnetGroup g) {
        String name = text(g.dbSubnetGroupArn()).orElse(g.dbSubnetGroupName());
        if (!g.hasSubnets() || text(g.vpcId()).isEmpty()) {
            scope.missing("rds:DescribeDBSubnetGroups", io.hipaaaudit.inventory.ResourceTypes.DB_SUBNET_GROUP, name,
                    List.of(), g.hasSubnets() ? "VpcId" : "Subnets");
            return Optional.empty();
        }
        return Optional.of(new DbSubnetGroup(scope.account(), scope.region(), g.dbSubnetGroupName(),
                g.dbSubnetGroupArn(), g.vpcId(), g.subnets().stream().map(s -> s.subnetIdentifier()).toList(),
                Map.of()));
    }
}
