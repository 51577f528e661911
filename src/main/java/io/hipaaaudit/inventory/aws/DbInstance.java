package io.hipaaaudit.inventory.aws;

import io.hipaaaudit.inventory.Nulls;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An RDS DB instance. Facts the API may omit are Optional: an absent fact is unknown, and a rule that needs it
 * reports NOT_ASSESSED rather than guessing. {@code vpcSecurityGroupIds} is absent when the answer did not list
 * the instance's security groups (an instance in a VPC always has at least one).
 * {@code manageMasterUserPassword} is whether RDS manages the master user password in Secrets Manager (the answer
 * holds a MasterUserSecret exactly then); {@code masterUserSecretArn} and {@code masterUserSecretStatus} describe
 * that secret.
 */
public record DbInstance(String account, String region, String id, String arn, Optional<String> resourceId,
                         Optional<String> engine, String engineVersion, String instanceClass, Optional<String> status,
                         Optional<Endpoint> endpoint, Optional<Boolean> multiAz, Optional<Boolean> publiclyAccessible,
                         Optional<String> networkType, Optional<Boolean> storageEncrypted, Optional<String> kmsKeyId,
                         Optional<Integer> backupRetentionPeriod, Optional<Instant> latestRestorableTime,
                         Optional<Boolean> deletionProtection, Optional<String> dbClusterIdentifier,
                         Optional<String> dbSubnetGroupName, Optional<List<String>> vpcSecurityGroupIds,
                         List<String> parameterGroupNames, List<String> enabledCloudwatchLogsExports,
                         Optional<Boolean> iamDatabaseAuthenticationEnabled, Optional<String> caCertificateIdentifier,
                         Optional<Boolean> manageMasterUserPassword, Optional<String> masterUserSecretArn,
                         Optional<String> masterUserSecretStatus, Map<String, String> tags) implements AwsResource {
    public DbInstance {
        account = Nulls.required(account, "account");
        region = Nulls.required(region, "region");
        id = Nulls.required(id, "id");
        arn = arn == null ? Arns.of("rds", region, account, "db:" + id) : arn;
        resourceId = Nulls.opt(resourceId);
        engine = Nulls.opt(engine);
        engineVersion = Nulls.str(engineVersion);
        instanceClass = Nulls.str(instanceClass);
        status = Nulls.opt(status);
        endpoint = Nulls.opt(endpoint);
        multiAz = Nulls.opt(multiAz);
        publiclyAccessible = Nulls.opt(publiclyAccessible);
        networkType = Nulls.opt(networkType);
        storageEncrypted = Nulls.opt(storageEncrypted);
        kmsKeyId = Nulls.opt(kmsKeyId);
        backupRetentionPeriod = Nulls.opt(backupRetentionPeriod);
        latestRestorableTime = Nulls.opt(latestRestorableTime);
        deletionProtection = Nulls.opt(deletionProtection);
        dbClusterIdentifier = Nulls.opt(dbClusterIdentifier);
        dbSubnetGroupName = Nulls.opt(dbSubnetGroupName);
        vpcSecurityGroupIds = Nulls.opt(vpcSecurityGroupIds).map(List::copyOf);
        parameterGroupNames = Nulls.list(parameterGroupNames);
        enabledCloudwatchLogsExports = Nulls.list(enabledCloudwatchLogsExports);
        iamDatabaseAuthenticationEnabled = Nulls.opt(iamDatabaseAuthenticationEnabled);
        caCertificateIdentifier = Nulls.opt(caCertificateIdentifier);
        manageMasterUserPassword = Nulls.opt(manageMasterUserPassword);
        masterUserSecretArn = Nulls.opt(masterUserSecretArn);
        masterUserSecretStatus = Nulls.opt(masterUserSecretStatus);
        tags = Nulls.sorted(tags);
    }
}
