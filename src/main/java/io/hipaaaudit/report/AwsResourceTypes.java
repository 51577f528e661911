package io.hipaaaudit.report;

import java.util.Map;

/**
 * Our inventory types under the names AWS uses for them in Security Hub (ASFF {@code Resources[].Type}), which OCSF
 * data from Security Hub uses as well. PostgreSQL objects have no AWS type and are {@code Other}.
 */
final class AwsResourceTypes {
    static final String OTHER = "Other";

    private static final Map<String, String> ASFF = Map.ofEntries(
            Map.entry("aws.account", "AwsAccount"),
            Map.entry("aws.rds.db_instance", "AwsRdsDbInstance"),
            Map.entry("aws.rds.db_cluster", "AwsRdsDbCluster"),
            Map.entry("aws.rds.db_snapshot", "AwsRdsDbSnapshot"),
            Map.entry("aws.rds.db_cluster_snapshot", "AwsRdsDbClusterSnapshot"),
            Map.entry("aws.ec2.security_group", "AwsEc2SecurityGroup"),
            Map.entry("aws.ec2.subnet", "AwsEc2Subnet"),
            Map.entry("aws.ec2.vpc", "AwsEc2Vpc"),
            Map.entry("aws.ec2.network_acl", "AwsEc2NetworkAcl"),
            Map.entry("aws.ec2.route_table", "AwsEc2RouteTable"),
            Map.entry("aws.ec2.network_interface", "AwsEc2NetworkInterface"),
            Map.entry("aws.kms.key", "AwsKmsKey"),
            Map.entry("aws.cloudtrail.trail", "AwsCloudTrailTrail"),
            Map.entry("aws.lambda.function", "AwsLambdaFunction"),
            Map.entry("aws.s3.bucket", "AwsS3Bucket"),
            Map.entry("aws.secretsmanager.secret", "AwsSecretsManagerSecret"));

    private AwsResourceTypes() {}

    /** The ASFF resource type, or {@code Other}. */
    static String asff(String ourType) {
        return ASFF.getOrDefault(ourType, OTHER);
    }
}
