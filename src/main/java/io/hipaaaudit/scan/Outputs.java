package io.hipaaaudit.scan;

import java.nio.file.Path;
import java.util.List;

/** The report formats written to {@code dir} (see {@code Reporters.formats()}); none writes no file. */
public record Outputs(List<String> formats, Path dir) {
    public Outputs {
        formats = List.copyOf(formats);
    }

    public static Outputs none() {
        return new Outputs(List.of(), Path.of("reports"));
    }
}
