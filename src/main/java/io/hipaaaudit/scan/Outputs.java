package io.hipaaaudit.scan;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The report formats written to {@code dir} (see {@code Reporters.formats()}); none writes no file.
 * {@code sarifIncludeWaived} keeps WAIVED findings in the SARIF file as suppressed results; {@code docsUrl} is
 * where this version's repository files are published, for SARIF's tool and rule links.
 */
public record Outputs(List<String> formats, Path dir, boolean sarifIncludeWaived, Optional<URI> docsUrl) {
    public Outputs {
        formats = List.copyOf(formats);
        docsUrl = docsUrl == null ? Optional.empty() : docsUrl;
    }

    public Outputs(List<String> formats, Path dir, boolean sarifIncludeWaived) {
        this(formats, dir, sarifIncludeWaived, Optional.empty());
    }

    public Outputs(List<String> formats, Path dir) {
        this(formats, dir, false);
    }

    public static Outputs none() {
        return new Outputs(List.of(), Path.of("reports"));
    }
}
