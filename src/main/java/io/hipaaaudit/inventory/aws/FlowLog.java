package io.hipaaaudit.inventory.aws;

import io.hipaaaudit.inventory.Nulls;
import java.util.Map;

/** A VPC flow log; {@code resourceId} is the VPC, subnet or interface it watches. */
public record FlowLog(String account, String region, String id, String arn, String resourceId, String trafficType,
                      String status, String deliverLogsStatus, String logDestinationType,
                      Map<String, String> tags) implements AwsResource {
    public FlowLog {
        account = Nulls.required(account, "account");
        region = Nulls.required(region, "region");
        id = Nulls.required(id, "id");
        arn = arn == null ? Arns.ec2(region, account, "vpc-flow-log", id) : arn;
        resourceId = Nulls.str(resourceId);
        trafficType = Nulls.str(trafficType);
        status = Nulls.str(status);
        deliverLogsStatus = Nulls.str(deliverLogsStatus);
        logDestinationType = Nulls.str(logDestinationType);
        tags = Nulls.sorted(tags);
    }
}
