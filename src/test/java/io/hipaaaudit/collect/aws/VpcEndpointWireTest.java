package io.hipaaaudit.collect.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.hipaaaudit.engine.Environments;
import io.hipaaaudit.findings.Finding;
import io.hipaaaudit.findings.Status;
import io.hipaaaudit.inventory.Inventory;
import io.hipaaaudit.inventory.aws.VpcEndpoint;
import io.hipaaaudit.rules.RuleLoader;
import io.hipaaaudit.rules.RulePack;
import io.hipaaaudit.engine.Scan;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** ec2:DescribeVpcEndpoints through the real SDK client: what is read, what stays unknown, and the VPC rule on it. */
class VpcEndpointWireTest {
    private static final RulePack PACK = RuleLoader.load(List.of());
    private final AwsWire wire = new AwsWire().region("us-east-1");

    @AfterEach
    void stop() {
        wire.close();
    }

    @Test
    void interfaceAndGatewayEndpointsAreReadWithTheirPoliciesAndPrivateDns() {
        Inventory inv = new AwsCollector().collect(wire.options("us-east-1")).inventory();

        assertThat(inv.vpcEndpoints()).extracting(VpcEndpoint::id)
                .containsExactlyInAnyOrder("vpce-0kms00000000001", "vpce-0sm000000000002", "vpce-0s3000000000003");
        VpcEndpoint kms = one(inv, "vpce-0kms00000000001");
        assertThat(kms.service()).contains("kms");
        assertThat(kms.type()).contains("Interface");
        assertThat(kms.state()).contains("available");
        assertThat(kms.privateDnsEnabled()).contains(true);
        assertThat(kms.policy()).hasValueSatisfying(p -> assertThat(p).contains("aws:PrincipalAccount"));
        assertThat(kms.arn()).isEqualTo("arn:aws:ec2:us-east-1:111122223333:vpc-endpoint/vpce-0kms00000000001");
        assertThat(one(inv, "vpce-0s3000000000003").type()).contains("Gateway");

        Finding f = finding(inv);
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.message()).contains("for logs, sts")
                .contains("vpce-0sm000000000002 (secretsmanager) #0: Principal \"*\"")
                .doesNotContain("vpce-0kms00000000001 (kms)");
    }

    @Test
    void anEndpointAnsweredWithoutItsPrivateDnsFlagOrPolicyLeavesThemUnknown() {
        wire.server.stubFor(wire.request("us-east-1", "ec2", "DescribeVpcEndpoints").atPriority(0)
                .willReturn(AwsWire.ok("ec2", "<DescribeVpcEndpointsResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\">"
                        + "<requestId>r-1</requestId><vpcEndpointSet><item><vpcEndpointId>vpce-0bare0000000001</vpcEndpointId>"
                        + "<vpcId>vpc-0a1b2c3d4e5f60001</vpcId><vpcEndpointType>Interface</vpcEndpointType>"
                        + "<serviceName>com.amazonaws.us-east-1.sts</serviceName><state>available</state></item>"
                        + "</vpcEndpointSet></DescribeVpcEndpointsResponse>")));
        Inventory inv = new AwsCollector().collect(wire.options("us-east-1")).inventory();

        VpcEndpoint bare = one(inv, "vpce-0bare0000000001");
        assertThat(bare.privateDnsEnabled()).isEmpty();
        assertThat(bare.policy()).isEmpty();
        assertThat(inv.collectionErrors()).noneMatch(e -> e.operation().equals("ec2:DescribeVpcEndpoints"));
    }

    @Test
    void aRefusedListingLeavesTheDatabaseVpcNotAssessedThere() {
        wire.server.stubFor(wire.request("us-east-1", "ec2", "DescribeVpcEndpoints").atPriority(0)
                .willReturn(AwsWire.ec2Error(403, "UnauthorizedOperation", "You are not authorized to perform this operation.")));
        Inventory inv = new AwsCollector().collect(wire.options("us-east-1")).inventory();

        assertThat(inv.vpcEndpoints()).isEmpty();
        assertThat(inv.collectionErrors()).anySatisfy(e -> {
            assertThat(e.operation()).isEqualTo("ec2:DescribeVpcEndpoints");
            assertThat(e.resourceTypes()).containsExactly("aws.ec2.vpc_endpoint");
        });
        assertThat(finding(inv).status()).isEqualTo(Status.NOT_ASSESSED);
        // the other network rules on the same VPC do not depend on endpoints
        assertThat(Scan.run(inv, PACK, new Environments("default", "Environment"), Map.of()).findings())
                .filteredOn(x -> x.ruleId().equals("vpc-default-security-group-closed"))
                .allSatisfy(x -> assertThat(x.status()).isNotEqualTo(Status.NOT_ASSESSED));
    }

    private static VpcEndpoint one(Inventory inv, String id) {
        return inv.vpcEndpoints().stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow();
    }

    private static Finding finding(Inventory inv) {
        return Scan.run(inv, PACK, new Environments("default", "Environment"), Optional.empty(), Map.of()).findings()
                .stream().filter(f -> f.ruleId().equals("vpc-private-endpoints-for-db-services")
                        && f.resource().id().equals("vpc-0a1b2c3d4e5f60001")).findFirst().orElseThrow();
    }
}
