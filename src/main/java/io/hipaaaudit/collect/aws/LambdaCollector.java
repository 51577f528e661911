package io.hipaaaudit.collect.aws;

import static io.hipaaaudit.inventory.ResourceTypes.LAMBDA_FUNCTION;

import io.hipaaaudit.inventory.aws.LambdaFunction;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.EnvironmentResponse;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.VpcConfigResponse;

/**
 * The Lambda functions of one region: ListFunctions, 50 a page (the most the API returns in one answer, whatever
 * MaxItems asks), the $LATEST configuration of each function. Nothing else is called: not GetFunction, which
 * answers with a download URL for the code, and not ListTags, which would cost a call per function; the rules tell
 * a function that uses a database from the network (the databases' security groups) and from rule parameters
 * instead of tags. One call lists them all, so a failure leaves the type unknown in the region.
 *
 * <p>Environment variable values are dropped here, at the collector boundary: the record keeps the names only
 * (the recorded answers are redacted by {@link AwsRedaction}).
 */
final class LambdaCollector {
    static final String OPERATION = "lambda:ListFunctions";
    /** ListFunctions returns at most 50 functions per answer. */
    static final int PAGE = 50;

    private final LambdaClient lambda;
    private final RegionScope scope;

    LambdaCollector(LambdaClient lambda, RegionScope scope) {
        this.lambda = lambda;
        this.scope = scope;
    }

    /** Puts the region's functions in the inventory; returns the KMS key ARNs their environments use. */
    Set<String> collect() {
        List<LambdaFunction> functions = scope.call(OPERATION, List.of(LAMBDA_FUNCTION),
                        () -> lambda.listFunctionsPaginator(r -> r.maxItems(PAGE)).stream()
                                .flatMap(page -> MissingField.listed(page.hasFunctions(), page.functions(),
                                        "Functions").stream())
                                .toList())
                .map(items -> scope.identified(OPERATION, List.of(LAMBDA_FUNCTION), items,
                        FunctionConfiguration::functionName, "FunctionName"))
                .map(items -> items.stream().map(this::function).toList())
                .orElse(List.of());
        scope.sink().addAll(LambdaFunction.class, functions);
        Set<String> keys = new TreeSet<>();
        functions.forEach(f -> f.kmsKeyArn().filter(k -> k.startsWith("arn:")).ifPresent(keys::add));
        return keys;
    }

    private LambdaFunction function(FunctionConfiguration f) {
        String arn = Tags.text(f.functionArn()).orElse(null);
        String ref = arn == null ? f.functionName() : arn;
        // VpcConfig absent, or without subnets: not connected to a VPC (the API reference's meaning)
        Optional<VpcConfigResponse> vpc = Optional.ofNullable(f.vpcConfig())
                .filter(v -> v.hasSubnetIds() && !v.subnetIds().isEmpty());
        Optional<String> vpcId = vpc.flatMap(v -> Tags.text(v.vpcId()));
        if (vpc.isPresent() && vpcId.isEmpty()) {
            scope.missing(OPERATION, LAMBDA_FUNCTION, ref, List.of("vpcId"), "VpcConfig.VpcId");
        }
        Optional<List<String>> groups = vpc.filter(VpcConfigResponse::hasSecurityGroupIds)
                .map(VpcConfigResponse::securityGroupIds);
        if (vpc.isPresent() && groups.isEmpty()) {
            scope.missing(OPERATION, LAMBDA_FUNCTION, ref, List.of("securityGroupIds"),
                    "VpcConfig.SecurityGroupIds");
        }
        if (vpc.isEmpty()) {
            groups = Optional.of(List.of());
        }
        return new LambdaFunction(scope.account(), scope.region(), f.functionName(), arn,
                Tags.text(f.runtimeAsString()), Tags.text(f.packageTypeAsString()), Tags.text(f.role()),
                Tags.text(f.kmsKeyArn()), vpcId, vpc.map(VpcConfigResponse::subnetIds).orElse(List.of()), groups,
                vpc.flatMap(v -> Optional.ofNullable(v.ipv6AllowedForDualStack())), variableNames(f.environment()),
                Tags.text(f.lastModified()), Tags.text(f.stateAsString()), Map.of());
    }

    /**
     * The names of the environment variables, never their values. No Environment, or one without Variables (the
     * API omits both for a function without variables), is no variables.
     */
    static List<String> variableNames(EnvironmentResponse environment) {
        if (environment == null || !environment.hasVariables()) {
            return List.of();
        }
        return environment.variables().keySet().stream().sorted().toList();
    }
}
