package io.hipaaaudit.inventory.aws;

import io.hipaaaudit.inventory.Nulls;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Lambda function's configuration as ListFunctions lists it ({@code id} is its FunctionName), never its code and
 * never the values of its environment variables: the collector keeps their names only. Absences the API documents
 * as values are taken as those values:
 * <ul>
 *   <li>no {@code Environment} (or no {@code Variables} in it): the function has no environment variables, so
 *       {@code environmentVariableNames} is empty;</li>
 *   <li>no {@code VpcConfig}, or one with no SubnetIds: the function is not connected to a VPC ({@code subnetIds}
 *       empty, {@code vpcId} absent);</li>
 *   <li>no {@code KMSKeyArn}: Lambda encrypts the environment with its own key (an AWS owned or AWS managed key,
 *       not a customer key).</li>
 * </ul>
 * A function in a VPC whose VpcConfig lacks SecurityGroupIds or VpcId leaves those unknown (a collection error
 * names them); the other optional fields are absent when the answer did not carry them. Tags are not collected
 * (ListFunctions has none and ListTags would be one call per function).
 */
public record LambdaFunction(String account, String region, String id, String arn, Optional<String> runtime,
                             Optional<String> packageType, Optional<String> role, Optional<String> kmsKeyArn,
                             Optional<String> vpcId, List<String> subnetIds, Optional<List<String>> securityGroupIds,
                             Optional<Boolean> ipv6AllowedForDualStack, List<String> environmentVariableNames,
                             Optional<String> lastModified, Optional<String> state, Map<String, String> tags)
        implements AwsResource {
    public LambdaFunction {
        account = Nulls.required(account, "account");
        region = Nulls.required(region, "region");
        id = Nulls.required(id, "id");
        arn = arn == null ? Arns.of("lambda", region, account, "function:" + id) : arn;
        runtime = Nulls.opt(runtime);
        packageType = Nulls.opt(packageType);
        role = Nulls.opt(role);
        kmsKeyArn = Nulls.opt(kmsKeyArn);
        vpcId = Nulls.opt(vpcId);
        subnetIds = Nulls.list(subnetIds);
        securityGroupIds = Nulls.opt(securityGroupIds).map(List::copyOf);
        ipv6AllowedForDualStack = Nulls.opt(ipv6AllowedForDualStack);
        environmentVariableNames = Nulls.list(environmentVariableNames).stream().sorted().toList();
        lastModified = Nulls.opt(lastModified);
        state = Nulls.opt(state);
        tags = Nulls.sorted(tags);
    }

    /** Whether the function is connected to a VPC: it has subnets (the documented meaning of VpcConfig). */
    public boolean inVpc() {
        return !subnetIds.isEmpty();
    }
}
