package io.hipaaaudit.template;

import io.hipaaaudit.inventory.aws.Arns;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves CloudFormation intrinsic functions as far as one template allows. {@code Ref} and {@code Fn::GetAtt} to
 * a resource of the template give its synthetic id, the logical id (ARNs are built from it where the attribute is
 * an ARN), so references resolve to the same ids in every record; {@code Ref} to a parameter gives the value given
 * for it, else its {@code Default}; pseudo parameters give the region and account when known. {@code Fn::If} reads
 * the {@code Conditions}. What the template cannot settle ({@code Fn::ImportValue}, a parameter without a value, an
 * unknown attribute) is an {@link Unknown} naming why, and it spreads to every value built from it.
 */
final class Intrinsics {
    private static final Pattern SUB_VAR = Pattern.compile("\\$\\{([^}]*)}");

    private final Stack stack;
    private final Map<String, Object> resources;
    private final Map<String, Object> parameterDecls;
    private final Map<String, Object> conditionDecls;
    private final Map<String, Object> mappings;
    private final Map<String, Object> conditions = new HashMap<>();

    Intrinsics(Stack stack) {
        this.stack = stack;
        this.resources = stack.template().section("Resources");
        this.parameterDecls = stack.template().section("Parameters");
        this.conditionDecls = stack.template().section("Conditions");
        this.mappings = stack.template().section("Mappings");
    }

    String region() {
        return stack.region().orElse("unknown-region");
    }

    String account() {
        return stack.scope();
    }

    /** The type of a resource of this template, if it has one by that logical id. */
    Optional<String> typeOf(String logicalId) {
        return resources.get(logicalId) instanceof Map<?, ?> r && r.get("Type") instanceof String t
                ? Optional.of(t) : Optional.empty();
    }

    /** A value with every intrinsic resolved; {@link Unknown#NO_VALUE} entries are dropped from maps and lists. */
    Object resolve(Object v) {
        if (v instanceof Map<?, ?> m) {
            if (m.size() == 1) {
                String key = String.valueOf(m.keySet().iterator().next());
                Object arg = m.values().iterator().next();
                if (key.equals("Ref") || key.startsWith("Fn::") || key.equals("Condition") && !(arg instanceof Map)) {
                    return function(key, arg);
                }
            }
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                Object r = resolve(e.getValue());
                if (r != Unknown.NO_VALUE) {
                    out.put(String.valueOf(e.getKey()), r);
                }
            }
            return out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            for (Object o : l) {
                Object r = resolve(o);
                if (r != Unknown.NO_VALUE) {
                    out.add(r);
                }
            }
            return out;
        }
        return v;
    }

    private Object function(String name, Object arg) {
        return switch (name) {
            case "Ref" -> ref(String.valueOf(resolve(arg)));
            case "Condition" -> condition(String.valueOf(arg));
            case "Fn::GetAtt" -> getAtt(resolve(arg));
            case "Fn::Sub" -> sub(arg);
            case "Fn::Join" -> join(resolve(arg));
            case "Fn::Select" -> select(resolve(arg));
            case "Fn::GetAZs" -> azs(resolve(arg));
            case "Fn::Split" -> split(resolve(arg));
            case "Fn::If" -> ifThen(arg);
            case "Fn::Equals", "Fn::Not", "Fn::And", "Fn::Or" -> bool(name, arg);
            case "Fn::FindInMap" -> findInMap(resolve(arg));
            case "Fn::Base64" -> resolve(arg);
            case "Fn::ImportValue" -> new Unknown("Fn::ImportValue " + text(resolve(arg)));
            default -> new Unknown(name);
        };
    }

    Object ref(String name) {
        switch (name) {
            case "AWS::Region":
                return stack.region().<Object>map(r -> r).orElse(new Unknown("Ref AWS::Region (give --template-region)"));
            case "AWS::AccountId":
                return stack.account().<Object>map(a -> a).orElse(new Unknown("Ref AWS::AccountId (give --template-account)"));
            case "AWS::Partition":
                return stack.region().<Object>map(Arns::partition).orElse(new Unknown("Ref AWS::Partition"));
            case "AWS::URLSuffix":
                return stack.region().<Object>map(r -> r.startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com")
                        .orElse(new Unknown("Ref AWS::URLSuffix"));
            case "AWS::StackName":
                return stack.name();
            case "AWS::StackId":
                return new Unknown("Ref AWS::StackId");
            case "AWS::NoValue":
                return Unknown.NO_VALUE;
            case "AWS::NotificationARNs":
                return new Unknown("Ref AWS::NotificationARNs");
            default:
                break;
        }
        if (parameterDecls.containsKey(name)) {
            Map<?, ?> decl = parameterDecls.get(name) instanceof Map<?, ?> m ? m : Map.of();
            String type = Intrinsics.text(decl.get("Type"));
            Object given = stack.parameters().get(name);
            if (given == null && type.startsWith("AWS::SSM::Parameter::Value")) {
                return new Unknown("Ref " + name + " (an SSM parameter, read at deploy)");
            }
            Object value = given != null ? given : decl.get("Default");
            if (value == null) {
                return new Unknown("Ref " + name + " (no value given, no Default)");
            }
            if ((type.startsWith("List<") || type.equals("CommaDelimitedList")) && value instanceof String s) {
                return List.of(s.split("\\s*,\\s*", -1));
            }
            return value;
        }
        Optional<String> type = typeOf(name);
        if (type.isPresent()) {
            return switch (type.get()) {
                case "AWS::SecretsManager::Secret" -> secretArn(name);
                // "Ref returns the ARN of the secret" the attachment attaches
                case "AWS::SecretsManager::SecretTargetAttachment" -> property(name, "SecretId");
                // "Ref returns the bucket name" / "the log group name": the declared one, else the logical id
                case "AWS::S3::Bucket" -> named(name, "BucketName");
                case "AWS::Logs::LogGroup" -> named(name, "LogGroupName");
                default -> name;
            };
        }
        return new Unknown("Ref " + name + " (not in the template)");
    }

    String secretArn(String logicalId) {
        return Arns.of("secretsmanager", region(), account(), "secret:" + logicalId);
    }

    String keyArn(String logicalId) {
        return Arns.of("kms", region(), account(), "key/" + logicalId);
    }

    private Object getAtt(Object arg) {
        List<?> parts = arg instanceof List<?> l ? l : List.of(String.valueOf(arg).split("\\.", 2));
        if (parts.size() != 2 || parts.stream().anyMatch(p -> p instanceof Unknown)) {
            return new Unknown("Fn::GetAtt " + parts);
        }
        String id = String.valueOf(parts.get(0));
        String attr = String.valueOf(parts.get(1));
        Optional<String> type = typeOf(id);
        if (type.isEmpty()) {
            return new Unknown("Fn::GetAtt " + id + "." + attr + " (not in the template)");
        }
        return switch (type.get() + "." + attr) {
            case "AWS::EC2::SecurityGroup.GroupId", "AWS::EC2::Subnet.SubnetId", "AWS::EC2::VPC.VpcId",
                 "AWS::KMS::Key.KeyId", "AWS::EC2::RouteTable.RouteTableId", "AWS::EC2::NetworkAcl.Id",
                 "AWS::EC2::InternetGateway.InternetGatewayId", "AWS::EC2::NatGateway.NatGatewayId",
                 "AWS::EC2::VPCEndpoint.Id", "AWS::SecretsManager::Secret.Id" -> id;
            case "AWS::EC2::VPC.DefaultSecurityGroup" -> id + ".DefaultSecurityGroup";
            case "AWS::EC2::VPC.DefaultNetworkAcl" -> id + ".DefaultNetworkAcl";
            case "AWS::KMS::Key.Arn" -> keyArn(id);
            case "AWS::SecretsManager::Secret.Arn" -> secretArn(id);
            case "AWS::RDS::DBInstance.DBInstanceArn" -> Arns.of("rds", region(), account(), "db:" + id);
            case "AWS::RDS::DBCluster.DBClusterArn" -> Arns.of("rds", region(), account(), "cluster:" + id);
            case "AWS::S3::Bucket.Arn" -> bucketArn(named(id, "BucketName"));
            case "AWS::Logs::LogGroup.Arn" -> logGroupArn(named(id, "LogGroupName"));
            case "AWS::EC2::VPC.CidrBlock" -> property(id, "CidrBlock");
            case "AWS::EC2::Subnet.VpcId" -> property(id, "VpcId");
            case "AWS::EC2::SecurityGroup.VpcId" -> property(id, "VpcId");
            default -> new Unknown("Fn::GetAtt " + id + "." + attr);
        };
    }

    /** The name a resource declares in {@code property}, else its logical id (the synthetic name). */
    private Object named(String logicalId, String property) {
        if (resources.get(logicalId) instanceof Map<?, ?> r && r.get("Properties") instanceof Map<?, ?> p
                && p.containsKey(property)) {
            return resolve(p.get(property));
        }
        return logicalId;
    }

    private Object bucketArn(Object name) {
        return name instanceof Unknown ? name : "arn:" + Arns.partition(region()) + ":s3:::" + text(name);
    }

    /** The log group's Arn attribute, which ends in {@code :*}. */
    private Object logGroupArn(Object name) {
        return name instanceof Unknown ? name : Arns.of("logs", region(), account(), "log-group:" + text(name) + ":*");
    }

    private Object property(String logicalId, String property) {
        if (resources.get(logicalId) instanceof Map<?, ?> r && r.get("Properties") instanceof Map<?, ?> p
                && p.containsKey(property)) {
            return resolve(p.get(property));
        }
        return new Unknown("Fn::GetAtt " + logicalId + "." + property);
    }

    private Object sub(Object arg) {
        String template;
        Map<String, Object> vars = new HashMap<>();
        if (arg instanceof List<?> l && l.size() == 2 && l.get(1) instanceof Map<?, ?> m) {
            template = String.valueOf(l.get(0));
            m.forEach((k, v) -> vars.put(String.valueOf(k), resolve(v)));
        } else {
            template = String.valueOf(arg);
        }
        Matcher matcher = SUB_VAR.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String var = matcher.group(1);
            Object value;
            if (var.startsWith("!")) {
                value = "${" + var.substring(1) + "}";
            } else if (vars.containsKey(var)) {
                value = vars.get(var);
            } else if (var.contains(".") && !var.startsWith("AWS::")) {
                value = getAtt(List.of(var.substring(0, var.indexOf('.')), var.substring(var.indexOf('.') + 1)));
            } else {
                value = ref(var);
            }
            if (value instanceof Unknown u) {
                return new Unknown("Fn::Sub ${" + var + "}: " + u.why());
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(text(value)));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private Object join(Object arg) {
        if (!(arg instanceof List<?> l) || l.size() != 2) {
            return firstUnknown(arg, "Fn::Join");
        }
        if (!(l.get(1) instanceof List<?> items)) {
            return firstUnknown(l.get(1), "Fn::Join");
        }
        Object unknown = firstUnknown(items, null);
        if (unknown != null) {
            return unknown;
        }
        return String.join(text(l.get(0)), items.stream().map(Intrinsics::text).toList());
    }

    private Object select(Object arg) {
        if (!(arg instanceof List<?> l) || l.size() != 2) {
            return firstUnknown(arg, "Fn::Select");
        }
        if (l.get(0) instanceof Unknown u) {
            return u;
        }
        if (!(l.get(1) instanceof List<?> items)) {
            return firstUnknown(l.get(1), "Fn::Select");
        }
        int index = Integer.parseInt(text(l.get(0)).trim());
        if (index < 0 || index >= items.size()) {
            return new Unknown("Fn::Select index " + index + " outside the list");
        }
        return items.get(index);
    }

    /**
     * The region's zones as the letter-suffixed names (a, b, c): which zones an account has is known only at deploy,
     * and no rule reads a zone.
     */
    private Object azs(Object arg) {
        String region = text(arg).isEmpty() ? stack.region().orElse(null) : text(arg);
        if (region == null || arg instanceof Unknown) {
            return new Unknown("Fn::GetAZs (give --template-region)");
        }
        return List.of(region + "a", region + "b", region + "c");
    }

    private Object split(Object arg) {
        if (!(arg instanceof List<?> l) || l.size() != 2 || l.get(1) instanceof Unknown) {
            return firstUnknown(arg, "Fn::Split");
        }
        return List.of(text(l.get(1)).split(Pattern.quote(text(l.get(0))), -1));
    }

    private Object ifThen(Object arg) {
        if (!(arg instanceof List<?> l) || l.size() != 3) {
            return new Unknown("Fn::If");
        }
        Object c = condition(String.valueOf(l.get(0)));
        if (c instanceof Unknown u) {
            return new Unknown("Fn::If " + l.get(0) + ": " + u.why());
        }
        return resolve(Boolean.TRUE.equals(c) ? l.get(1) : l.get(2));
    }

    /** A condition of the {@code Conditions} section: TRUE, FALSE or an {@link Unknown}. */
    Object condition(String name) {
        if (conditions.containsKey(name)) {
            Object v = conditions.get(name);
            return v == null ? new Unknown("Condition " + name + " refers to itself") : v;
        }
        if (!conditionDecls.containsKey(name)) {
            return new Unknown("Condition " + name + " (not in the template)");
        }
        conditions.put(name, null);
        Object v = conditionValue(conditionDecls.get(name));
        conditions.put(name, v);
        return v;
    }

    private Object conditionValue(Object decl) {
        Object v = resolve(decl);
        if (v instanceof Boolean || v instanceof Unknown) {
            return v;
        }
        if (v instanceof String s && (s.equals("true") || s.equals("false"))) {
            return Boolean.valueOf(s);
        }
        return new Unknown("condition " + decl + " is not a boolean");
    }

    private Object bool(String name, Object arg) {
        List<?> args = arg instanceof List<?> l ? l : List.of(arg);
        if (name.equals("Fn::Equals")) {
            if (args.size() != 2) {
                return new Unknown("Fn::Equals needs two values");
            }
            Object a = resolve(args.get(0));
            Object b = resolve(args.get(1));
            Object u = firstUnknown(List.of(a, b), null);
            return u != null ? u : (Object) text(a).equals(text(b));
        }
        List<Object> values = new ArrayList<>();
        for (Object o : args) {
            values.add(conditionValue(o));
        }
        if (name.equals("Fn::Not")) {
            return values.size() == 1 && values.get(0) instanceof Boolean b ? (Object) !b : values.isEmpty()
                    ? new Unknown("Fn::Not") : firstUnknown(values, "Fn::Not");
        }
        boolean and = name.equals("Fn::And");
        // a decided operand may settle And/Or even when another is unknown
        if (values.contains(!and)) {
            return !and;
        }
        Object u = firstUnknown(values, null);
        return u != null ? u : (Object) and;
    }

    private Object findInMap(Object arg) {
        if (!(arg instanceof List<?> l) || l.size() < 3) {
            return firstUnknown(arg, "Fn::FindInMap");
        }
        Object u = firstUnknown(l.subList(0, 3), null);
        if (u != null) {
            return u;
        }
        Object top = mappings.get(text(l.get(0)));
        Object second = top instanceof Map<?, ?> m ? m.get(text(l.get(1))) : null;
        Object value = second instanceof Map<?, ?> m ? m.get(text(l.get(2))) : null;
        if (value == null) {
            if (l.size() == 4 && l.get(3) instanceof Map<?, ?> opts && opts.containsKey("DefaultValue")) {
                return opts.get("DefaultValue");
            }
            return new Unknown("Fn::FindInMap " + l.subList(0, 3) + " (no such entry)");
        }
        return resolve(value);
    }

    /** The first unknown in a value or list, else {@code null}; with {@code otherwise}, an unknown named by it. */
    private static Object firstUnknown(Object v, String otherwise) {
        if (v instanceof Unknown) {
            return v;
        }
        if (v instanceof List<?> l) {
            for (Object o : l) {
                if (o instanceof Unknown) {
                    return o;
                }
            }
        }
        return otherwise == null ? null : new Unknown(otherwise + " " + v);
    }

    static String text(Object v) {
        if (v instanceof Unknown u) {
            return u.why();
        }
        return v == null ? "" : String.valueOf(v);
    }
}
