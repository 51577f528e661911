package io.hipaaaudit.scan.drift;

import io.hipaaaudit.inventory.Inventory;
import io.hipaaaudit.inventory.ResourceTypes;
import io.hipaaaudit.inventory.aws.AwsResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** An AWS record of an inventory with its inventory type: what drift pairs across the plan and the account. */
record Resource(String type, AwsResource record) {
    static final String STACK_TAG = "aws:cloudformation:stack-name";
    static final String LOGICAL_ID_TAG = "aws:cloudformation:logical-id";

    /** The key findings name this resource by: type, account, region and id. */
    String key() {
        return key(type, record.account(), record.region(), record.id());
    }

    static String key(String type, String account, String region, String id) {
        return type + "|" + account + "|" + region + "|" + id;
    }

    /** The stack and logical id CloudFormation tagged it with, when it carries both tags. */
    Optional<String[]> cloudformationTags() {
        String stack = record.tags().get(STACK_TAG);
        String logicalId = record.tags().get(LOGICAL_ID_TAG);
        return stack == null || logicalId == null ? Optional.empty() : Optional.of(new String[] {stack, logicalId});
    }

    /** Every AWS resource record of {@code inventory} (accounts and PostgreSQL objects are not CloudFormation's). */
    static List<Resource> of(Inventory inventory) {
        List<Resource> out = new ArrayList<>();
        add(out, ResourceTypes.VPC, inventory.vpcs());
        add(out, ResourceTypes.SUBNET, inventory.subnets());
        add(out, ResourceTypes.ROUTE_TABLE, inventory.routeTables());
        add(out, ResourceTypes.INTERNET_GATEWAY, inventory.internetGateways());
        add(out, ResourceTypes.NAT_GATEWAY, inventory.natGateways());
        add(out, ResourceTypes.NETWORK_ACL, inventory.networkAcls());
        add(out, ResourceTypes.SECURITY_GROUP, inventory.securityGroups());
        add(out, ResourceTypes.MANAGED_PREFIX_LIST, inventory.managedPrefixLists());
        add(out, ResourceTypes.FLOW_LOG, inventory.flowLogs());
        add(out, ResourceTypes.NETWORK_INTERFACE, inventory.networkInterfaces());
        add(out, ResourceTypes.VPC_ENDPOINT, inventory.vpcEndpoints());
        add(out, ResourceTypes.DB_INSTANCE, inventory.dbInstances());
        add(out, ResourceTypes.DB_CLUSTER, inventory.dbClusters());
        add(out, ResourceTypes.DB_SNAPSHOT, inventory.dbSnapshots());
        add(out, ResourceTypes.DB_PARAMETER_GROUP, inventory.dbParameterGroups());
        add(out, ResourceTypes.DB_SUBNET_GROUP, inventory.dbSubnetGroups());
        add(out, ResourceTypes.KMS_KEY, inventory.kmsKeys());
        add(out, ResourceTypes.TRAIL, inventory.trails());
        add(out, ResourceTypes.LOG_GROUP, inventory.logGroups());
        add(out, ResourceTypes.SECRET, inventory.secrets());
        add(out, ResourceTypes.LAMBDA_FUNCTION, inventory.lambdaFunctions());
        add(out, ResourceTypes.BUCKET, inventory.buckets());
        return out;
    }

    private static void add(List<Resource> out, String type, List<? extends AwsResource> records) {
        records.forEach(r -> out.add(new Resource(type, r)));
    }
}
