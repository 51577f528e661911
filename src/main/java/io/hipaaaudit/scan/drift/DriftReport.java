package io.hipaaaudit.scan.drift;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.hipaaaudit.json.InputException;
import io.hipaaaudit.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * drift.json: which scans were compared, the counts, and the lines — {@code drift} (verdict-changed, planned-only,
 * deployed-only), {@code notAssessed} and {@code notPaired}, each sorted by stack, logical id, type, deployed id
 * and rule. The shape is documented in docs/pre-deploy.md.
 */
@JsonPropertyOrder({"planned", "deployed", "summary", "drift", "notAssessed", "notPaired"})
public record DriftReport(Sides.Side planned, Sides.Side deployed, Summary summary, List<DriftRow> drift, List<DriftRow> notAssessed,
                          List<DriftRow> notPaired) {
    public DriftReport {
        drift = List.copyOf(drift);
        notAssessed = List.copyOf(notAssessed);
        notPaired = List.copyOf(notPaired);
    }

    /**
     * The counts.
     *
     * @param verdictChanged      rules whose verdict differs on a paired resource
     * @param plannedOnly         resources declared and not deployed
     * @param deployedOnly        resources tagged with a planned stack and not declared
     * @param notAssessed         comparisons left NOT_ASSESSED on a side
     * @param notPaired           resources that could not be paired
     * @param pairedResources     resources paired
     * @param agreeing            rules with the same verdict on both sides of a pair
     * @param judgedAfterDeploy   rules the template cannot judge before deploy, not compared
     */
    @JsonPropertyOrder({"verdictChanged", "plannedOnly", "deployedOnly", "notAssessed", "notPaired",
            "pairedResources", "agreeing", "judgedAfterDeploy"})
    public record Summary(int verdictChanged, int plannedOnly, int deployedOnly, int notAssessed, int notPaired,
                          int pairedResources, int agreeing, int judgedAfterDeploy) {
        public int drift() {
            return verdictChanged + plannedOnly + deployedOnly;
        }
    }

    public boolean hasDrift() {
        return !drift.isEmpty();
    }

    public String json() {
        try {
            return Json.json().writerWithDefaultPrettyPrinter().writeValueAsString(this) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the drift report", e);
        }
    }

    public void write(Path file) {
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            Files.writeString(file, json(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InputException(file + ": cannot write the drift report: " + e.getMessage());
        }
    }
}
