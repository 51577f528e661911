package io.hipaaaudit.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.hipaaaudit.json.InputException;
import io.hipaaaudit.json.InputFiles;
import io.hipaaaudit.json.Json;
import java.nio.file.Path;

/**
 * Reads a policy YAML file strictly: unknown keys, duplicate keys, unknown privileges and table patterns without
 * a schema are {@link InputException}s of the form {@code file:line[:column]: what is wrong}.
 */
public final class PolicyLoader {
    private PolicyLoader() {}

    public static DbPolicy load(Path file) {
        return parse(InputFiles.readString(file, InputFiles.Kind.DB_POLICY), file.toString());
    }

    public static DbPolicy parse(String yaml, String origin) {
        if (yaml.isBlank()) {
            throw new InputException(origin + ":1: the database policy is empty");
        }
        DbPolicy policy;
        try {
            policy = Json.yaml().readValue(yaml, DbPolicy.class);
        } catch (JsonProcessingException e) {
            throw InputException.atValue(origin, e, Json.yaml().getFactory(), yaml);
        }
        if (policy == null) {
            throw new InputException(origin + ":1: the database policy is empty");
        }
        return policy;
    }

    /** The policy embedded in the configuration file as {@code databases.policy}. */
    public static DbPolicy fromTree(com.fasterxml.jackson.databind.JsonNode tree, String origin) {
        try {
            return Json.yaml().treeToValue(tree, DbPolicy.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            String what = e instanceof JsonProcessingException j ? InputException.of("", j).getMessage() : e.getMessage();
            throw new InputException(origin + ": databases.policy" + what.replaceFirst("^:\\s*", ": "));
        }
    }
}
