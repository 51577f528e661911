package io.hipaaaudit.collect.aws;

import static io.hipaaaudit.collect.aws.Tags.opt;
import static io.hipaaaudit.collect.aws.Tags.text;

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
import software.amazon.awssdk.services.rds.model.Tag;

/** Maps RDS models to inventory records. RDS returns tags inline (TagList), so no extra call is needed. */
final class RdsMapper {
    private final String account;
    private final String region;

    RdsMapper(String account, String region) {
        this.account = account;
        this.region = region;
    }

    private static Map<String, String> tags(List<Tag> tags) {
        return Tags.of(tags, Tag::key, Tag::value);
    }

    DbInstance instance(software.amazon.awssdk.services.rds.model.DBInstance i) {
        Optional<Endpoint> endpoint = Optional.ofNullable(i.endpoint()).filter(e -> e.address() != null)
                .map(e -> new Endpoint(e.address(), e.port() == null ? 0 : e.port()));
        return new DbInstance(account, region, i.dbInstanceIdentifier(), i.dbInstanceArn(), text(i.dbiResourceId()),
                i.engine(), i.engineVersion(), i.dbInstanceClass(), i.dbInstanceStatus(), endpoint, opt(i.multiAZ()),
                opt(i.publiclyAccessible()), opt(i.storageEncrypted()), text(i.kmsKeyId()),
                opt(i.backupRetentionPeriod()), opt(i.latestRestorableTime()), opt(i.deletionProtection()),
                text(i.dbClusterIdentifier()),
                Optional.ofNullable(i.dbSubnetGroup()).flatMap(g -> text(g.dbSubnetGroupName())),
                i.vpcSecurityGroups().stream().map(g -> g.vpcSecurityGroupId()).toList(),
                i.dbParameterGroups().stream().map(g -> g.dbParameterGroupName()).toList(),
                i.enabledCloudwatchLogsExports(), opt(i.iamDatabaseAuthenticationEnabled()),
                text(i.caCertificateIdentifier()), tags(i.tagList()));
    }

    DbCluster cluster(software.amazon.awssdk.services.rds.model.DBCluster c) {
        int port = c.port() == null ? 0 : c.port();
        return new DbCluster(account, region, c.dbClusterIdentifier(), c.dbClusterArn(), text(c.dbClusterResourceId()),
                c.engine(), c.engineVersion(), c.status(), text(c.endpoint()).map(a -> new Endpoint(a, port)),
                text(c.readerEndpoint()).map(a -> new Endpoint(a, port)), opt(c.multiAZ()),
                opt(c.publiclyAccessible()), opt(c.storageEncrypted()), text(c.kmsKeyId()),
                opt(c.backupRetentionPeriod()), opt(c.latestRestorableTime()), opt(c.deletionProtection()),
                text(c.dbSubnetGroup()), c.vpcSecurityGroups().stream().map(g -> g.vpcSecurityGroupId()).toList(),
                text(c.dbClusterParameterGroup()),
                c.dbClusterMembers().stream()
                        .map(m -> new DbCluster.Member(m.dbInstanceIdentifier(), Boolean.TRUE.equals(m.isClusterWriter())))
                        .toList(),
                c.availabilityZones(), c.enabledCloudwatchLogsExports(), opt(c.iamDatabaseAuthenticationEnabled()),
                tags(c.tagList()));
    }

    DbSnapshot snapshot(DBSnapshot s, Optional<List<String>> restorableBy) {
        return new DbSnapshot(account, region, s.dbSnapshotIdentifier(), s.dbSnapshotArn(), "instance",
                s.snapshotType(), s.dbInstanceIdentifier(), s.engine(), opt(s.encrypted()), text(s.kmsKeyId()),
                opt(s.snapshotCreateTime()), restorableBy, tags(s.tagList()));
    }

    DbSnapshot clusterSnapshot(DBClusterSnapshot s, Optional<List<String>> restorableBy) {
        return new DbSnapshot(account, region, s.dbClusterSnapshotIdentifier(), s.dbClusterSnapshotArn(), "cluster",
                s.snapshotType(), s.dbClusterIdentifier(), s.engine(), opt(s.storageEncrypted()), text(s.kmsKeyId()),
                opt(s.snapshotCreateTime()), restorableBy, tags(s.tagList()));
    }

    DbSubnetGroup subnetGroup(software.amazon.awssdk.services.rds.model.DBSubnetGroup g) {
        return new DbSubnetGroup(account, region, g.dbSubnetGroupName(), g.dbSubnetGroupArn(), g.vpcId(),
                g.subnets().stream().map(s -> s.subnetIdentifier()).toList(), Map.of());
    }
}
