package io.hipaaaudit.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hipaaaudit.json.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ocsf.json against the official OCSF schema of the version its events declare. */
class OcsfSchemaTest {
    @TempDir
    Path dir;

    @Test
    void everyEventIsAValidComplianceFindingOfTheDeclaredVersion() throws Exception {
        List<JsonNode> events = events(SecurityReportFixtures.input("scan-1", SecurityReportFixtures.everyKind()));
        assertThat(events).isNotEmpty();
        for (JsonNode e : events) {
            assertThat(OcsfSchema.load(OcsfEvent.VERSION).validate(e, OcsfEvent.CLASS_PATH))
                    .as(e.at("/finding_info/uid").asText()).isEmpty();
        }
    }

    @Test
    void theValidatorRejectsWhatTheSchemaDoesNotAllow() throws Exception {
        OcsfSchema schema = OcsfSchema.load(OcsfEvent.VERSION);
        JsonNode valid = events(SecurityReportFixtures.input("scan-1", SecurityReportFixtures.everyKind())).get(0);

        ObjectNode unknown = valid.deepCopy();
        unknown.put("resourcez", "x");
        assertThat(schema.validate(unknown, OcsfEvent.CLASS_PATH)).contains("resourcez: not an attribute here");

        ObjectNode deprecated = valid.deepCopy();
        deprecated.set("resource", valid.at("/resources/0"));
        assertThat(schema.validate(deprecated, OcsfEvent.CLASS_PATH)).contains("resource: deprecated since 1.3.0");

        ObjectNode missing = valid.deepCopy();
        missing.remove("finding_info");
        ((ObjectNode) missing.get("compliance")).remove("standards");
        assertThat(schema.validate(missing, OcsfEvent.CLASS_PATH))
                .contains("finding_info: required, missing", "compliance.standards: required, missing");

        ObjectNode badEnum = valid.deepCopy();
        badEnum.put("severity_id", 7);
        ((ObjectNode) badEnum.get("compliance")).put("status", "Passed");
        assertThat(schema.validate(badEnum, OcsfEvent.CLASS_PATH)).anyMatch(m -> m.startsWith("severity_id: 7 is not one of"))
                .contains("compliance.status_id: its status 'Passed' is not 'Fail'");

        ObjectNode badType = valid.deepCopy();
        badType.put("time", "2026-01-01");
        ((ObjectNode) badType.at("/resources/0")).put("labels", "a");
        assertThat(schema.validate(badType, OcsfEvent.CLASS_PATH))
                .contains("time: STRING is not a timestamp_t", "resources[0].labels: must be an array");

        ObjectNode noProfile = valid.deepCopy();
        ((ObjectNode) noProfile.get("metadata")).remove("profiles");
        assertThat(schema.validate(noProfile, OcsfEvent.CLASS_PATH)).contains("cloud: not an attribute here without profile cloud");

        ObjectNode wrongType = valid.deepCopy();
        wrongType.put("type_uid", 200302);
        ((ObjectNode) wrongType.get("metadata")).put("version", "1.1.0");
        assertThat(schema.validate(wrongType, OcsfEvent.CLASS_PATH))
                .contains("type_uid: 200302 is not class_uid * 100 + activity_id", "metadata.version: \"1.1.0\" is not 1.3.0");
    }

    private List<JsonNode> events(ReportInput input) throws Exception {
        new OcsfReporter().write(input, dir);
        List<JsonNode> out = new ArrayList<>();
        Json.json().readTree(dir.resolve(OcsfReporter.FILE).toFile()).forEach(out::add);
        return out;
    }
}
