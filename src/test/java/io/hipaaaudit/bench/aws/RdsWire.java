package io.hipaaaudit.bench.aws;

import static io.hipaaaudit.bench.aws.SyntheticAccount.ACCOUNT;

import io.hipaaaudit.bench.aws.RegionModel.DbCluster;
import io.hipaaaudit.bench.aws.RegionModel.DbInstance;
import io.hipaaaudit.bench.aws.RegionModel.Snapshot;
import io.hipaaaudit.bench.aws.RegionModel.SubnetGroup;
import java.util.List;
import java.util.Map;

/** RDS items in the query protocol's XML: {@code <ActionResult>} wrapper, {@code <Marker>}, PascalCase elements. */
final class RdsWire {
    /** The parameters a compliant PostgreSQL parameter group sets, plus a few the collector never asks for. */
    static final Map<String, String> PARAMETERS = Map.ofEntries(Map.entry("rds.force_ssl", "1"),
            Map.entry("password_encryption", "scram-sha-256"), Map.entry("log_connections", "1"),
            Map.entry("log_disconnections", "1"), Map.entry("log_statement", "ddl"),
            Map.entry("shared_preload_libraries", "pg_stat_statements,pgaudit"), Map.entry("pgaudit.log", "ddl,role,write"),
            Map.entry("pgaudit.role", "rds_pgaudit"), Map.entry("work_mem", "4096"), Map.entry("max_connections", "500"),
            Map.entry("timezone", "UTC"));

    private RdsWire() {}

    static String page(String action, String listElement, List<String> items, String marker) {
        StringBuilder b = new StringBuilder(256 + items.size() * 1500);
        b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<").append(action)
                .append("Response xmlns=\"http://rds.amazonaws.com/doc/2014-10-31/\"><").append(action).append("Result>");
        if (marker != null) {
            b.append("<Marker>").append(marker).append("</Marker>");
        }
        b.append('<').append(listElement).append('>');
        items.forEach(b::append);
        b.append("</").append(listElement).append("></").append(action).append("Result><ResponseMetadata><RequestId>")
                .append(java.util.UUID.randomUUID()).append("</RequestId></ResponseMetadata></").append(action)
                .append("Response>");
        return b.toString();
    }

    static String error(String code, String message) {
        return "<ErrorResponse xmlns=\"http://rds.amazonaws.com/doc/2014-10-31/\"><Error><Type>Sender</Type><Code>" + code
                + "</Code><Message>" + message + "</Message></Error><RequestId>" + java.util.UUID.randomUUID()
                + "</RequestId></ErrorResponse>";
    }

    static String instance(String region, DbInstance i, SubnetGroup group) {
        boolean member = i.clusterId() != null;
        return "<DBInstance><DBInstanceIdentifier>" + i.id() + "</DBInstanceIdentifier><DBInstanceClass>db.r6g.large"
                + "</DBInstanceClass><Engine>" + (member ? "aurora-postgresql" : "postgres") + "</Engine><DBInstanceStatus>"
                + "available</DBInstanceStatus><MasterUsername>postgres</MasterUsername><Endpoint><Address>" + i.id()
                + ".abcdefgh1234." + region + ".rds.amazonaws.com</Address><Port>5432</Port><HostedZoneId>Z2R2ITUGPM61AM"
                + "</HostedZoneId></Endpoint><AllocatedStorage>100</AllocatedStorage><InstanceCreateTime>"
                + "2026-01-10T08:15:00.123Z</InstanceCreateTime><PreferredBackupWindow>03:00-03:30</PreferredBackupWindow>"
                + "<BackupRetentionPeriod>" + (i.drift() ? 1 : 14) + "</BackupRetentionPeriod><VpcSecurityGroups>"
                + "<VpcSecurityGroupMembership><VpcSecurityGroupId>" + i.securityGroupId() + "</VpcSecurityGroupId><Status>"
                + "active</Status></VpcSecurityGroupMembership></VpcSecurityGroups><DBParameterGroups><DBParameterGroup>"
                + "<DBParameterGroupName>" + i.parameterGroup() + "</DBParameterGroupName><ParameterApplyStatus>in-sync"
                + "</ParameterApplyStatus></DBParameterGroup></DBParameterGroups><AvailabilityZone>" + group.azs().get(0)
                + "</AvailabilityZone><DBSubnetGroup>" + subnetGroupBody(region, group) + "</DBSubnetGroup>"
                + "<LatestRestorableTime>" + recent() + "</LatestRestorableTime><MultiAZ>" + !member + "</MultiAZ>"
                + "<EngineVersion>16.4</EngineVersion><AutoMinorVersionUpgrade>true</AutoMinorVersionUpgrade>"
                + "<PubliclyAccessible>false</PubliclyAccessible><StorageType>gp3</StorageType><StorageEncrypted>true"
                + "</StorageEncrypted><KmsKeyId>" + i.kmsKeyArn() + "</KmsKeyId><DbiResourceId>db-" + i.id().hashCode()
                + "</DbiResourceId><CACertificateIdentifier>rds-ca-rsa2048-g1</CACertificateIdentifier>"
                + (member ? "<DBClusterIdentifier>" + i.clusterId() + "</DBClusterIdentifier>" : "")
                + "<DBInstanceArn>arn:aws:rds:" + region + ":" + ACCOUNT + ":db:" + i.id() + "</DBInstanceArn>"
                + "<IAMDatabaseAuthenticationEnabled>true</IAMDatabaseAuthenticationEnabled><EnabledCloudwatchLogsExports>"
                + "<member>postgresql</member><member>upgrade</member></EnabledCloudwatchLogsExports><DeletionProtection>"
                + !i.drift() + "</DeletionProtection><TagList><Tag><Key>env</Key><Value>prod</Value></Tag><Tag><Key>data"
                + "</Key><Value>phi</Value></Tag></TagList></DBInstance>";
    }

    /** Five minutes ago: a healthy instance's latest restorable time. */
    private static String recent() {
        return java.time.Instant.now().minusSeconds(300).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    }

    static String cluster(String region, DbCluster c) {
        StringBuilder members = new StringBuilder();
        for (int m = 0; m < c.members().size(); m++) {
            members.append("<DBClusterMember><DBInstanceIdentifier>").append(c.members().get(m))
                    .append("</DBInstanceIdentifier><IsClusterWriter>").append(m == 0).append("</IsClusterWriter>")
                    .append("<DBClusterParameterGroupStatus>in-sync</DBClusterParameterGroupStatus><PromotionTier>1")
                    .append("</PromotionTier></DBClusterMember>");
        }
        return "<DBCluster><DBClusterIdentifier>" + c.id() + "</DBClusterIdentifier><DBClusterArn>arn:aws:rds:" + region
                + ":" + ACCOUNT + ":cluster:" + c.id() + "</DBClusterArn><DbClusterResourceId>cluster-" + c.id().hashCode()
                + "</DbClusterResourceId><Engine>aurora-postgresql</Engine><EngineVersion>16.4</EngineVersion><Status>"
                + "available</Status><Endpoint>" + c.id() + ".cluster-abcdefgh1234." + region + ".rds.amazonaws.com"
                + "</Endpoint><ReaderEndpoint>" + c.id() + ".cluster-ro-abcdefgh1234." + region + ".rds.amazonaws.com"
                + "</ReaderEndpoint><Port>5432</Port><MultiAZ>true</MultiAZ><StorageEncrypted>true</StorageEncrypted>"
                + "<KmsKeyId>" + c.kmsKeyArn() + "</KmsKeyId><BackupRetentionPeriod>14</BackupRetentionPeriod>"
                + "<LatestRestorableTime>" + recent() + "</LatestRestorableTime><DeletionProtection>true"
                + "</DeletionProtection><DBSubnetGroup>" + c.subnetGroup() + "</DBSubnetGroup><VpcSecurityGroups>"
                + "<VpcSecurityGroupMembership><VpcSecurityGroupId>" + c.securityGroupId() + "</VpcSecurityGroupId>"
                + "<Status>active</Status></VpcSecurityGroupMembership></VpcSecurityGroups><DBClusterParameterGroup>"
                + c.parameterGroup() + "</DBClusterParameterGroup><DBClusterMembers>" + members + "</DBClusterMembers>"
                + "<AvailabilityZones><AvailabilityZone>" + region + "a</AvailabilityZone><AvailabilityZone>" + region
                + "b</AvailabilityZone></AvailabilityZones><EnabledCloudwatchLogsExports><member>postgresql</member>"
                + "</EnabledCloudwatchLogsExports><IAMDatabaseAuthenticationEnabled>true</IAMDatabaseAuthenticationEnabled>"
                + "<TagList><Tag><Key>env</Key><Value>prod</Value></Tag></TagList></DBCluster>";
    }

    static String subnetGroup(String region, SubnetGroup g) {
        return "<DBSubnetGroup>" + subnetGroupBody(region, g) + "<DBSubnetGroupArn>arn:aws:rds:" + region + ":" + ACCOUNT
                + ":subgrp:" + g.name() + "</DBSubnetGroupArn></DBSubnetGroup>";
    }

    private static String subnetGroupBody(String region, SubnetGroup g) {
        StringBuilder subnets = new StringBuilder();
        for (int s = 0; s < g.subnetIds().size(); s++) {
            subnets.append("<Subnet><SubnetIdentifier>").append(g.subnetIds().get(s))
                    .append("</SubnetIdentifier><SubnetAvailabilityZone><Name>").append(g.azs().get(s))
                    .append("</Name></SubnetAvailabilityZone><SubnetStatus>Active</SubnetStatus></Subnet>");
        }
        return "<DBSubnetGroupName>" + g.name() + "</DBSubnetGroupName><DBSubnetGroupDescription>isolated subnets"
                + "</DBSubnetGroupDescription><VpcId>" + g.vpcId() + "</VpcId><SubnetGroupStatus>Complete"
                + "</SubnetGroupStatus><Subnets>" + subnets + "</Subnets>";
    }

    static String snapshot(String region, Snapshot s) {
        return "<DBSnapshot><DBSnapshotIdentifier>" + s.id() + "</DBSnapshotIdentifier><DBInstanceIdentifier>"
                + s.sourceId() + "</DBInstanceIdentifier><SnapshotCreateTime>2026-11-24T03:00:00.000Z</SnapshotCreateTime>"
                + "<Engine>postgres</Engine><Status>available</Status><SnapshotType>" + s.type() + "</SnapshotType>"
                + "<Encrypted>true</Encrypted><KmsKeyId>" + s.kmsKeyArn() + "</KmsKeyId><DBSnapshotArn>arn:aws:rds:"
                + region + ":" + ACCOUNT + ":snapshot:" + s.id() + "</DBSnapshotArn><TagList/></DBSnapshot>";
    }

    static String clusterSnapshot(String region, Snapshot s) {
        return "<DBClusterSnapshot><DBClusterSnapshotIdentifier>" + s.id() + "</DBClusterSnapshotIdentifier>"
                + "<DBClusterIdentifier>" + s.sourceId() + "</DBClusterIdentifier><SnapshotCreateTime>"
                + "2026-11-24T03:00:00Z</SnapshotCreateTime><Engine>aurora-postgresql</Engine><Status>available</Status>"
                + "<SnapshotType>" + s.type() + "</SnapshotType><StorageEncrypted>true</StorageEncrypted><KmsKeyId>"
                + s.kmsKeyArn() + "</KmsKeyId><DBClusterSnapshotArn>arn:aws:rds:" + region + ":" + ACCOUNT
                + ":cluster-snapshot:" + s.id() + "</DBClusterSnapshotArn><TagList/></DBClusterSnapshot>";
    }

    /** Describe(DB|DBCluster)SnapshotAttributes: {@code prefix} is "DB" or "DBCluster". */
    static String snapshotAttributes(String prefix, Snapshot s) {
        String action = "Describe" + prefix + "SnapshotAttributes";
        String values = s.shared() ? "<AttributeValue>" + SyntheticAccount.OTHER_ACCOUNT + "</AttributeValue>" : "";
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<" + action + "Response xmlns=\"http://rds.amazonaws.com/doc/"
                + "2014-10-31/\"><" + action + "Result><" + prefix + "SnapshotAttributesResult><" + prefix
                + "SnapshotIdentifier>" + s.id() + "</" + prefix + "SnapshotIdentifier><" + prefix + "SnapshotAttributes><"
                + prefix + "SnapshotAttribute><AttributeName>restore</AttributeName><AttributeValues>" + values
                + "</AttributeValues></" + prefix + "SnapshotAttribute></" + prefix + "SnapshotAttributes></" + prefix
                + "SnapshotAttributesResult></" + action + "Result><ResponseMetadata><RequestId>"
                + java.util.UUID.randomUUID() + "</RequestId></ResponseMetadata></" + action + "Response>";
    }

    static String parameter(String name, String value) {
        return "<Parameter><ParameterName>" + name + "</ParameterName><ParameterValue>" + value + "</ParameterValue>"
                + "<Source>user</Source><ApplyType>dynamic</ApplyType><DataType>string</DataType><IsModifiable>true"
                + "</IsModifiable><ApplyMethod>immediate</ApplyMethod></Parameter>";
    }
}
