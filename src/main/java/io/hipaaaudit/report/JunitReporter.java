package io.hipaaaudit.report;

import io.hipaaaudit.findings.Finding;
import io.hipaaaudit.findings.FindingsDocument;
import io.hipaaaudit.findings.ScanInfo;
import io.hipaaaudit.findings.Status;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * junit.xml for the test tabs of CI systems (GitHub Actions test reporters, GitLab {@code artifacts:reports:junit},
 * Jenkins). One {@code <testsuite>} per rule area, one {@code <testcase>} per finding: classname
 * {@code hipaa-audit.<area>.<ruleId>}, name the resource id with account and region. FAIL is a {@code <failure>}
 * (type = severity), NOT_ASSESSED an {@code <error>} naming what could not be collected, NOT_APPLICABLE and WAIVED
 * are {@code <skipped>}, PASS a plain testcase. The shape is that of Ant's JUnit XML as Jenkins' junit-10.xsd
 * describes it (per-suite {@code <properties>} only; here the scan's header and each rule's HIPAA citations).
 *
 * <p>Written by hand rather than with a StAX writer, which passes characters XML 1.0 forbids (control characters
 * from hostile tag values) straight through and leaves line breaks in attributes to be normalised away: every
 * forbidden character becomes U+FFFD, and tab, line feed and carriage return in attributes are written as
 * character references so they survive parsing.
 */
final class JunitReporter implements Reporter {
    static final String FILE = "junit.xml";
    private static final String PREFIX = "hipaa-audit";

    @Override
    public String format() {
        return "junit";
    }

    @Override
    public List<Path> write(ReportInput input, Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        Files.writeString(file, render(input.findings()), StandardCharsets.UTF_8);
        return List.of(file);
    }

    static String render(FindingsDocument doc) {
        Map<String, List<Finding>> areas = FindingText.byArea(doc.findings());
        StringBuilder x = new StringBuilder();
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.append("<testsuites");
        attr(x, "name", PREFIX + " " + doc.scan().environment());
        attr(x, "tests", doc.findings().size());
        attr(x, "failures", count(doc.findings(), Status.FAIL));
        attr(x, "errors", count(doc.findings(), Status.NOT_ASSESSED));
        x.append(">\n");
        areas.forEach((area, findings) -> suite(x, doc.scan(), area, findings));
        x.append("</testsuites>\n");
        return x.toString();
    }

    private static void suite(StringBuilder x, ScanInfo scan, String area, List<Finding> findings) {
        x.append("  <testsuite");
        attr(x, "name", area);
        attr(x, "package", PREFIX + "." + area);
        attr(x, "tests", findings.size());
        attr(x, "failures", count(findings, Status.FAIL));
        attr(x, "errors", count(findings, Status.NOT_ASSESSED));
        attr(x, "skipped", count(findings, Status.NOT_APPLICABLE) + count(findings, Status.WAIVED));
        x.append(">\n    <properties>\n");
        properties(scan, findings).forEach((name, value) -> {
            x.append("      <property");
            attr(x, "name", name);
            attr(x, "value", value);
            x.append("/>\n");
        });
        x.append("    </properties>\n");
        findings.forEach(f -> testcase(x, f));
        x.append("  </testsuite>\n");
    }

    /** The scan header, then {@code hipaa.<ruleId>} = the rule's citations for every rule of the suite. */
    private static Map<String, String> properties(ScanInfo scan, List<Finding> findings) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("scan.id", scan.id());
        scan.startedAt().ifPresent(t -> p.put("scan.startedAt", t));
        scan.finishedAt().ifPresent(t -> p.put("scan.finishedAt", t));
        p.put("scan.environment", scan.environment());
        p.put("scan.accounts", String.join(",", scan.accounts()));
        p.put("scan.regions", String.join(",", scan.regions()));
        if (!scan.databases().isEmpty()) {
            p.put("scan.databases", String.join(",", scan.databases()));
        }
        p.put("tool.version", scan.version());
        p.put("rulePack.sha256", scan.rulePackSha256());
        findings.forEach(f -> p.putIfAbsent("hipaa." + f.ruleId(), String.join(", ", f.hipaa())));
        return p;
    }

    private static void testcase(StringBuilder x, Finding f) {
        x.append("    <testcase");
        attr(x, "classname", PREFIX + "." + f.area() + "." + f.ruleId());
        attr(x, "name", FindingText.resourceName(f.resource()));
        switch (f.status()) {
            case PASS -> x.append("/>\n");
            case FAIL -> child(x, "failure", f.message(), f.severity().label(), details(f, List.of()));
            case NOT_ASSESSED -> {
                List<String> causes = FindingText.notAssessedCauses(f);
                String message = causes.isEmpty() ? f.message() : f.message() + " — " + String.join("; ", causes);
                child(x, "error", message, "not-assessed", details(f, causes));
            }
            case NOT_APPLICABLE -> child(x, "skipped", f.message(), null, null);
            case WAIVED -> child(x, "skipped", FindingText.waiverText(f.waiver()), null,
                    "The waived failure: " + details(f, List.of()));
        }
    }

    /** The body of a failure or error: message, why it was not assessed, resource, citations, evidence, remediation. */
    private static String details(Finding f, List<String> causes) {
        StringBuilder b = new StringBuilder(f.message()).append("\n\n");
        if (!causes.isEmpty()) {
            b.append("Not assessed because:\n");
            causes.forEach(c -> b.append("  - ").append(c).append('\n'));
        }
        b.append("Rule: ").append(f.ruleId()).append(" — ").append(f.title()).append('\n');
        b.append("Severity: ").append(f.severity().label()).append('\n');
        b.append("Resource: ").append(f.resource().type()).append(' ').append(FindingText.locator(f.resource()))
                .append('\n');
        b.append("HIPAA: ").append(String.join(", ", f.hipaa())).append('\n');
        String evidence = FindingText.evidenceText(f.evidence(), "  ");
        if (!evidence.isEmpty()) {
            b.append("Evidence:\n").append(evidence).append('\n');
        }
        if (!f.remediation().isEmpty()) {
            b.append("Remediation:\n  ").append(f.remediation().replace("\n", "\n  ")).append('\n');
        }
        return b.toString();
    }

    private static void child(StringBuilder x, String element, String message, String type, String body) {
        x.append(">\n      <").append(element);
        attr(x, "message", message);
        if (type != null) {
            attr(x, "type", type);
        }
        if (body == null) {
            x.append("/>\n");
        } else {
            x.append('>');
            text(x, body);
            x.append("</").append(element).append(">\n");
        }
        x.append("    </testcase>\n");
    }

    private static long count(List<Finding> findings, Status status) {
        return findings.stream().filter(f -> f.status() == status).count();
    }

    private static void attr(StringBuilder x, String name, Object value) {
        x.append(' ').append(name).append("=\"");
        escape(x, String.valueOf(value), true);
        x.append('"');
    }

    private static void text(StringBuilder x, String value) {
        escape(x, value, false);
    }

    /**
     * Escapes markup characters and replaces what XML 1.0 does not allow ({@code Char ::= #x9 | #xA | #xD |
     * [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]}, so also unpaired surrogates) with U+FFFD.
     */
    static void escape(StringBuilder x, String s, boolean attribute) {
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int n = Character.charCount(cp);
            switch (cp) {
                case '&' -> x.append("&amp;");
                case '<' -> x.append("&lt;");
                case '>' -> x.append("&gt;");
                case '"' -> x.append(attribute ? "&quot;" : "\"");
                case '\r' -> x.append("&#13;");
                case '\t' -> x.append(attribute ? "&#9;" : "\t");
                case '\n' -> x.append(attribute ? "&#10;" : "\n");
                default -> {
                    if (FindingText.xmlChar(cp)) {
                        x.appendCodePoint(cp);
                    } else {
                        x.append('\uFFFD');
                    }
                }
            }
            i += n;
        }
    }
}
