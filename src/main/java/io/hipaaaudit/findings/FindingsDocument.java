package io.hipaaaudit.findings;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.hipaaaudit.inventory.Nulls;
import io.hipaaaudit.json.InputException;
import io.hipaaaudit.json.InputFiles;
import io.hipaaaudit.json.Json;
import java.nio.file.Path;
import java.util.List;

/** findings.json: the canonical result every reporter, the gate and the history read. */
public record FindingsDocument(ScanInfo scan, List<Finding> findings) {
    public FindingsDocument {
        findings = Nulls.list(findings);
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
