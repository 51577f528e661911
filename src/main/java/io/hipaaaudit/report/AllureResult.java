package io.hipaaaudit.report;

import io.qameta.allure.model.Attachment;
import io.qameta.allure.model.Label;
import io.qameta.allure.model.Link;
import io.qameta.allure.model.Parameter;
import io.qameta.allure.model.Stage;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.StatusDetails;
import io.qameta.allure.model.TestResult;
import io.qameta.allure.util.ResultsUtils;
import io.hipaaaudit.findings.Finding;
import io.hipaaaudit.findings.ResourceRef;
import io.hipaaaudit.findings.ScanInfo;
import io.hipaaaudit.rules.Framework;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One finding as an Allure test result: Behaviors tree by HIPAA safeguard (epic), standard (feature) and rule (story),
 * one of each per result so that Allure's counts are counts of findings; the safeguard and standard are those of the
 * rule's first citation, and every citation is a tag and a link to its paragraph in the eCFR. Suites by area, rule
 * and account/region. Ids are name-based: {@code historyId}/{@code testCaseId} from rule and
 * resource (so Allure's history and trend follow the resource across scans), {@code uuid} from those and the scan
 * id (so two scans' results can share a folder, and the same scan always gives the same files).
 */
final class AllureResult {
    private AllureResult() {}

    static TestResult of(Finding f, ScanInfo scan, Framework framework, Optional<Long> start, Optional<Long> stop) {
        ResourceRef r = f.resource();
        String identity = FindingIdentity.of(f).toString();
        String uuid = FindingIdentity.uuid(scan.id(), identity).toString();
        TestResult t = new TestResult()
                .setUuid(uuid)
                .setTestCaseId(identity)
                .setHistoryId(ResultsUtils.md5(identity))
                .setName(f.title() + " [" + r.id() + "]")
                .setFullName(f.ruleId() + "/" + r.account() + "/" + r.region() + "/" + r.type() + "/" + r.id())
                .setDescription(fenced(f.message()) + "\n\nRemediation:\n\n" + fenced(f.remediation()))
                .setStatus(status(f))
                .setStatusDetails(new StatusDetails().setMessage(statusMessage(f)))
                .setStage(Stage.FINISHED)
                .setLabels(labels(f, scan, framework))
                .setLinks(links(f))
                .setParameters(List.of(param("account", r.account()), param("region", r.region()),
                        param("resource type", r.type()), param("resource", r.uid())));
        start.ifPresent(t::setStart);
        stop.ifPresent(t::setStop);
        return t;
    }

    /** The evidence attachment's file name: derived from the result's uuid, not random. */
    static Attachment evidence(TestResult t) {
        return new Attachment().setName("evidence").setType("application/json")
                .setSource(t.getUuid() + "-attachment.json");
    }

    static Status status(Finding f) {
        return switch (f.status()) {
            case PASS -> Status.PASSED;
            case FAIL -> Status.FAILED;
            case NOT_ASSESSED -> Status.BROKEN;
            case NOT_APPLICABLE, WAIVED -> Status.SKIPPED;
        };
    }

    /**
     * Allure's severity names where they mean the same (critical is critical); Allure has no "high", so high and
     * medium are its middle level. The exact severity is also a tag ({@code severity:high}).
     */
    static String severity(Finding f) {
        return switch (f.severity()) {
            case CRITICAL -> "critical";
            case HIGH, MEDIUM -> "normal";
            case LOW -> "minor";
            case INFO -> "trivial";
        };
    }

    private static String statusMessage(Finding f) {
        return switch (f.status()) {
            case WAIVED -> f.waiver().map(w -> "Waived by " + w.id() + " (approved by " + w.approvedBy()
                    + ", expires " + w.expires() + "): " + w.justification() + "\n").orElse("Waived\n") + f.message();
            case NOT_ASSESSED -> "Not assessed: " + f.message();
            default -> f.message();
        };
    }

    private static List<Label> labels(Finding f, ScanInfo scan, Framework framework) {
        List<Label> labels = new ArrayList<>();
        // one epic and one feature: several would count the result once under each
        f.hipaa().stream().map(framework::find).flatMap(Optional::stream).findFirst().ifPresent(s -> {
            labels.add(ResultsUtils.createEpicLabel(s.safeguard() + " safeguards"));
            labels.add(ResultsUtils.createFeatureLabel(s.section() + " " + s.standard()));
        });
        labels.add(ResultsUtils.createStoryLabel(f.ruleId() + ": " + f.title()));
        labels.add(ResultsUtils.createSeverityLabel(severity(f)));
        labels.add(ResultsUtils.createTagLabel("severity:" + f.severity().name().toLowerCase(java.util.Locale.ROOT)));
        f.hipaa().forEach(c -> labels.add(ResultsUtils.createTagLabel("HIPAA " + c)));
        labels.add(ResultsUtils.createParentSuiteLabel(f.area()));
        labels.add(ResultsUtils.createSuiteLabel(f.ruleId()));
        labels.add(ResultsUtils.createSubSuiteLabel(f.resource().account() + "/" + f.resource().region()));
        labels.add(ResultsUtils.createFrameworkLabel("hipaa-audit"));
        if (!scan.environment().isEmpty()) {
            labels.add(ResultsUtils.createTagLabel(scan.environment()));
        }
        return labels;
    }

    /** Each citation's paragraph in the eCFR, e.g. {@code #p-164.312(a)(2)(iv)} on the page of section 164.312. */
    private static List<Link> links(Finding f) {
        return f.hipaa().stream().map(c -> new Link().setName("45 CFR " + c).setType("hipaa")
                .setUrl(Citations.ecfr(c))).toList();
    }

    private static Parameter param(String name, String value) {
        return new Parameter().setName(name).setValue(value);
    }

    /**
     * Allure renders a description as Markdown: text from the cloud goes into a fenced code block longer than any
     * run of backticks in it, so an image, link or heading in a tag value shows as text and loads nothing.
     */
    static String fenced(String text) {
        int longest = 0;
        int run = 0;
        for (char c : text.toCharArray()) {
            run = c == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(Math.max(3, longest + 1));
        return fence + "text\n" + text + "\n" + fence;
    }
}
