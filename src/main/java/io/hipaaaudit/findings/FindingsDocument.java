package io.hipaaaudit.findings;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.hipaaaudit.inventory.Nulls;
import io.hipaaaudit.json.InputException;
import io.hipaaaudit.json.InputFiles;
import io.hipaaaudit.json.Json;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * findings.json: the canonical result every reporter, the gate and the history read. {@code tags}: the tags of
 * the judged resources that have any, by {@link ResourceRef#uid()}, for the formats that carry them (OCSF labels,
 * ASFF resource tags); not part of the scan's identity.
 */
public record FindingsDocument(ScanInfo scan, List<Finding> findings,
                               @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Map<String, String>> tags) {
    public FindingsDocument {
        findings = Nulls.list(findings);
        tags = tags == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(tags));
    }

    public FindingsDocument(ScanInfo scan, List<Finding> findings) {
        this(scan, findings, Map.of());
    }

    /** This document with the tags of these resources (those of resources without findings are left out). */
    public FindingsDocument withTags(Map<ResourceRef, Map<String, String>> byResource) {
        java.util.Set<String> judged = new java.util.HashSet<>();
        findings.forEach(f -> judged.add(f.resource().uid()));
        Map<String, Map<String, String>> out = new TreeMap<>();
        byResource.forEach((ref, t) -> {
            if (!t.isEmpty() && judged.contains(ref.uid())) {
                out.put(ref.uid(), new TreeMap<>(t));
            }
        });
        return new FindingsDocument(scan, findings, out);
    }

    /** The tags of this finding's resource, empty when it has none or they were not recorded. */
    public Map<String, String> tagsOf(ResourceRef resource) {
        return tags.getOrDefault(resource.uid(), Map.of());
    }

    public String toJson() {
        return Json.write(this);
    }

    public static FindingsDocument read(Path file) {
        String text = InputFiles.readString(file, InputFiles.Kind.FINDINGS);
        try {
            return Json.json().readValue(text, FindingsDocument.class);
        } catch (JsonProcessingException e) {
            throw InputException.of(file.toString(), e);
        }
    }
}
