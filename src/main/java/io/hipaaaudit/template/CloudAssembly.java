package io.hipaaaudit.template;

import com.fasterxml.jackson.databind.JsonNode;
import io.hipaaaudit.json.InputException;
import io.hipaaaudit.json.InputFiles;
import io.hipaaaudit.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code cdk.out} cloud assembly: every artifact of type {@code aws:cloudformation:stack} in its
 * {@code manifest.json}, with its template file and, when the stack is bound to one, its environment's account and
 * region ({@code aws://123456789012/us-east-1}; CDK writes {@code unknown-account} / {@code unknown-region} for an
 * environment-agnostic stack). Nested assemblies ({@code cdk:cloud-assembly}, CDK stages) are followed.
 */
final class CloudAssembly {
    private CloudAssembly() {}

    static List<Stack> stacks(Path dir, Map<String, Object> parameters, Optional<String> region,
                              Optional<String> account) {
        Path manifest = dir.resolve("manifest.json");
        if (!Files.isRegularFile(manifest)) {
            throw new InputException(dir + ": not a cdk.out directory (no manifest.json); give a template file "
                    + "or run cdk synth first");
        }
        JsonNode root;
        try {
            root = Json.json().readTree(InputFiles.readString(manifest, InputFiles.Kind.TEMPLATE));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw InputException.of(manifest.toString(), e);
        }
        List<Stack> out = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> artifacts = root.path("artifacts").fields();
        while (artifacts.hasNext()) {
            Map.Entry<String, JsonNode> a = artifacts.next();
            JsonNode art = a.getValue();
            String type = art.path("type").asText();
            if (type.equals("cdk:cloud-assembly")) {
                String sub = art.path("properties").path("directoryName").asText();
                if (!sub.isEmpty()) {
                    out.addAll(stacks(dir.resolve(sub), parameters, region, account));
                }
                continue;
            }
            if (!type.equals("aws:cloudformation:stack")) {
                continue;
            }
            String file = art.path("properties").path("templateFile").asText();
            if (file.isEmpty()) {
                throw new InputException(manifest + ": stack " + a.getKey() + " names no templateFile");
            }
            String name = art.path("properties").path("stackName").asText(a.getKey());
            String[] env = art.path("environment").asText("").replaceFirst("^aws://", "").split("/", 2);
            Optional<String> envAccount = env.length == 2 && env[0].matches("\\d{12}") ? Optional.of(env[0])
                    : Optional.empty();
            Optional<String> envRegion = env.length == 2 && !env[1].startsWith("unknown") && !env[1].isEmpty()
                    ? Optional.of(env[1]) : Optional.empty();
            out.add(new Stack(name, TemplateReader.read(dir.resolve(file)), parameters, region.or(() -> envRegion),
                    account.or(() -> envAccount), name));
        }
        if (out.isEmpty()) {
            throw new InputException(manifest + ": the assembly holds no CloudFormation stack");
        }
        return out;
    }
}
