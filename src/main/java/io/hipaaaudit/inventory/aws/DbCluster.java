package io.hipaaaudit.inventory.aws;

import io.hipaaaudit.inventory.Nulls;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An RDS DB cluster (Aurora or Multi-AZ DB cluster); encryption, backups and logging are set here, not on members.
 * {@code networkType} is {@code IPV4} or {@code DUAL}, absent (unknown) when the answer did not say.
 * {@code manageMasterUserPassword} is whether RDS manages the master user password in Secrets Manager (the answer
 * holds a MasterUserSecret exactly then), with that secret's ARN and status.
 */
public record DbCluster(String account, String region, String id, String arn, Optional<String> resourceId,
                        Optional<String> engine, String engineVersion, Optional<String> status,
                        Optional<Endpoint> endpoint,
                        Optional<Endpoint> readerEndpoint, Optional<Boolean> multiAz,
                        Optional<Boolean> publiclyAccessible, Optional<String> networkType,
                        Optional<Boolean> storageEncrypted,
                        Optional<String> kmsKeyId, Optional<Integer> backupRetentionPeriod,
                        Optional<Instant> latestRestorableTime, Optional<Boolean> deletionProtection,
                        Optional<String> dbSubnetGroupName, Optional<List<String>> vpcSecurityGroupIds,
                        Optional<String> parameterGroupName, List<Member> members,
                        List<String> availabilityZones, List<String> enabledCloudwatchLogsExports,
                        Optional<Boolean> iamDatabaseAuthenticationEnabled,
                        Optional<Boolean> manageMasterUserPassword, Optional<String> masterUserSecretArn,
                        Optional<String> masterUserSecretStatus, Map<String, String> tags)
        implements AwsResource {
    public DbCluster {
        account = Nulls.required(account, "account");
        region = Nulls.required(region, "region");
        id = Nulls.required(id, "id");
        arn = arn == null ? Arns.of("rds", region, account, "cluster:" + id) : arn;
        resourceId = Nulls.opt(resourceId);
        engine = Nulls.opt(engine);
        engineVersion = Nulls.str(engineVersion);
        status = Nulls.opt(status);
        endpoint = Nulls.opt(endpoint);
        readerEndpoint = Nulls.opt(readerEndpoint);
        multiAz = Nulls.opt(multiAz);
        publiclyAccessible = Nulls.opt(publiclyAccessible);
        networkType = Nulls.opt(networkType);
        storageEncrypted = Nulls.opt(storageEncrypted);
        kmsKeyId = Nulls.opt(kmsKeyId);
        backupRetentionPeriod = Nulls.opt(backupRetentionPeriod);
        latestRestorableTime = Nulls.opt(latestRestorableTime);
        deletionProtection = Nulls.opt(deletionProtection);
        dbSubnetGroupName = Nulls.opt(dbSubnetGroupName);
        vpcSecurityGroupIds = Nulls.opt(vpcSecurityGroupIds).map(List::copyOf);
        parameterGroupName = Nulls.opt(parameterGroupName);
        members = Nulls.list(members);
        availabilityZones = Nulls.list(availabilityZones);
        enabledCloudwatchLogsExports = Nulls.list(enabledCloudwatchLogsExports);
        iamDatabaseAuthenticationEnabled = Nulls.opt(iamDatabaseAuthenticationEnabled);
        manageMasterUserPassword = Nulls.opt(manageMasterUserPassword);
        masterUserSecretArn = Nulls.opt(masterUserSecretArn);
        masterUserSecretStatus = Nulls.opt(masterUserSecretStatus);
        tags = Nulls.sorted(tags);
    }

    public record Member(String instanceId, boolean writer) {
        public Member {
            instanceId = Nulls.str(instanceId);
        }
    }
}
