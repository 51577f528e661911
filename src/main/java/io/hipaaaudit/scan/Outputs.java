package io.hipaaaudit.scan;

import java.nio.file.Path;
import java.util.List;

/**
 * The report formats written to {@code dir} (see {@code Reporters.formats()}); none writes no file.
 * {@code sarifIncludeWaived} keeps WAIVED findings in the SARIF file as suppressed results.
 */
public record Outputs(List<String> formats, Path dir, boolean sarifIncludeWaived) {
    public Outputs {
        formats = List.copyOf(formats);
    }

    public Outputs(List<String> formats, Path dir) {
        this(formats, dir, false);
    }

    public static Outputs none() {
        return new Outputs(List.of(), Path.of("reports"));
    }
}
