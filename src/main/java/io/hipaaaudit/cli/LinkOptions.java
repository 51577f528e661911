package io.hipaaaudit.cli;

import java.net.URI;
import java.util.Optional;
import picocli.CommandLine.Option;

/** What SARIF keeps and where the reports link, the same on {@code scan} and {@code report}. */
final class LinkOptions {
    @Option(names = "--sarif-include-waived",
            description = "Keep WAIVED findings in hipaa-audit.sarif as suppressed results (GitHub code scanning "
                    + "ignores suppressions in uploads and would show them as open alerts, so by default they are left out).")
    boolean sarifIncludeWaived;

    @Option(names = "--docs-url", paramLabel = "URL", converter = DocsUrlConverter.class,
            description = "Where this version's repository files are published (a folder URL, e.g. "
                    + "https://github.com/acme/hipaa-audit/blob/v1.4.0/): SARIF links the tool and each bundled rule's "
                    + "file there, and ASFF a bundled rule's finding for remediation; without it a rule's help link is "
                    + "the eCFR text of its first citation.")
    URI docsUrl;

    Optional<URI> docsUrl() {
        return Optional.ofNullable(docsUrl);
    }
}
