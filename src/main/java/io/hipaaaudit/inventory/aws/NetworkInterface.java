package io.hipaaaudit.inventory.aws;

import io.hipaaaudit.inventory.Nulls;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A network interface: what makes a security group's members concrete (their subnets and addresses). */
public record NetworkInterface(String account, String region, String id, String arn, String vpcId, String subnetId,
                               List<String> privateIpAddresses, List<String> ipv6Addresses,
                               Optional<String> publicIp, List<String> securityGroupIds, String interfaceType,
                               String description, Map<String, String> tags) implements AwsResource {
    public NetworkInterface {
        account = Nulls.required(account, "account");
        region = Nulls.required(region, "region");
        id = Nulls.required(id, "id");
        arn = arn == null ? Arns.ec2(region, account, "network-interface", id) : arn;
        vpcId = Nulls.str(vpcId);
        subnetId = Nulls.str(subnetId);
        privateIpAddresses = Nulls.list(privateIpAddresses);
        ipv6Addresses = Nulls.list(ipv6Addresses);
        publicIp = Nulls.opt(publicIp);
        securityGroupIds = Nulls.list(securityGroupIds);
        interfaceType = Nulls.str(interfaceType);
        description = Nulls.str(description);
        tags = Nulls.sorted(tags);
    }
}
