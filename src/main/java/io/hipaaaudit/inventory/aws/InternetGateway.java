package io.hipaaaudit.inventory.aws;

import io.hipaaaudit.inventory.Nulls;
import java.util.List;
import java.util.Map;

/** An internet gateway or an egress-only internet gateway ({@code egressOnly}), with the VPCs it is attached to. */
public record InternetGateway(String account, String region, String id, String arn, boolean egressOnly,
                              List<String> attachedVpcIds, Map<String, String> tags) implements AwsResource {
    public InternetGateway {
        account = Nulls.required(account, "account");
        region = Nulls.required(region, "region");
        id = Nulls.required(id, "id");
        arn = arn == null ? Arns.ec2(region, account, egressOnly ? "egress-only-internet-gateway" : "internet-gateway", id) : arn;
        attachedVpcIds = Nulls.list(attachedVpcIds);
        tags = Nulls.sorted(tags);
    }
}
