package io.hipaaaudit.inventory.aws;

import io.hipaaaudit.inventory.Nulls;
import java.util.List;
import java.util.Map;

public record Vpc(String account, String region, String id, String arn, List<String> cidrBlocks,
                  List<String> ipv6CidrBlocks, boolean defaultVpc, Map<String, String> tags) implements AwsResource {
    public Vpc {
        account = Nulls.required(account, "account");
        region = Nulls.required(region, "region");
        id = Nulls.required(id, "id");
        arn = arn == null ? Arns.ec2(region, account, "vpc", id) : arn;
        cidrBlocks = Nulls.list(cidrBlocks);
        ipv6CidrBlocks = Nulls.list(ipv6CidrBlocks);
        tags = Nulls.sorted(tags);
    }
}
