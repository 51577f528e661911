package io.hipaaaudit.template;

import com.fasterxml.jackson.databind.JsonNode;
import io.hipaaaudit.inventory.Inventory;
import io.hipaaaudit.inventory.ResourceTypes;
import io.hipaaaudit.json.InputException;
import io.hipaaaudit.json.InputFiles;
import io.hipaaaudit.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Templates (a file, JSON or YAML, or a {@code cdk.out} cloud assembly) as an inventory: the same records a live
 * scan collects, so the same rules, network analysis and parameters per environment judge the stack before it is
 * deployed. Each stack is its own scope: the records' {@code account} is the stack name, their {@code region} the
 * region given (or the assembly's, else {@code unknown-region}), their {@code id} the logical id. A nested stack
 * whose template is a local asset joins the scope of its root stack.
 */
public final class TemplateSource {
    /**
     * The CloudFormation types mapped, and the inventory type each one fills. Adding a service (S3, Lambda) means
     * a mapping class like {@link DataMapping} called from {@link #map} and its types listed here.
     */
    static final Map<String, String> MAPPED = mapped();

    /** Whether templates fill records of this inventory type (drift judges presence only for those). */
    public static boolean maps(String inventoryType) {
        return MAPPED.containsValue(inventoryType);
    }

    /**
     * The code of the collection error for a fact that exists only once the resource runs (a restore point): a rule
     * that reads it does not apply before deploy.
     */
    public static final String AFTER_DEPLOY = "AfterDeploy";

    private TemplateSource() {}

    /**
     * Where a resource is declared, for reports that point at the source, and its resolved properties (drift pairs
     * a deployed resource without tags by the explicit name they set).
     */
    public record Location(String stack, String logicalId, String type, String file, int line,
                           Map<String, Object> properties) {}

    /** The inventory of every stack, and where each of its resources is declared (key: account|region|id). */
    public record Loaded(Inventory inventory, Map<String, Location> locations) {
        public Optional<Location> of(String account, String region, String id) {
            return Optional.ofNullable(locations.get(account + "|" + region + "|" + id));
        }
    }

    public static Loaded load(List<Path> paths, Optional<Path> parametersFile, Optional<String> region,
                              Optional<String> account, Instant now) {
        if (paths.isEmpty()) {
            throw new InputException("--template needs a template file or a cdk.out directory");
        }
        Map<String, Object> parameters = parametersFile.map(TemplateSource::parameters).orElse(Map.of());
        List<Inventory> parts = new ArrayList<>();
        Map<String, Location> locations = new TreeMap<>();
        for (Path path : paths) {
            List<Stack> stacks = Files.isDirectory(path) ? CloudAssembly.stacks(path, parameters, region, account)
                    : List.of(new Stack(stackName(path), TemplateReader.read(path), parameters, region, account,
                    stackName(path)));
            for (Stack stack : stacks) {
                Mapped out = new Mapped(stack.scope(), stack.region().orElse("unknown-region"), now);
                List<Declared> all = new ArrayList<>();
                declare(stack, all, out, 0);
                out.declare(all);
                new NetworkMapping(out).map(all);
                new DataMapping(out).map(all);
                new LambdaMapping(out).map(all);
                new S3Mapping(out).map(all);
                new LogsMapping(out).map(all);
                notMapped(all, out);
                for (Declared d : all) {
                    if (MAPPED.containsKey(d.type())) {
                        locations.put(out.account + "|" + out.region + "|" + out.idOf(d.logicalId()),
                                new Location(d.stack(), d.logicalId(), d.type(), d.file(), d.line(),
                                        d.properties()));
                    }
                }
                parts.add(out.inventory());
            }
        }
        return new Loaded(parts.isEmpty() ? Inventory.empty() : Inventory.merge(parts), locations);
    }

    /**
     * CloudFormation types whose inventory type the rule pack judges but which are not read from templates yet:
     * a stack that declares one leaves that type unknown in its scope, so its rules are NOT_ASSESSED there
     * ("judged after deploy") rather than "not applicable: none in scope".
     */
    static final Map<String, String> NOT_MAPPED = Map.of();

    private static void notMapped(List<Declared> all, Mapped out) {
        new TreeMap<>(NOT_MAPPED).forEach((cfn, type) -> all.stream().filter(d -> d.type().equals(cfn)).findFirst()
                .ifPresent(d -> out.errors.add(new io.hipaaaudit.inventory.CollectionError("template",
                        Optional.of(out.account), Optional.of(out.region), Optional.empty(), "template:" + cfn,
                        List.of(type), "NotMapped", d.file() + ":" + d.line() + ": " + cfn + " " + d.logicalId()
                        + " and the stack's other " + cfn + " resources are not read from templates yet: their rules"
                        + " are judged by the scan after deploy", Optional.empty(), List.of()))));
    }

    /** The resources of a stack and of its nested stacks, their properties resolved. */
    private static void declare(Stack stack, List<Declared> all, Mapped out, int depth) {
        if (depth > 10) {
            throw new InputException(stack.template().file() + ": nested stacks deeper than 10 levels");
        }
        Intrinsics intrinsics = new Intrinsics(stack);
        String file = display(stack.template().file());
        Transforms.check(stack, file, out);
        for (Map.Entry<String, Object> e : stack.template().section("Resources").entrySet()) {
            String id = e.getKey();
            int line = stack.template().lineOf(id);
            if (!(e.getValue() instanceof Map<?, ?> body) || !(body.get("Type") instanceof String type)) {
                throw new InputException(file + ":" + line + ": resource " + id + " has no Type");
            }
            Object condition = body.get("Condition") == null ? Boolean.TRUE
                    : intrinsics.condition(String.valueOf(body.get("Condition")));
            if (Boolean.FALSE.equals(condition)) {
                continue;
            }
            Object resolved = intrinsics.resolve(Transforms.withGlobals(stack.template(), type,
                    body.get("Properties") == null ? Map.of() : body.get("Properties")));
            @SuppressWarnings("unchecked")
            Map<String, Object> props = resolved instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
            Declared d = new Declared(id, type, props, tags(stack, id, props), stack.name(), file, line);
            if (type.equals("AWS::CloudFormation::Stack")) {
                nested(stack, d, body, all, out, depth);
                continue;
            }
            all.add(d);
            if (condition instanceof Unknown u && MAPPED.containsKey(type)) {
                out.unknown(d, MAPPED.get(type), "", "Condition", "whether it is created is unknown: " + u.why());
            }
        }
    }

    /** A nested stack whose template is a file next to its parent's (a cdk.out asset or a relative TemplateURL). */
    private static void nested(Stack parent, Declared d, Map<?, ?> body, List<Declared> all, Mapped out, int depth) {
        Path dir = parent.template().file().toAbsolutePath().getParent();
        Optional<String> local = Optional.empty();
        if (body.get("Metadata") instanceof Map<?, ?> meta && meta.get("aws:asset:path") instanceof String p) {
            local = Optional.of(p);
        } else if (d.properties().get("TemplateURL") instanceof String url && !url.contains("://")) {
            local = Optional.of(url);
        }
        Optional<Path> file = local.map(dir::resolve).filter(Files::isRegularFile);
        if (file.isEmpty()) {
            // a nested template not on this machine: its resources are not judged here
            return;
        }
        Map<String, Object> params = new LinkedHashMap<>();
        if (d.properties().get("Parameters") instanceof Map<?, ?> m) {
            m.forEach((k, v) -> params.put(String.valueOf(k), v));
        }
        Stack child = new Stack(parent.name() + "/" + d.logicalId(), TemplateReader.read(file.get()), params,
                parent.region(), parent.account(), parent.scope());
        declare(child, all, out, depth + 1);
    }

    private static Map<String, String> tags(Stack stack, String id, Map<String, Object> props) {
        Map<String, String> tags = new TreeMap<>();
        if (props.get("Tags") instanceof List<?> list) {
            for (Object t : list) {
                if (t instanceof Map<?, ?> m && m.get("Key") instanceof String k && m.get("Value") != null
                        && !(m.get("Value") instanceof Unknown)) {
                    tags.put(k, Intrinsics.text(m.get("Value")));
                }
            }
        } else if (props.get("Tags") instanceof Map<?, ?> map) {
            // the map form of AWS::Serverless::* (and of a few CloudFormation types)
            map.forEach((k, v) -> {
                if (v != null && !(v instanceof Unknown)) {
                    tags.put(String.valueOf(k), Intrinsics.text(v));
                }
            });
        }
        // the tags CloudFormation puts on what it creates: a scan of the deployed stack pairs records by them
        tags.put("aws:cloudformation:logical-id", id);
        tags.put("aws:cloudformation:stack-name", stack.scope());
        return tags;
    }

    /**
     * A parameters file: the CloudFormation CLI form {@code [{"ParameterKey": k, "ParameterValue": v}]} or a plain
     * map {@code {k: v}} (JSON or YAML).
     */
    static Map<String, Object> parameters(Path file) {
        String text = InputFiles.readString(file, InputFiles.Kind.CONFIG);
        JsonNode root;
        try {
            root = (text.stripLeading().startsWith("{") || text.stripLeading().startsWith("[") ? Json.json()
                    : Json.yaml()).readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw InputException.of(file.toString(), e);
        }
        Map<String, Object> out = new TreeMap<>();
        if (root != null && root.isArray()) {
            for (JsonNode p : root) {
                if (!p.path("ParameterKey").isTextual() || p.path("ParameterValue").isMissingNode()) {
                    throw new InputException(file + ": each entry needs ParameterKey and ParameterValue");
                }
                out.put(p.get("ParameterKey").asText(), p.get("ParameterValue").asText());
            }
        } else if (root != null && root.isObject()) {
            root.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().isArray()
                    ? String.join(",", iterable(e.getValue())) : e.getValue().asText()));
        } else {
            throw new InputException(file + ": parameters are a list of {ParameterKey, ParameterValue} or a map");
        }
        return out;
    }

    private static List<String> iterable(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** The stack name of a template file: its name without {@code .template.json}, {@code .yaml} ... */
    static String stackName(Path file) {
        String name = file.getFileName().toString();
        return name.replaceFirst("(\\.template)?\\.(json|ya?ml|template)$", "");
    }

    /** A path as reports show it: relative to the working directory when it is below it. */
    static String display(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        Path cwd = Path.of("").toAbsolutePath();
        return (abs.startsWith(cwd) ? cwd.relativize(abs) : abs).toString().replace('\\', '/');
    }

    private static Map<String, String> mapped() {
        Map<String, String> m = new TreeMap<>();
        for (String t : List.of("VPC", "VPCCidrBlock")) {
            m.put("AWS::EC2::" + t, ResourceTypes.VPC);
        }
        m.put("AWS::EC2::Subnet", ResourceTypes.SUBNET);
        for (String t : List.of("RouteTable", "Route", "SubnetRouteTableAssociation")) {
            m.put("AWS::EC2::" + t, ResourceTypes.ROUTE_TABLE);
        }
        for (String t : List.of("InternetGateway", "VPCGatewayAttachment", "EgressOnlyInternetGateway")) {
            m.put("AWS::EC2::" + t, ResourceTypes.INTERNET_GATEWAY);
        }
        m.put("AWS::EC2::NatGateway", ResourceTypes.NAT_GATEWAY);
        for (String t : List.of("SecurityGroup", "SecurityGroupIngress", "SecurityGroupEgress")) {
            m.put("AWS::EC2::" + t, ResourceTypes.SECURITY_GROUP);
        }
        for (String t : List.of("NetworkAcl", "NetworkAclEntry", "SubnetNetworkAclAssociation")) {
            m.put("AWS::EC2::" + t, ResourceTypes.NETWORK_ACL);
        }
        m.put("AWS::EC2::FlowLog", ResourceTypes.FLOW_LOG);
        m.put("AWS::EC2::VPCEndpoint", ResourceTypes.VPC_ENDPOINT);
        m.put("AWS::Lambda::Function", ResourceTypes.LAMBDA_FUNCTION);
        m.put("AWS::Serverless::Function", ResourceTypes.LAMBDA_FUNCTION);
        m.put("AWS::S3::Bucket", ResourceTypes.BUCKET);
        m.put("AWS::S3::BucketPolicy", ResourceTypes.BUCKET);
        m.put("AWS::Logs::LogGroup", ResourceTypes.LOG_GROUP);
        m.put("AWS::RDS::DBInstance", ResourceTypes.DB_INSTANCE);
        m.put("AWS::RDS::DBCluster", ResourceTypes.DB_CLUSTER);
        m.put("AWS::RDS::DBSubnetGroup", ResourceTypes.DB_SUBNET_GROUP);
        m.put("AWS::RDS::DBParameterGroup", ResourceTypes.DB_PARAMETER_GROUP);
        m.put("AWS::RDS::DBClusterParameterGroup", ResourceTypes.DB_PARAMETER_GROUP);
        m.put("AWS::KMS::Key", ResourceTypes.KMS_KEY);
        m.put("AWS::KMS::Alias", ResourceTypes.KMS_KEY);
        m.put("AWS::CloudTrail::Trail", ResourceTypes.TRAIL);
        for (String t : List.of("Secret", "RotationSchedule", "ResourcePolicy", "SecretTargetAttachment")) {
            m.put("AWS::SecretsManager::" + t, ResourceTypes.SECRET);
        }
        return Map.copyOf(m);
    }
}
