package io.hipaaaudit.template;

import io.hipaaaudit.inventory.ResourceTypes;
import io.hipaaaudit.inventory.aws.LambdaFunction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code AWS::Lambda::Function} and the SAM {@code AWS::Serverless::Function} (its {@code VpcConfig},
 * {@code KmsKeyArn}, {@code Environment}, {@code Runtime}, {@code PackageType} and {@code Role} mean the same, and
 * SAM keeps the logical id; its {@code Globals} are merged in by {@link Transforms}) into {@link LambdaFunction}, as the collector reads ListFunctions: the names of the
 * environment variables only, never a value. CloudFormation's documented absences are values, as in the API:
 * no {@code VpcConfig} (or no subnets in it) is a function outside any VPC, no {@code Environment} has no
 * variables, no {@code KmsKeyArn} is Lambda's own key, no {@code PackageType} is {@code Zip}. A property the
 * template leaves unresolved is unknown for that function (its findings name the property).
 */
final class LambdaMapping {
    private final Mapped out;

    LambdaMapping(Mapped out) {
        this.out = out;
    }

    void map(List<Declared> all) {
        // a SAM function's properties that the Lambda record reads mean what they mean on AWS::Lambda::Function
        List<Declared> functions = new ArrayList<>(NetworkMapping.of(all, "AWS::Lambda::Function"));
        functions.addAll(NetworkMapping.of(all, Transforms.SAM_FUNCTION));
        for (Declared d : functions) {
            Props p = out.props(d, ResourceTypes.LAMBDA_FUNCTION);
            // the logical id, as for every template resource: findings name it and point at its line
            String name = d.logicalId();
            List<String> subnets = List.of();
            Optional<List<String>> groups = Optional.of(List.of());
            Optional<String> vpc = Optional.empty();
            Optional<Boolean> ipv6 = Optional.of(false);
            Object vpcConfig = p.raw("VpcConfig");
            if (vpcConfig instanceof Unknown u) {
                p.unknown("VpcConfig", "subnetIds", u.why());
                groups = Optional.empty();
            } else if (vpcConfig instanceof Map<?, ?> m) {
                Props v = new Props(new Resource(d.logicalId(), d.type(), ResourceTypes.LAMBDA_FUNCTION, out.account,
                        out.region, d.tags()), strings(m), out.errors, "VpcConfig");
                subnets = v.strings("SubnetIds", "subnetIds").orElse(List.of());
                groups = v.has("SecurityGroupIds") ? v.strings("SecurityGroupIds", "securityGroupIds")
                        : Optional.of(List.of());
                vpc = subnets.stream().map(out.subnetVpc::get).filter(java.util.Objects::nonNull).findFirst();
                ipv6 = v.bool("Ipv6AllowedForDualStack", "ipv6AllowedForDualStack", false);
            }
            List<String> variables = new ArrayList<>();
            Object environment = p.raw("Environment");
            if (environment instanceof Unknown u) {
                p.unknown("Environment", "environmentVariableNames", u.why());
            } else if (environment instanceof Map<?, ?> env) {
                Object vars = env.get("Variables");
                if (vars instanceof Unknown u) {
                    p.unknown("Environment.Variables", "environmentVariableNames", u.why());
                } else if (vars instanceof Map<?, ?> named) {
                    named.keySet().forEach(k -> variables.add(String.valueOf(k))); // names only: values are secrets
                }
            }
            Optional<String> key = p.has("KmsKeyArn") ? p.string("KmsKeyArn", "kmsKeyArn") : Optional.empty();
            Optional<String> packageType = p.has("PackageType") ? p.string("PackageType", "packageType")
                    : Optional.of("Zip");
            out.lambdaFunctions.add(new LambdaFunction(out.account, out.region, name, null,
                    p.string("Runtime", "runtime"), packageType, p.string("Role", "role"), key, vpc, subnets, groups,
                    ipv6, variables, Optional.empty(), Optional.empty(), d.tags()));
        }
        Transforms.serverless(all, out);
    }

    private static Map<String, Object> strings(Map<?, ?> m) {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        m.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }
}
