package io.hipaaaudit.template;

import io.hipaaaudit.inventory.CollectionError;
import io.hipaaaudit.inventory.ResourceTypes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A template's {@code Transform}. The AWS SAM transform ({@code AWS::Serverless-2016-10-31}) is read here:
 * {@code AWS::Serverless::Function} becomes the Lambda record (see {@link LambdaMapping}) with the template's
 * {@code Globals.Function} merged in as SAM does ("Globals section of the AWS SAM template": a resource's primitive
 * value replaces the global one, maps are merged, lists are appended). The SAM types that create none of the
 * resources the rule pack judges (APIs, tables, state machines, layers, connectors, GraphQL APIs) are left out. The
 * Secrets Manager transform behind {@code HostedRotationLambda} adds rotation functions only, so it leaves the
 * Lambda functions of the stack's scope unknown. Any
 * other {@code AWS::Serverless::*} type (an {@code Application} is a whole nested stack) and any other transform
 * or macro, whose output exists only at deploy, leave every inventory type the templates fill unknown in the
 * stack's scope (a type-level {@code NotMapped} error): those rules are NOT_ASSESSED, never "not applicable: none
 * in scope".
 */
final class Transforms {
    static final String SAM = "AWS::Serverless-2016-10-31";
    static final String SAM_FUNCTION = "AWS::Serverless::Function";
    /** The transform behind RotationSchedule.HostedRotationLambda ({@code AWS::SecretsManager-2020-07-23} ...). */
    static final String SECRETS_MANAGER = "AWS::SecretsManager-";
    /** SAM types that create no resource of a judged type (API Gateway, DynamoDB, Step Functions, layers, IAM). */
    private static final Set<String> SAM_NOT_JUDGED = Set.of("AWS::Serverless::Api", "AWS::Serverless::HttpApi",
            "AWS::Serverless::SimpleTable", "AWS::Serverless::StateMachine", "AWS::Serverless::LayerVersion",
            "AWS::Serverless::Connector", "AWS::Serverless::GraphQLApi");

    private Transforms() {}

    /** The transforms a template names: {@code Transform} as a string, a list, or {@code {Name: ...}} entries. */
    static List<String> of(TemplateFile template) {
        Object t = template.body().get("Transform");
        List<String> out = new ArrayList<>();
        for (Object o : t instanceof List<?> l ? l : t == null ? List.of() : List.of(t)) {
            out.add(o instanceof Map<?, ?> m && m.get("Name") != null ? String.valueOf(m.get("Name")) : String.valueOf(o));
        }
        return out;
    }

    /** Records the transforms of a stack's template other than SAM as leaving every mapped type unknown. */
    static void check(Stack stack, String file, Mapped out) {
        for (String transform : of(stack.template())) {
            if (transform.startsWith(SECRETS_MANAGER)) {
                // it turns each RotationSchedule's HostedRotationLambda into a rotation function (a nested SAM
                // application) at deploy: only Lambda functions are added, and they are not in the template
                out.errors.add(notMapped(out, "template:Transform", file + ":1: Transform " + transform + " creates"
                        + " the hosted rotation functions of the RotationSchedule resources at deploy: Lambda functions"
                        + " are judged by the scan after deploy", List.of(ResourceTypes.LAMBDA_FUNCTION)));
            } else if (!transform.equals(SAM)) {
                out.errors.add(notMapped(out, "template:Transform", file + ":1: Transform " + transform + " (a macro"
                        + " or transform other than " + SAM + ") rewrites the template at deploy and its output is not"
                        + " read here: the stack's resources are judged by the scan after deploy", judged()));
            }
        }
    }

    /** The SAM resources that may create judged resources this mapping does not read. */
    static void serverless(List<Declared> all, Mapped out) {
        Set<String> seen = new TreeSet<>();
        for (Declared d : all) {
            if (d.type().startsWith("AWS::Serverless::") && !d.type().equals(SAM_FUNCTION)
                    && !SAM_NOT_JUDGED.contains(d.type()) && seen.add(d.type())) {
                out.errors.add(notMapped(out, "template:" + d.type(), d.file() + ":" + d.line() + ": " + d.type() + " "
                        + d.logicalId() + " and the stack's other " + d.type() + " resources are not read from"
                        + " templates: what they create is judged by the scan after deploy", judged()));
            }
        }
    }

    /** Every inventory type a template fills. */
    private static List<String> judged() {
        return List.copyOf(new TreeSet<>(TemplateSource.MAPPED.values()));
    }

    private static CollectionError notMapped(Mapped out, String operation, String message, List<String> types) {
        return new CollectionError("template", Optional.of(out.account), Optional.of(out.region), Optional.empty(),
                operation, types, "NotMapped", message, Optional.empty(), List.of());
    }

    /**
     * The properties of a SAM function with the template's {@code Globals.Function} merged in, before intrinsics are
     * resolved; every other resource's properties as they are.
     */
    static Object withGlobals(TemplateFile template, String type, Object properties) {
        if (!type.equals(SAM_FUNCTION) || !(template.section("Globals").get("Function") instanceof Map<?, ?> globals)) {
            return properties;
        }
        return merge(globals, properties instanceof Map<?, ?> m ? m : Map.of());
    }

    private static Object merge(Object global, Object local) {
        if (global instanceof Map<?, ?> g && local instanceof Map<?, ?> l && !intrinsic(g) && !intrinsic(l)) {
            Map<String, Object> out = new LinkedHashMap<>();
            g.forEach((k, v) -> out.put(String.valueOf(k), v));
            l.forEach((k, v) -> out.merge(String.valueOf(k), v, Transforms::merge));
            return out;
        }
        if (global instanceof List<?> g && local instanceof List<?> l) {
            List<Object> out = new ArrayList<>(g);
            out.addAll(l);
            return out;
        }
        return local;
    }

    /** {@code {"Ref": ...}} or {@code {"Fn::...": ...}}: a value, not a map to merge into. */
    private static boolean intrinsic(Map<?, ?> m) {
        return m.size() == 1 && m.keySet().iterator().next() instanceof String k && (k.equals("Ref") || k.startsWith("Fn::"));
    }
}
