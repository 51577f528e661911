package io.hipaaaudit.template;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.hipaaaudit.json.InputException;
import io.hipaaaudit.json.InputFiles;
import io.hipaaaudit.json.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a CloudFormation template, JSON or YAML, token by token with the project's Jackson parsers. A YAML tag
 * ({@code !Ref}, {@code !GetAtt}, {@code !Sub} ...) is read from the parser ({@link JsonParser#getTypeId()} gives the
 * tag of the node just started) and turned into the long form CloudFormation defines for it, so the rest of the
 * package sees one shape. The line of every logical id key under {@code Resources} is kept.
 */
public final class TemplateReader {
    /** The short forms CloudFormation accepts; {@code !Ref} and {@code !Condition} have no {@code Fn::} prefix. */
    private static final Set<String> FUNCTIONS = Set.of("Base64", "Cidr", "FindInMap", "GetAtt", "GetAZs",
            "ImportValue", "Join", "Select", "Split", "Sub", "Transform", "If", "Equals", "Not", "And", "Or",
            "Length", "ToJsonString");

    private TemplateReader() {}

    public static TemplateFile read(Path file) {
        String text = InputFiles.readString(file, InputFiles.Kind.TEMPLATE);
        boolean json = text.stripLeading().startsWith("{");
        try (JsonParser p = (json ? Json.json() : Json.yaml()).getFactory().createParser(text)) {
            Map<String, Integer> lines = new HashMap<>();
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new InputException(file + ":" + line(p) + ": a template is a mapping with a Resources section");
            }
            Object body = value(p, file, 0, false, lines);
            if (p.nextToken() != null) {
                throw new InputException(file + ":" + line(p) + ": more than one document in the template");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) body;
            if (!(map.get("Resources") instanceof Map<?, ?>)) {
                throw new InputException(file + ":1: the template has no Resources section");
            }
            return new TemplateFile(file, map, lines);
        } catch (JsonProcessingException e) {
            throw InputException.of(file.toString(), e);
        } catch (IOException e) {
            throw new InputException(file + ": cannot read the template: " + e.getMessage());
        }
    }

    /** The value starting at the current token; {@code depth} 1 is a top-level section, 2 its entries. */
    private static Object value(JsonParser p, Path file, int depth, boolean inResources, Map<String, Integer> lines)
            throws IOException {
        Object typeId = p.canReadTypeId() ? p.getTypeId() : null;
        String tag = typeId == null ? null : typeId.toString();
        Object v = switch (p.currentToken()) {
            case START_OBJECT -> {
                Map<String, Object> m = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    if (inResources) {
                        lines.put(key, line(p));
                    }
                    p.nextToken();
                    if (m.put(key, value(p, file, depth + 1, depth == 0 && key.equals("Resources"), lines)) != null) {
                        throw new InputException(file + ":" + line(p) + ": duplicate key '" + key + "'");
                    }
                }
                yield m;
            }
            case START_ARRAY -> {
                List<Object> l = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    l.add(value(p, file, depth + 1, false, lines));
                }
                yield l;
            }
            case VALUE_STRING -> p.getText();
            case VALUE_NUMBER_INT -> p.getLongValue();
            case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> throw new InputException(file + ":" + line(p) + ": unexpected " + p.currentToken());
        };
        return tag == null ? v : tagged(tag, v, file, line(p));
    }

    private static Object tagged(String tag, Object v, Path file, int line) {
        String name = tag.startsWith("!") ? tag.substring(1) : tag;
        if (name.equals("Ref") || name.equals("Condition")) {
            return Map.of(name, v == null ? "" : v);
        }
        if (name.equals("GetAtt") && v instanceof String s) {
            // the short form !GetAtt Resource.Attribute; the attribute itself may contain dots
            int dot = s.indexOf('.');
            if (dot < 0) {
                throw new InputException(file + ":" + line + ": !GetAtt " + s + " needs Resource.Attribute");
            }
            return Map.of("Fn::GetAtt", List.of(s.substring(0, dot), s.substring(dot + 1)));
        }
        if (FUNCTIONS.contains(name)) {
            return Map.of("Fn::" + name, v == null ? "" : v);
        }
        if (name.startsWith("tag:yaml.org,2002:") || name.equals("str") || name.equals("int") || name.equals("bool")) {
            return v;
        }
        throw new InputException(file + ":" + line + ": unknown tag !" + name);
    }

    private static int line(JsonParser p) {
        var loc = p.currentTokenLocation();
        return loc == null ? 0 : Math.max(loc.getLineNr(), 0);
    }
}
