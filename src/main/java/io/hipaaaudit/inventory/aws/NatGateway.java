package io.hipaaaudit.inventory.aws;

import io.hipaaaudit.inventory.Nulls;
import java.util.Map;

/** A NAT gateway; {@code connectivityType} is {@code public} or {@code private}. */
public record NatGateway(String account, String region, String id, String arn, String vpcId, String subnetId,
                         String state, String connectivityType, Map<String, String> tags) implements AwsResource {
    public NatGateway {
        account = Nulls.required(account, "account");
        region = Nulls.required(region, "region");
        id = Nulls.required(id, "id");
        arn = arn == null ? Arns.ec2(region, account, "natgateway", id) : arn;
        vpcId = Nulls.str(vpcId);
        subnetId = Nulls.str(subnetId);
        state = Nulls.str(state);
        connectivityType = connectivityType == null ? "public" : connectivityType;
        tags = Nulls.sorted(tags);
    }
}
