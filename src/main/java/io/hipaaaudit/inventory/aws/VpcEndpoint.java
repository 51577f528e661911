package io.hipaaaudit.inventory.aws;

import io.hipaaaudit.inventory.Nulls;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A VPC endpoint (ec2:DescribeVpcEndpoints). {@code type} is Interface, Gateway, GatewayLoadBalancer, Resource or
 * ServiceNetwork; {@code privateDnsEnabled} matters for interface endpoints (only with it do the service's usual
 * names resolve to the endpoint); {@code policy} is the endpoint policy document. A field the answer lacked is
 * unknown (empty), not a default.
 */
public record VpcEndpoint(String account, String region, String id, String arn, String vpcId,
                          Optional<String> serviceName, Optional<String> type, Optional<String> state,
                          Optional<Boolean> privateDnsEnabled, Optional<String> policy, List<String> subnetIds,
                          Map<String, String> tags) implements AwsResource {
    public VpcEndpoint {
        account = Nulls.required(account, "account");
        region = Nulls.required(region, "region");
        id = Nulls.required(id, "id");
        arn = arn == null ? Arns.ec2(region, account, "vpc-endpoint", id) : arn;
        vpcId = Nulls.str(vpcId);
        serviceName = Nulls.opt(serviceName);
        type = Nulls.opt(type);
        state = Nulls.opt(state);
        privateDnsEnabled = Nulls.opt(privateDnsEnabled);
        policy = Nulls.opt(policy);
        subnetIds = Nulls.list(subnetIds);
        tags = Nulls.sorted(tags);
    }

    /**
     * The service's short name: {@code kms} for {@code com.amazonaws.us-east-1.kms}; the full name for services
     * named otherwise (marketplace and partner services).
     */
    public Optional<String> service() {
        String prefix = "com.amazonaws." + region + ".";
        return serviceName.map(n -> n.startsWith(prefix) ? n.substring(prefix.length()) : n);
    }
}
