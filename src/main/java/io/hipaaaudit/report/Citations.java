package io.hipaaaudit.report;

import java.net.URI;
import java.util.Optional;

/** Where a report links a rule: the eCFR text of a citation, and a bundled rule's file where the docs are published. */
final class Citations {
    private static final String ECFR = "https://www.ecfr.gov/current/title-45/section-";

    private Citations() {}

    /** The section of a citation: {@code 164.312} of {@code 164.312(a)(2)(iv)}. */
    static String section(String citation) {
        int paren = citation.indexOf('(');
        return paren < 0 ? citation : citation.substring(0, paren);
    }

    /** The citation's paragraph in the eCFR: {@code .../section-164.312#p-164.312(a)(2)(iv)}. */
    static String ecfr(String citation) {
        return ECFR + section(citation) + "#p-" + citation;
    }

    /** A bundled rule's file ({@code rules/<area>/<id>/rule.yaml}) under the published docs folder, if both known. */
    static Optional<String> ruleFile(String source, Optional<URI> docsUrl) {
        return docsUrl.filter(u -> source.startsWith("rules/")).map(u -> u.resolve(source).toString());
    }
}
