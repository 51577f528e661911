package io.hipaaaudit.inventory.aws;

import io.hipaaaudit.inventory.Nulls;
import java.util.List;
import java.util.Map;
import java.util.Optional;

public record Subnet(String account, String region, String id, String arn, String vpcId, String availabilityZone,
                     Optional<String> cidrBlock, List<String> ipv6CidrBlocks, Optional<Boolean> mapPublicIpOnLaunch,
                     Optional<Boolean> assignIpv6AddressOnCreation, Map<String, String> tags) implements AwsResource {
    public Subnet {
        account = Nulls.required(account, "account");
        region = Nulls.required(region, "region");
        id = Nulls.required(id, "id");
        arn = arn == null ? Arns.ec2(region, account, "subnet", id) : arn;
        vpcId = Nulls.str(vpcId);
        availabilityZone = Nulls.str(availabilityZone);
        cidrBlock = Nulls.opt(cidrBlock);
        ipv6CidrBlocks = Nulls.list(ipv6CidrBlocks);
        mapPublicIpOnLaunch = Nulls.opt(mapPublicIpOnLaunch);
        assignIpv6AddressOnCreation = Nulls.opt(assignIpv6AddressOnCreation);
        tags = Nulls.sorted(tags);
    }
}
