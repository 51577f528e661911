package io.hipaaaudit.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.hipaaaudit.json.InputException;
import io.hipaaaudit.json.InputFiles;
import io.hipaaaudit.json.Json;
import io.hipaaaudit.rules.ParamOverrides;
import io.hipaaaudit.rules.RulePack;
import java.nio.file.Path;

/**
 * Reads hipaa-audit.yaml in three steps, each failing with {@code file:line: what was expected}: YAML syntax,
 * the published JSON schema (unknown keys, wrong types, bad dates, missing required keys), then strict binding to
 * records. Checks that need the rule pack (rule ids, parameter names) are in {@link Loaded#applyParams}.
 */
public final class ConfigLoader {
    private static final ObjectMapper MAPPER = Json.yaml().copy()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    private ConfigLoader() {}

    /** A loaded configuration and the source its values came from (for errors found later). */
    public record Loaded(ConfigSource source, HipaaAuditConfig config) {
        /** The pack with the configuration's parameter overrides merged in; unknown rules or params are errors. */
        public RulePack applyParams(RulePack pack) {
            return ParamOverrides.apply(pack, config.params(), source::error);
        }
    }

    public static Loaded load(Path file) {
        return parse(file.toString(), InputFiles.readString(file, InputFiles.Kind.CONFIG));
    }

    public static Loaded parse(String origin, String text) {
        ConfigSource source = new ConfigSource(origin, text);
        JsonNode tree;
        try {
            tree = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw InputException.of(origin, e);
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            tree = JsonNodeFactory.instance.objectNode();
        }
        SchemaCheck.validate(tree, source);
        try {
            HipaaAuditConfig config = tree.isEmpty() ? HipaaAuditConfig.empty()
                    : MAPPER.readValue(text, HipaaAuditConfig.class);
            config = config == null ? HipaaAuditConfig.empty() : config;
            if (config.history().map(h -> HistoryUrls.carriesPassword(h.url())).orElse(false)) {
                throw source.error(java.util.List.of("history", "url"), "history.url: must not carry a password; "
                        + "the history password comes from " + HistoryUrls.PASSWORD_ENV);
            }
            return new Loaded(source, config);
        } catch (JsonProcessingException e) {
            throw InputException.of(origin, e, MAPPER.getFactory(), text);
        }
    }
}
