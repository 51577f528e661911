package io.hipaaaudit.inventory;

import java.util.List;

/**
 * The inventory's resource type names. Rules iterate one type ({@code resource:} in rule.yaml), collection errors
 * name the types they leave unknown, and findings carry the type of their resource.
 */
public final class ResourceTypes {
    private ResourceTypes() {}

    public static final String ACCOUNT = "aws.account";
    public static final String VPC = "aws.ec2.vpc";
    public static final String SUBNET = "aws.ec2.subnet";
    public static final String ROUTE_TABLE = "aws.ec2.route_table";
    public static final String INTERNET_GATEWAY = "aws.ec2.internet_gateway";
    public static final String NAT_GATEWAY = "aws.ec2.nat_gateway";
    public static final String NETWORK_ACL = "aws.ec2.network_acl";
    public static final String SECURITY_GROUP = "aws.ec2.security_group";
    public static final String MANAGED_PREFIX_LIST = "aws.ec2.managed_prefix_list";
    public static final String FLOW_LOG = "aws.ec2.flow_log";
    public static final String NETWORK_INTERFACE = "aws.ec2.network_interface";
    public static final String VPC_ENDPOINT = "aws.ec2.vpc_endpoint";
    public static final String DB_INSTANCE = "aws.rds.db_instance";
    public static final String DB_CLUSTER = "aws.rds.db_cluster";
    public static final String DB_SNAPSHOT = "aws.rds.db_snapshot";
    public static final String DB_PARAMETER_GROUP = "aws.rds.db_parameter_group";
    public static final String DB_SUBNET_GROUP = "aws.rds.db_subnet_group";
    public static final String KMS_KEY = "aws.kms.key";
    public static final String TRAIL = "aws.cloudtrail.trail";
    public static final String LOG_GROUP = "aws.logs.log_group";
    public static final String SECRET = "aws.secretsmanager.secret";
    public static final String LAMBDA_FUNCTION = "aws.lambda.function";
    public static final String BUCKET = "aws.s3.bucket";

    public static final String PG_DATABASE = "pg.database";
    public static final String PG_ROLE = "pg.role";
    public static final String PG_SCHEMA = "pg.schema";
    public static final String PG_RELATION = "pg.relation";
    public static final String PG_FUNCTION = "pg.function";
    public static final String PG_DEFAULT_ACL = "pg.default_acl";

    public static final List<String> ALL = List.of(ACCOUNT, VPC, SUBNET, ROUTE_TABLE, INTERNET_GATEWAY, NAT_GATEWAY,
            NETWORK_ACL, SECURITY_GROUP, MANAGED_PREFIX_LIST, FLOW_LOG, NETWORK_INTERFACE, VPC_ENDPOINT, DB_INSTANCE,
            DB_CLUSTER,
            DB_SNAPSHOT, DB_PARAMETER_GROUP, DB_SUBNET_GROUP, KMS_KEY, TRAIL, LOG_GROUP, SECRET, LAMBDA_FUNCTION, BUCKET, PG_DATABASE, PG_ROLE, PG_SCHEMA,
            PG_RELATION, PG_FUNCTION, PG_DEFAULT_ACL);
}
