package io.hipaaaudit.inventory.aws;

import io.hipaaaudit.inventory.Nulls;
import java.util.List;
import java.util.Map;

public record DbSubnetGroup(String account, String region, String id, String arn, String vpcId,
                            List<String> subnetIds, Map<String, String> tags) implements AwsResource {
    public DbSubnetGroup {
        account = Nulls.required(account, "account");
        region = Nulls.required(region, "region");
        id = Nulls.required(id, "id");
        arn = arn == null ? Arns.of("rds", region, account, "subgrp:" + id) : arn;
        vpcId = Nulls.str(vpcId);
        subnetIds = Nulls.list(subnetIds);
        tags = Nulls.sorted(tags);
    }
}
