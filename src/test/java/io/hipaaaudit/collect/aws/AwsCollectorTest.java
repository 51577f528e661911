package io.hipaaaudit.collect.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.hipaaaudit.inventory.Inventory;
import io.hipaaaudit.inventory.aws.DbParameterGroup;
import io.hipaaaudit.inventory.aws.Endpoint;
import io.hipaaaudit.inventory.aws.NetworkAcl;
import io.hipaaaudit.inventory.aws.RouteTable;
import io.hipaaaudit.inventory.aws.SecurityGroup;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A full scan of two regions (one rich, one empty but for a shadow trail) against wire-format responses. */
class AwsCollectorTest {
    static final String CMK = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    static final String AWS_RDS_KEY = "arn:aws:kms:us-east-1:111122223333:key/0aws0rds-aaaa-bbbb-cccc-000000000001";
    static final String TRAIL = "arn:aws:cloudtrail:us-east-1:111122223333:trail/org-audit";

    static AwsWire wire;
    static AwsCollection result;
    static Inventory inv;

    @BeforeAll
    static void scan() {
        wire = new AwsWire().region("us-east-1").region("eu-west-1");
        // warm up first: a busy machine can take longer than the 2 s attempt bound over the first call of a JVM's
        // SDK clients (class loading), and a retry would be counted as a call
        new AwsCollector().collect(wire.options("us-east-1", "eu-west-1"));
        wire.server.resetRequests();
        result = new AwsCollector().collect(wire.options("us-east-1", "eu-west-1"));
        inv = result.inventory();
    }

    @AfterAll
    static void stop() {
        wire.close();
    }

    @Test
    void aCleanScanRecordsNoErrorAndTheAccount() {
        assertThat(inv.collectionErrors()).isEmpty();
        assertThat(inv.accounts()).singleElement().satisfies(a -> {
            assertThat(a.id()).isEqualTo("111122223333");
            assertThat(a.partition()).isEqualTo("aws");
            assertThat(a.regions()).containsExactly("us-east-1", "eu-west-1");
        });
        assertThat(inv.startedAt()).isPresent();
        assertThat(inv.finishedAt().get()).isAfterOrEqualTo(inv.startedAt().get());
    }

    @Test
    void callsEveryApiOncePerPageAndNothingElse() {
        Map<String, Long> expected = new java.util.TreeMap<>(Map.ofEntries(
                Map.entry("sts:GetCallerIdentity", 1L),
                Map.entry("ec2:DescribeVpcs", 2L), Map.entry("ec2:DescribeSubnets", 3L),
                Map.entry("ec2:DescribeRouteTables", 3L), Map.entry("ec2:DescribeInternetGateways", 2L),
                Map.entry("ec2:DescribeEgressOnlyInternetGateways", 2L), Map.entry("ec2:DescribeNatGateways", 2L),
                Map.entry("ec2:DescribeNetworkAcls", 2L), Map.entry("ec2:DescribeSecurityGroups", 2L),
                Map.entry("ec2:DescribeManagedPrefixLists", 2L), Map.entry("ec2:GetManagedPrefixListEntries", 2L),
                Map.entry("ec2:DescribeFlowLogs", 2L), Map.entry("ec2:DescribeNetworkInterfaces", 2L),
                Map.entry("ec2:DescribeVpcEndpoints", 2L),
                Map.entry("rds:DescribeDBInstances", 3L), Map.entry("rds:DescribeDBClusters", 2L),
                Map.entry("rds:DescribeDBSubnetGroups", 2L), Map.entry("rds:DescribeDBSnapshots", 2L),
                Map.entry("rds:DescribeDBClusterSnapshots", 2L), Map.entry("rds:DescribeDBSnapshotAttributes", 1L),
                Map.entry("rds:DescribeDBClusterSnapshotAttributes", 1L), Map.entry("rds:DescribeDBParameters", 2L),
                Map.entry("rds:DescribeDBClusterParameters", 1L),
                Map.entry("kms:ListAliases", 2L), Map.entry("kms:ListKeys", 3L), Map.entry("kms:DescribeKey", 2L),
                Map.entry("kms:GetKeyRotationStatus", 1L), Map.entry("kms:GetKeyPolicy", 1L),
                Map.entry("cloudtrail:DescribeTrails", 2L), Map.entry("cloudtrail:GetTrailStatus", 1L),
                Map.entry("cloudtrail:GetEventSelectors", 1L), Map.entry("logs:DescribeLogGroups", 3L),
                // two pages in us-east-1, one empty in eu-west-1; DescribeSecret for the entry without RotationEnabled
                Map.entry("secretsmanager:ListSecrets", 3L), Map.entry("secretsmanager:DescribeSecret", 1L),
                Map.entry("secretsmanager:GetResourcePolicy", 3L),
                // two pages in us-east-1, one empty in eu-west-1; nothing per function (no GetFunction, no ListTags)
                Map.entry("lambda:ListFunctions", 3L),

                // ListBuckets once per account (two pages); three buckets in us-east-1, one in eu-west-1, one in a
                // region not scanned; GetBucketLocation for the one without BucketRegion; GetBucketPolicyStatus only
                // where a policy is attached, GetBucketAcl only where ACLs are enabled
                Map.entry("s3:ListBuckets", 2L), Map.entry("s3:GetBucketLocation", 1L),
                Map.entry("s3control:GetPublicAccessBlock", 1L), Map.entry("s3:GetBucketEncryption", 4L),
                Map.entry("s3:GetPublicAccessBlock", 4L), Map.entry("s3:GetBucketPolicy", 4L),
                Map.entry("s3:GetBucketPolicyStatus", 1L), Map.entry("s3:GetBucketLifecycleConfiguration", 4L),
                Map.entry("s3:GetBucketOwnershipControls", 4L), Map.entry("s3:GetBucketAcl", 3L),
                Map.entry("s3:GetBucketTagging", 4L)));
        assertThat(result.apiCalls()).isEqualTo(expected);
        assertThat(result.retries()).isEmpty();
        assertThat(wire.server.getAllServeEvents()).hasSize((int) expected.values().stream().mapToLong(l -> l).sum());
    }

    @Test
    void vpcsAndSubnetsAcrossPages() {
        assertThat(inv.vpcs()).singleElement().satisfies(v -> {
            assertThat(v.id()).isEqualTo("vpc-0a1b2c3d4e5f60001");
            assertThat(v.region()).isEqualTo("us-east-1");
            assertThat(v.account()).isEqualTo("111122223333");
            assertThat(v.arn()).isEqualTo("arn:aws:ec2:us-east-1:111122223333:vpc/vpc-0a1b2c3d4e5f60001");
            assertThat(v.cidrBlocks()).containsExactly("10.0.0.0/16", "10.1.0.0/16");
            assertThat(v.ipv6CidrBlocks()).containsExactly("2600:1f18:aaaa:bb00::/56");
            assertThat(v.defaultVpc()).isFalse();
            assertThat(v.tags()).isEqualTo(Map.of("Name", "prod", "env", "prod"));
        });
        assertThat(inv.subnets()).extracting(s -> s.id())
                .containsExactly("subnet-0aaa000000000private", "subnet-0bbb00000000isolated");
        var privateSubnet = inv.subnets().get(0);
        assertThat(privateSubnet.arn()).isEqualTo("arn:aws:ec2:us-east-1:111122223333:subnet/subnet-0aaa000000000private");
        assertThat(privateSubnet.availabilityZone()).isEqualTo("us-east-1a");
        assertThat(privateSubnet.cidrBlock()).contains("10.0.1.0/24");
        assertThat(privateSubnet.ipv6CidrBlocks()).containsExactly("2600:1f18:aaaa:bb01::/64");
        assertThat(privateSubnet.mapPublicIpOnLaunch()).contains(false);
        assertThat(privateSubnet.assignIpv6AddressOnCreation()).contains(true);
        assertThat(privateSubnet.tags()).isEqualTo(Map.of("tier", "private"));
        assertThat(inv.subnets().get(1).ipv6CidrBlocks()).isEmpty();
    }

    @Test
    void routeTablesKeepEveryRouteTargetAndAssociation() {
        assertThat(inv.routeTables()).extracting(RouteTable::id)
                .containsExactly("rtb-0main000000000001", "rtb-0pub0000000000002");
        RouteTable main = inv.routeTables().get(0);
        assertThat(main.isMain()).isTrue();
        assertThat(main.vpcId()).isEqualTo("vpc-0a1b2c3d4e5f60001");
        assertThat(main.routes()).containsExactly(
                new RouteTable.Route(Optional.of("10.0.0.0/16"), Optional.empty(), Optional.empty(), "local", "local",
                        "active", Optional.of("CreateRouteTable")),
                new RouteTable.Route(Optional.of("0.0.0.0/0"), Optional.empty(), Optional.empty(), "nat-gateway",
                        "nat-0f00000000000001", "active", Optional.of("CreateRoute")),
                new RouteTable.Route(Optional.empty(), Optional.empty(), Optional.of("pl-63a5400a"), "gateway-endpoint",
                        "vpce-0s3000000000001", "active", Optional.of("CreateRoute")));
        assertThat(main.associations()).containsExactly(
                new RouteTable.Association("rtbassoc-0main00001", true, Optional.empty(), Optional.empty()),
                new RouteTable.Association("rtbassoc-0priv00001", false, Optional.of("subnet-0aaa000000000private"),
                        Optional.empty()));
        RouteTable pub = inv.routeTables().get(1);
        assertThat(pub.isMain()).isFalse();
        assertThat(pub.tags()).isEqualTo(Map.of("Name", "public"));
        assertThat(pub.routes()).extracting(RouteTable.Route::targetType, RouteTable.Route::targetId,
                        RouteTable.Route::state)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("local", "local", "active"),
                        org.assertj.core.groups.Tuple.tuple("internet-gateway", "igw-0c0000000000001", "active"),
                        org.assertj.core.groups.Tuple.tuple("egress-only-internet-gateway", "eigw-0d000000000001", "active"),
                        org.assertj.core.groups.Tuple.tuple("instance", "i-0e000000000000001", "blackhole"));
        assertThat(pub.routes().get(2).destinationIpv6CidrBlock()).contains("::/0");
        assertThat(pub.associations()).containsExactly(new RouteTable.Association("rtbassoc-0edge00001", false,
                Optional.empty(), Optional.of("igw-0c0000000000001")));
    }

    @Test
    void gatewaysAndNetworkAcls() {
        assertThat(inv.internetGateways()).extracting(g -> g.id(), g -> g.egressOnly(), g -> g.attachedVpcIds())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("eigw-0d000000000001", true, List.of("vpc-0a1b2c3d4e5f60001")),
                        org.assertj.core.groups.Tuple.tuple("igw-0c0000000000001", false, List.of("vpc-0a1b2c3d4e5f60001")));
        assertThat(inv.internetGateways().get(1).tags()).isEqualTo(Map.of("Name", "prod-igw"));
        assertThat(inv.natGateways()).singleElement().satisfies(n -> {
            assertThat(n.id()).isEqualTo("nat-0f00000000000001");
            assertThat(n.subnetId()).isEqualTo("subnet-0ccc0000000000public");
            assertThat(n.vpcId()).isEqualTo("vpc-0a1b2c3d4e5f60001");
            assertThat(n.state()).isEqualTo("available");
            assertThat(n.connectivityType()).isEqualTo("public");
            assertThat(n.tags()).isEqualTo(Map.of("Name", "nat-a"));
        });
        assertThat(inv.networkAcls()).singleElement().satisfies(acl -> {
            assertThat(acl.defaultAcl()).isTrue();
            assertThat(acl.subnetIds()).containsExactly("subnet-0aaa000000000private", "subnet-0bbb00000000isolated");
            assertThat(acl.entries()).containsExactly(
                    new NetworkAcl.Entry(90, false, "6", "deny", Optional.of("0.0.0.0/0"), Optional.empty(),
                            Optional.of(new NetworkAcl.PortRange(5432, 5432))),
                    new NetworkAcl.Entry(100, false, "-1", "allow", Optional.of("0.0.0.0/0"), Optional.empty(),
                            Optional.empty()),
                    new NetworkAcl.Entry(101, false, "-1", "allow", Optional.empty(), Optional.of("::/0"),
                            Optional.empty()),
                    new NetworkAcl.Entry(32767, true, "-1", "deny", Optional.of("0.0.0.0/0"), Optional.empty(),
                            Optional.empty()));
        });
    }

    @Test
    void securityGroupRulesAreFlattenedToOneSourceEach() {
        SecurityGroup db = inv.securityGroups().get(0);
        assertThat(db.id()).isEqualTo("sg-0db0000000000001");
        assertThat(db.name()).isEqualTo("db");
        assertThat(db.description()).isEqualTo("PostgreSQL from the Lambda tier");
        assertThat(db.ownerId()).isEqualTo("111122223333");
        assertThat(db.tags()).isEqualTo(Map.of("Name", "db"));
        Optional<Integer> p5432 = Optional.of(5432);
        assertThat(db.ingress()).containsExactly(
                new SecurityGroup.Rule(Optional.empty(), "tcp", p5432, p5432, Optional.of("10.0.0.0/16"),
                        Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("vpc")),
                new SecurityGroup.Rule(Optional.empty(), "tcp", p5432, p5432, Optional.empty(), Optional.empty(),
                        Optional.of("pl-0cust0000000001"), Optional.empty(), Optional.of("office")),
                new SecurityGroup.Rule(Optional.empty(), "tcp", p5432, p5432, Optional.empty(), Optional.empty(),
                        Optional.empty(), Optional.of(new SecurityGroup.GroupReference("sg-0la0000000000002",
                                Optional.of("111122223333"), Optional.empty(), Optional.empty())),
                        Optional.of("lambda")));
        assertThat(db.egress()).containsExactly(
                new SecurityGroup.Rule(Optional.empty(), "-1", Optional.empty(), Optional.empty(),
                        Optional.of("0.0.0.0/0"), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()),
                new SecurityGroup.Rule(Optional.empty(), "-1", Optional.empty(), Optional.empty(), Optional.empty(),
                        Optional.of("::/0"), Optional.empty(), Optional.empty(), Optional.empty()));
        SecurityGroup lambda = inv.securityGroups().get(1);
        assertThat(lambda.ingress()).isEmpty();
        assertThat(lambda.egress()).singleElement().satisfies(rule -> {
            assertThat(rule.fromPort()).contains(0);
            assertThat(rule.toPort()).contains(65535);
            assertThat(rule.referencedGroup()).contains(new SecurityGroup.GroupReference("sg-0peer00000000003",
                    Optional.of("444455556666"), Optional.of("vpc-0peer0000000001"), Optional.of("pcx-0001")));
        });
    }

    @Test
    void prefixListEntriesAreReadForOwnedAndReferencedListsOnly() {
        assertThat(inv.managedPrefixLists()).extracting(p -> p.id(), p -> p.ownerId(), p -> p.entries().size())
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("pl-0cust0000000001", "111122223333", 2),
                        org.assertj.core.groups.Tuple.tuple("pl-63a5400a", "AWS", 2),
                        org.assertj.core.groups.Tuple.tuple("pl-3b927c52", "AWS", 0));
        var office = inv.managedPrefixLists().stream().filter(p -> p.id().equals("pl-0cust0000000001")).findFirst().get();
        assertThat(office.name()).isEqualTo("office");
        assertThat(office.addressFamily()).isEqualTo("IPv4");
        assertThat(office.arn()).isEqualTo("arn:aws:ec2:us-east-1:111122223333:prefix-list/pl-0cust0000000001");
        assertThat(office.tags()).isEqualTo(Map.of("owner", "netops"));
        assertThat(office.entries()).containsExactly(
                new io.hipaaaudit.inventory.aws.ManagedPrefixList.Entry("198.51.100.0/24", "HQ"),
                new io.hipaaaudit.inventory.aws.ManagedPrefixList.Entry("0.0.0.0/0", "temporary"));
    }

    @Test
    void flowLogsAndNetworkInterfaces() {
        assertThat(inv.flowLogs()).singleElement().satisfies(f -> {
            assertThat(f.id()).isEqualTo("fl-0a0000000000001");
            assertThat(f.resourceId()).isEqualTo("vpc-0a1b2c3d4e5f60001");
            assertThat(f.trafficType()).isEqualTo("ALL");
            assertThat(f.status()).isEqualTo("ACTIVE");
            assertThat(f.deliverLogsStatus()).isEqualTo("SUCCESS");
            assertThat(f.logDestinationType()).isEqualTo("cloud-watch-logs");
        });
        assertThat(inv.networkInterfaces()).singleElement().satisfies(n -> {
            assertThat(n.id()).isEqualTo("eni-0db0000000000001");
            assertThat(n.subnetId()).isEqualTo("subnet-0bbb00000000isolated");
            assertThat(n.privateIpAddresses()).containsExactly("10.0.2.10", "10.0.2.11");
            assertThat(n.ipv6Addresses()).containsExactly("2600:1f18:aaaa:bb01::10");
            assertThat(n.publicIp()).contains("198.51.100.77");
            assertThat(n.securityGroupIds()).containsExactly("sg-0db0000000000001");
            assertThat(n.interfaceType()).isEqualTo("interface");
            assertThat(n.description()).isEqualTo("RDSNetworkInterface");
        });
    }

    @Test
    void dbInstancesAcrossPages() {
        assertThat(inv.dbInstances()).extracting(i -> i.id()).containsExactly("app-aurora-1", "app-db");
        var db = inv.dbInstances().get(1);
        assertThat(db.arn()).isEqualTo("arn:aws:rds:us-east-1:111122223333:db:app-db");
        assertThat(db.resourceId()).contains("db-ABCDEFGHIJKLMNOPQRSTUVWXYZ");
        assertThat(db.engine()).contains("postgres");
        assertThat(db.engineVersion()).isEqualTo("16.4");
        assertThat(db.instanceClass()).isEqualTo("db.t4g.medium");
        assertThat(db.status()).contains("available");
        assertThat(db.endpoint()).contains(new Endpoint("app-db.abcdefgh1234.us-east-1.rds.amazonaws.com", 5433));
        assertThat(db.multiAz()).contains(true);
        assertThat(db.publiclyAccessible()).contains(false);
        assertThat(db.storageEncrypted()).contains(true);
        assertThat(db.kmsKeyId()).contains(CMK);
        assertThat(db.backupRetentionPeriod()).contains(7);
        assertThat(db.latestRestorableTime()).contains(Instant.parse("2026-11-25T05:55:00Z"));
        assertThat(db.deletionProtection()).contains(true);
        assertThat(db.dbClusterIdentifier()).isEmpty();
        assertThat(db.dbSubnetGroupName()).contains("app-isolated");
        assertThat(db.vpcSecurityGroupIds()).contains(List.of("sg-0db0000000000001"));
        assertThat(db.parameterGroupNames()).containsExactly("app-pg16");
        assertThat(db.enabledCloudwatchLogsExports()).containsExactly("postgresql", "upgrade");
        assertThat(db.iamDatabaseAuthenticationEnabled()).contains(true);
        assertThat(db.caCertificateIdentifier()).contains("rds-ca-rsa2048-g1");
        assertThat(db.tags()).isEqualTo(Map.of("env", "prod", "data", "phi"));
        var member = inv.dbInstances().get(0);
        assertThat(member.dbClusterIdentifier()).contains("app-aurora");
        assertThat(member.publiclyAccessible()).contains(true);
        assertThat(member.caCertificateIdentifier()).isEmpty();
    }

    @Test
    void dbClustersAndSubnetGroups() {
        assertThat(inv.dbClusters()).singleElement().satisfies(c -> {
            assertThat(c.arn()).isEqualTo("arn:aws:rds:us-east-1:111122223333:cluster:app-aurora");
            assertThat(c.resourceId()).contains("cluster-ABCDEFGHIJKLMNOP");
            assertThat(c.engine()).contains("aurora-postgresql");
            assertThat(c.endpoint()).contains(new Endpoint("app-aurora.cluster-abcdefgh1234.us-east-1.rds.amazonaws.com", 5432));
            assertThat(c.readerEndpoint()).contains(new Endpoint("app-aurora.cluster-ro-abcdefgh1234.us-east-1.rds.amazonaws.com", 5432));
            assertThat(c.multiAz()).contains(false);
            assertThat(c.publiclyAccessible()).isEmpty();
            assertThat(c.storageEncrypted()).contains(true);
            assertThat(c.kmsKeyId()).contains(AWS_RDS_KEY);
            assertThat(c.backupRetentionPeriod()).contains(1);
            assertThat(c.deletionProtection()).contains(false);
            assertThat(c.dbSubnetGroupName()).contains("app-isolated");
            assertThat(c.parameterGroupName()).contains("app-aurora-cpg");
            assertThat(c.members()).containsExactly(new io.hipaaaudit.inventory.aws.DbCluster.Member("app-aurora-1", true));
            assertThat(c.availabilityZones()).containsExactly("us-east-1a", "us-east-1b");
            assertThat(c.enabledCloudwatchLogsExports()).containsExactly("postgresql");
            assertThat(c.iamDatabaseAuthenticationEnabled()).contains(true);
            assertThat(c.tags()).isEqualTo(Map.of("env", "prod"));
        });
        assertThat(inv.dbSubnetGroups()).singleElement().satisfies(g -> {
            assertThat(g.id()).isEqualTo("app-isolated");
            assertThat(g.arn()).isEqualTo("arn:aws:rds:us-east-1:111122223333:subgrp:app-isolated");
            assertThat(g.vpcId()).isEqualTo("vpc-0a1b2c3d4e5f60001");
            assertThat(g.subnetIds()).containsExactly("subnet-0bbb00000000isolated", "subnet-0aaa000000000private");
        });
    }

    @Test
    void snapshotsReadSharingOnlyForManualOnes() {
        assertThat(inv.dbSnapshots()).extracting(s -> s.id(), s -> s.kind(), s -> s.snapshotType(), s -> s.restorableBy())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("app-aurora-share", "cluster", Optional.of("manual"), Optional.of(List.of("444455556666"))),
                        org.assertj.core.groups.Tuple.tuple("app-db-before-upgrade", "instance", Optional.of("manual"), Optional.of(List.of("all"))),
                        org.assertj.core.groups.Tuple.tuple("rds:app-db-2026-11-24-03-00", "instance", Optional.of("automated"), Optional.of(List.of())));
        var manual = inv.dbSnapshots().get(1);
        assertThat(manual.sourceId()).isEqualTo("app-db");
        assertThat(manual.engine()).contains("postgres");
        assertThat(manual.encrypted()).contains(true);
        assertThat(manual.kmsKeyId()).contains(CMK);
        assertThat(manual.createdAt()).contains(Instant.parse("2026-11-01T10:00:00Z"));
        assertThat(manual.tags()).isEqualTo(Map.of("reason", "upgrade"));
        assertThat(inv.dbSnapshots().get(0).sourceId()).isEqualTo("app-aurora");
    }

    @Test
    void parameterGroupsInUseWithTheParametersThatMatter() {
        assertThat(inv.dbParameterGroups()).extracting(DbParameterGroup::id, DbParameterGroup::kind)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("app-aurora-cpg", "cluster"),
                        org.assertj.core.groups.Tuple.tuple("app-pg16", "instance"),
                        org.assertj.core.groups.Tuple.tuple("default.aurora-postgresql16", "instance"));
        var pg = inv.dbParameterGroups().get(1);
        assertThat(pg.parameters()).isEqualTo(Map.of(
                "log_connections", new DbParameterGroup.Parameter(Optional.of("1"), "user"),
                "log_disconnections", new DbParameterGroup.Parameter(Optional.empty(), "engine-default"),
                "rds.force_ssl", new DbParameterGroup.Parameter(Optional.of("1"), "system"),
                "shared_preload_libraries", new DbParameterGroup.Parameter(Optional.of("pg_stat_statements,pgaudit"), "user"),
                "pgaudit.log", new DbParameterGroup.Parameter(Optional.of("ddl,role,write"), "user")));
        assertThat(inv.dbParameterGroups().get(0).parameters()).containsEntry("rds.force_ssl",
                new DbParameterGroup.Parameter(Optional.of("0"), "user"));
        assertThat(wire.server.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                        com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("Action=DescribeDBParameters&"))))
                .allSatisfy(request -> assertThat(request.getBodyAsString())
                        .contains("Filters.Filter.1.Name=parameter-name")
                        .contains("Filters.Filter.1.Values.Value.1=rds.force_ssl"));
    }

    @Test
    void kmsKeysAreCustomerKeysPlusReferencedAwsKeys() {
        assertThat(inv.kmsKeys()).extracting(k -> k.arn()).containsExactly(AWS_RDS_KEY, CMK);
        var aws = inv.kmsKeys().get(0);
        assertThat(aws.manager()).contains("AWS");
        assertThat(aws.aliases()).containsExactly("alias/aws/rds");
        assertThat(aws.rotationEnabled()).isEmpty();
        assertThat(aws.policy()).isEmpty();
        var cmk = inv.kmsKeys().get(1);
        assertThat(cmk.id()).isEqualTo("1234abcd-12ab-34cd-56ef-1234567890ab");
        assertThat(cmk.ownerAccount()).isEqualTo("111122223333");
        assertThat(cmk.manager()).contains("CUSTOMER");
        assertThat(cmk.state()).contains("Enabled");
        assertThat(cmk.keySpec()).contains("SYMMETRIC_DEFAULT");
        assertThat(cmk.keyUsage()).contains("ENCRYPT_DECRYPT");
        assertThat(cmk.origin()).contains("AWS_KMS");
        assertThat(cmk.multiRegion()).contains(false);
        assertThat(cmk.rotationEnabled()).contains(true);
        assertThat(cmk.policy().get()).contains("\"Sid\" : \"Enable IAM User Permissions\"");
        assertThat(cmk.aliases()).containsExactly("alias/app-db");
        assertThat(cmk.deletionDate()).isEmpty();
    }

    @Test
    void aMultiRegionTrailIsListedPerRegionAndReadOnceInItsHomeRegion() {
        assertThat(inv.trails()).extracting(t -> t.region()).containsExactly("eu-west-1", "us-east-1");
        assertThat(inv.trails()).allSatisfy(t -> {
            assertThat(t.arn()).isEqualTo(TRAIL);
            assertThat(t.id()).isEqualTo("org-audit");
            assertThat(t.homeRegion()).contains("us-east-1");
            assertThat(t.isMultiRegionTrail()).contains(true);
            assertThat(t.isOrganizationTrail()).contains(false);
            assertThat(t.logFileValidationEnabled()).contains(true);
            assertThat(t.kmsKeyId()).contains(CMK);
            assertThat(t.s3BucketName()).isEqualTo("audit-logs-111122223333");
            assertThat(t.isLogging()).contains(true);
            assertThat(t.eventSelectors()).contains(List.of());
            assertThat(t.advancedEventSelectors().get()).extracting(s -> s.name())
                    .containsExactly("Management events", "S3 PHI bucket");
            assertThat(t.advancedEventSelectors().get().get(1).fieldSelectors().get(2)).isEqualTo(
                    new io.hipaaaudit.inventory.aws.Trail.FieldSelector("resources.ARN", List.of(), List.of(),
                            List.of("arn:aws:s3:::phi-"), List.of(), List.of(), List.of(".tmp")));
        });
    }

    @Test
    void anEmptyRegionYieldsNoResourcesAndNoErrors() {
        assertThat(inv.vpcs()).allSatisfy(v -> assertThat(v.region()).isEqualTo("us-east-1"));
        assertThat(inv.dbInstances()).allSatisfy(v -> assertThat(v.region()).isEqualTo("us-east-1"));
        assertThat(inv.kmsKeys()).allSatisfy(v -> assertThat(v.region()).isEqualTo("us-east-1"));
        assertThat(inv.collectionErrors()).noneMatch(e -> e.region().equals(Optional.of("eu-west-1")));
    }
}
