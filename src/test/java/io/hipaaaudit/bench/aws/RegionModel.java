package io.hipaaaudit.bench.aws;

import java.util.List;

/**
 * The generated resources of one region, in the shapes the endpoint renders. Plain records with only what the
 * wire responses carry; ids are unique per account. {@code drift} flags mark the few resources generated out of
 * compliance, so a scan has failing findings (and CloudTrail attribution lookups) without being all red.
 */
record RegionModel(String region, List<Vpc> vpcs, List<Subnet> subnets, List<RouteTable> routeTables,
                   List<NetworkAcl> networkAcls, List<Gateway> internetGateways, List<Gateway> egressOnlyGateways,
                   List<Nat> natGateways, List<FlowLog> flowLogs, List<SecurityGroup> securityGroups,
                   List<PrefixList> prefixLists, List<Eni> networkInterfaces, List<DbInstance> dbInstances,
                   List<DbCluster> dbClusters, List<Snapshot> snapshots, List<Snapshot> clusterSnapshots,
                   List<SubnetGroup> subnetGroups, List<String> instanceParameterGroups,
                   List<String> clusterParameterGroups, List<Key> keys, List<Alias> aliases, List<Trail> trails) {

    record Vpc(String id, String cidr) {}

    record Subnet(String id, String vpcId, String cidr, String az, boolean publicIpOnLaunch) {}

    /** {@code kind}: main (local only), public (igw default + S3 prefix-list route), private (NAT), isolated. */
    record RouteTable(String id, String vpcId, String vpcCidr, String kind, String gatewayId, List<String> subnetIds,
                      String s3PrefixListId) {}

    /** {@code isDefault}: allow everything; otherwise the database ACL (VPC CIDR only, deny the rest). */
    record NetworkAcl(String id, String vpcId, String vpcCidr, boolean isDefault, List<String> subnetIds) {}

    record Gateway(String id, String vpcId) {}

    record Nat(String id, String vpcId, String subnetId) {}

    record FlowLog(String id, String vpcId) {}

    /** {@code role}: default (closed), db, lambda, web, internal, admin (customer prefix list on 22). */
    record SecurityGroup(String id, String name, String vpcId, String vpcCidr, String role, String peerGroupId,
                         String prefixListId) {}

    record PrefixList(String id, String name, String owner, List<String> entries) {}

    record Eni(String id, String subnetId, String vpcId, String az, String ip, List<String> groupIds) {}

    record DbInstance(String id, String vpcId, String subnetGroup, String securityGroupId, String parameterGroup,
                      String kmsKeyArn, String clusterId, boolean drift) {}

    record DbCluster(String id, String subnetGroup, String securityGroupId, String parameterGroup, String kmsKeyArn,
                     List<String> members) {}

    /** {@code type}: automated or manual; {@code shared}: a manual snapshot restorable by another account. */
    record Snapshot(String id, String sourceId, String type, String kmsKeyArn, boolean shared) {}

    record SubnetGroup(String name, String vpcId, List<String> subnetIds, List<String> azs) {}

    /** {@code manager}: CUSTOMER or AWS; {@code spec}: SYMMETRIC_DEFAULT or RSA_2048. */
    record Key(String id, String arn, String manager, String spec, boolean rotation) {
        boolean customer() {
            return "CUSTOMER".equals(manager);
        }

        boolean rotatable() {
            return "SYMMETRIC_DEFAULT".equals(spec);
        }
    }

    /** An alias; {@code targetKeyId} is null for a predefined AWS alias whose key was never created. */
    record Alias(String name, String targetKeyId) {}

    record Trail(String name, String arn, String homeRegion, boolean multiRegion) {}
}
