package io.hipaaaudit.report.html;

import java.util.List;

/**
 * One specification of the framework file in the HIPAA view: what it is, the verdict rolled up from the findings of
 * the rules that cite it, and what an auditor still has to see when the scan cannot (or can only partly) evidence it.
 */
public record SpecRow(String citation, String safeguard, String standard, String title, String requirement,
                      String evidence, Verdict verdict, List<StatusCount> counts, List<String> rules,
                      List<String> rulesWithoutFindings, String attestation) {
    public SpecRow {
        counts = List.copyOf(counts);
        rules = List.copyOf(rules);
        rulesWithoutFindings = List.copyOf(rulesWithoutFindings);
    }

    public boolean partial() {
        return "partial".equals(evidence);
    }

    /** The rolled-up verdict of a specification. */
    public enum Verdict {
        FAIL("fail", "st-fail"),
        NOT_ASSESSED("not assessed", "st-not-assessed"),
        PASS("pass", "st-pass"),
        WAIVED("waived", "st-waived"),
        NOT_APPLICABLE("not applicable", "st-not-applicable"),
        MANUAL("manual: needs attestation", "st-manual");

        private final String label;
        private final String css;

        Verdict(String label, String css) {
            this.label = label;
            this.css = css;
        }

        public String label() {
            return label;
        }

        public String css() {
            return css;
        }
    }
}
