package io.hipaaaudit.report.html;

import java.util.List;

/** The findings section's grouping: by area, then by rule; and the resource index that links back to findings. */
public final class Groups {
    private Groups() {}

    /** An area with its counts and its rules, each with its findings. */
    public record AreaGroup(String area, List<StatusCount> counts, List<RuleGroup> rules) {
        public AreaGroup {
            counts = List.copyOf(counts);
            rules = List.copyOf(rules);
        }

        public long total() {
            return rules.stream().mapToLong(r -> r.findings().size()).sum();
        }
    }

    /** A rule's findings; {@code remediation} is the one its findings share (most often all of them). */
    public record RuleGroup(String ruleId, String title, String severity, List<String> hipaa, String rationale,
                            String remediation, List<FindingRow> findings) {
        public RuleGroup {
            hipaa = List.copyOf(hipaa);
            findings = List.copyOf(findings);
        }
    }

    /** One resource and the verdicts of every rule on it. */
    public record ResourceGroup(String type, String id, String arn, String account, String region,
                                List<ResourceLink> findings) {
        public ResourceGroup {
            findings = List.copyOf(findings);
        }
    }

    /** A link from the resource index to a finding's anchor. */
    public record ResourceLink(String anchor, String ruleId, StatusCount status) {}
}
