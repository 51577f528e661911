package io.hipaaaudit.inventory.aws;

import io.hipaaaudit.inventory.Nulls;
import java.util.Map;
import java.util.Optional;

/**
 * A VPC flow log; {@code resourceId} is the VPC ({@code vpc-}), subnet ({@code subnet-}) or network interface
 * ({@code eni-}) it watches. {@code deliverLogsStatus} is SUCCESS or FAILED (the log cannot be delivered to its
 * destination, {@code deliverLogsErrorMessage} says why: a missing role, a full rate limit, a deleted group).
 */
public record FlowLog(String account, String region, String id, String arn, String resourceId, String trafficType,
                      String status, String deliverLogsStatus, Optional<String> deliverLogsErrorMessage,
                      String logDestinationType, Map<String, String> tags) implements AwsResource {
    public FlowLog {
        account = Nulls.required(account, "account");
        region = Nulls.required(region, "region");
        id = Nulls.required(id, "id");
        arn = arn == null ? Arns.ec2(region, account, "vpc-flow-log", id) : arn;
        resourceId = Nulls.str(resourceId);
        trafficType = Nulls.str(trafficType);
        status = Nulls.str(status);
        deliverLogsStatus = Nulls.str(deliverLogsStatus);
        deliverLogsErrorMessage = Nulls.opt(deliverLogsErrorMessage);
        logDestinationType = Nulls.str(logDestinationType);
        tags = Nulls.sorted(tags);
    }
}
