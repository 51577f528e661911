package io.hipaaaudit.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.hipaaaudit.findings.Finding;
import io.hipaaaudit.findings.FindingsDocument;
import io.hipaaaudit.findings.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** junit.xml is valid against junit-10.xsd, counts what findings.json holds, and survives hostile strings. */
class JunitReporterTest {
    @TempDir
    Path dir;

    FindingsDocument doc;
    Path file;
    Document xml;

    @BeforeEach
    void write() throws Exception {
        doc = ReportFixtures.mixed();
        List<Path> written = Reporters.write(new ReportInput(doc, ReportFixtures.pack()), List.of("junit"), dir);
        file = dir.resolve("junit.xml");
        assertThat(written).containsExactly(file);
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        xml = f.newDocumentBuilder().parse(file.toFile());
    }

    @Test
    void isValidAgainstTheJunitSchema() throws IOException {
        assertThat(ReportSchemas.junitViolations(file)).isEmpty();
    }

    @Test
    void oneSuitePerAreaWhoseCountsAreTheFindings() {
        Map<String, List<Finding>> byArea = FindingText.byArea(doc.findings());
        List<Element> suites = children(xml.getDocumentElement(), "testsuite");
        assertThat(suites).extracting(s -> s.getAttribute("name"))
                .containsExactly("kms", "backup", "audit-logging", "db-privileges", "custom");
        for (Element suite : suites) {
            List<Finding> findings = byArea.get(suite.getAttribute("name"));
            List<Element> cases = children(suite, "testcase");
            assertThat(cases).hasSize(findings.size());
            assertThat(intAttr(suite, "tests")).isEqualTo(findings.size());
            assertThat(intAttr(suite, "failures")).isEqualTo(count(findings, Status.FAIL))
                    .isEqualTo(cases.stream().filter(c -> has(c, "failure")).count());
            assertThat(intAttr(suite, "errors")).isEqualTo(count(findings, Status.NOT_ASSESSED))
                    .isEqualTo(cases.stream().filter(c -> has(c, "error")).count());
            assertThat(intAttr(suite, "skipped"))
                    .isEqualTo(count(findings, Status.NOT_APPLICABLE) + count(findings, Status.WAIVED))
                    .isEqualTo(cases.stream().filter(c -> has(c, "skipped")).count());
        }
        Element root = xml.getDocumentElement();
        assertThat(intAttr(root, "tests")).isEqualTo(doc.findings().size());
        assertThat(intAttr(root, "failures")).isEqualTo(count(doc.findings(), Status.FAIL));
        assertThat(intAttr(root, "errors")).isEqualTo(count(doc.findings(), Status.NOT_ASSESSED));
    }

    @Test
    void oneTestcasePerFindingNamedByRuleAndResource() {
        Map<String, List<Finding>> byArea = FindingText.byArea(doc.findings());
        Set<String> seen = new HashSet<>();
        for (Element suite : children(xml.getDocumentElement(), "testsuite")) {
            List<Finding> findings = byArea.get(suite.getAttribute("name"));
            List<Element> cases = children(suite, "testcase");
            for (int i = 0; i < cases.size(); i++) {
                Finding f = findings.get(i);
                Element c = cases.get(i);
                assertThat(c.getAttribute("classname")).isEqualTo("hipaa-audit." + f.area() + "." + f.ruleId());
                assertThat(c.getAttribute("name")).startsWith(f.resource().id());
                assertThat(seen.add(c.getAttribute("classname") + " " + c.getAttribute("name")))
                        .as("unique testcase " + c.getAttribute("name")).isTrue();
                List<String> outcome = new ArrayList<>();
                for (Node n = c.getFirstChild(); n != null; n = n.getNextSibling()) {
                    if (n instanceof Element e) {
                        outcome.add(e.getTagName());
                    }
                }
                assertThat(outcome).as(f.status() + " " + f.ruleId()).containsExactlyElementsOf(switch (f.status()) {
                    case PASS -> List.of();
                    case FAIL -> List.of("failure");
                    case NOT_ASSESSED -> List.of("error");
                    case NOT_APPLICABLE, WAIVED -> List.of("skipped");
                });
            }
        }
        assertThat(seen).hasSize(doc.findings().size());
        assertThat(testcase("kms-key-rotation-enabled", "key-1 (111122223333/us-east-1)")).isNotNull();
        assertThat(testcase("kms-key-rotation-enabled", "key-1 (111122223333/eu-west-1)")).isNotNull();
        assertThat(testcase("kms-key-enabled", "*")).isNotNull();
    }

    @Test
    void aFailureCarriesMessageSeverityEvidenceAndRemediation() {
        Element failure = child(testcase("rds-instance-backup-retention", "healthapp-dev (111122223333/us-east-1)"),
                "failure");
        assertThat(failure.getAttribute("type")).isEqualTo("high");
        assertThat(failure.getAttribute("message")).isEqualTo("@healthapp-dev keeps automated backups for 0 day(s)");
        assertThat(failure.getTextContent())
                .contains("@healthapp-dev keeps automated backups for 0 day(s)")
                .contains("Evidence:\n  backupRetentionPeriod: 0")
                .contains("Remediation:\n  Fix rds-instance-backup-retention with `aws ... --id <id>` & check \"it\"")
                .contains("HIPAA: 164.308(a)(7)(ii)(A)")
                .contains("Resource: aws.rds.db_instance arn:aws:rds:us-east-1:111122223333:db:healthapp-dev");
    }

    @Test
    void notAssessedIsAnErrorNamingWhatFailed() {
        Element scope = child(testcase("vpc-flow-logs-for-database-vpcs", "* (111122223333/eu-west-1)"), "error");
        assertThat(scope.getAttribute("type")).isEqualTo("not-assessed");
        assertThat(scope.getAttribute("message"))
                .contains("ec2:DescribeVpcs failed (UnauthorizedOperation) in 111122223333/eu-west-1");
        assertThat(scope.getTextContent())
                .contains("Not assessed because:\n  - ec2:DescribeVpcs failed (UnauthorizedOperation) in "
                        + "111122223333/eu-west-1: You are not authorized to perform this operation.")
                .contains("collectionErrors:");
        Element eval = child(testcase("vpc-flow-logs-for-database-vpcs", "vpc-0abc (111122223333/us-east-1)"), "error");
        assertThat(eval.getTextContent()).contains("evaluation error: key 'flowLogs' is not present in map");
    }

    @Test
    void skippedSaysWhyAndAWaiverIsNamedInFull() {
        Element na = child(testcase("kms-key-enabled", "*"), "skipped");
        assertThat(na.getAttribute("message")).isEqualTo("no aws.kms.key in the scanned scope");
        Element waived = child(testcase("rds-instance-backup-retention", "healthapp-prod (111122223333/us-east-1)"),
                "skipped");
        assertThat(waived.getAttribute("message")).isEqualTo("waived by W-2026-007 (approved by ciso@example.com, "
                + "expires 2027-03-31): " + ReportFixtures.WAIVER.justification());
        assertThat(waived.getTextContent()).contains("-healthapp-prod keeps automated backups for 3 day(s)");
    }

    @Test
    void hostileCharactersAreReplacedNotFatal() throws IOException {
        Element failure = child(testcase("kms-key-rotation-enabled", "key-1 (111122223333/us-east-1)"), "failure");
        String expected = ReportFixtures.xmlLegal("rotation is off for key-1 tagged Owner=" + ReportFixtures.HOSTILE);
        assertThat(failure.getAttribute("message")).isEqualTo(expected);
        assertThat(failure.getAttribute("message")).contains("\uFFFD", "line two\ttab\r\nend", "é 漢 \uD83D\uDE00",
                "<b>&amp;</b> ]]>");
        String raw = Files.readString(file);
        assertThat(raw.chars().filter(c -> c < 0x20 && c != '\n' && c != '\t')).isEmpty();
        assertThat(raw).doesNotContain("<b>").doesNotContain("\uFFFE");
    }

    @Test
    void propertiesCarryTheScanAndEachRulesCitations() {
        Element kms = children(xml.getDocumentElement(), "testsuite").get(0);
        List<Element> props = children(child(kms, "properties"), "property");
        Map<String, String> byName = new java.util.LinkedHashMap<>();
        props.forEach(p -> byName.put(p.getAttribute("name"), p.getAttribute("value")));
        assertThat(byName).containsEntry("scan.id", "scan-0001").containsEntry("scan.environment", "prod")
                .containsEntry("hipaa.kms-key-enabled", "164.312(a)(2)(iv), 164.308(a)(7)(ii)(A)")
                .containsEntry("hipaa.kms-key-rotation-enabled", "164.312(a)(2)(iv)");
    }

    @Test
    void sameInputSameBytes() throws IOException {
        assertThat(JunitReporter.render(Neutralised.of(Reporters.canonical(ReportFixtures.mixed()))))
                .isEqualTo(Files.readString(file));
    }

    private Element testcase(String rule, String name) {
        NodeList all = xml.getElementsByTagName("testcase");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (e.getAttribute("classname").endsWith("." + rule) && e.getAttribute("name").equals(name)) {
                return e;
            }
        }
        throw new AssertionError("no testcase " + rule + " / " + name);
    }

    private static List<Element> children(Element parent, String tag) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(tag)) {
                out.add(e);
            }
        }
        return out;
    }

    private static Element child(Element parent, String tag) {
        List<Element> found = children(parent, tag);
        assertThat(found).as(tag + " in " + parent.getAttribute("name")).hasSize(1);
        return found.get(0);
    }

    private static boolean has(Element parent, String tag) {
        return !children(parent, tag).isEmpty();
    }

    private static long intAttr(Element e, String name) {
        return Long.parseLong(e.getAttribute(name));
    }

    private static long count(List<Finding> findings, Status status) {
        return findings.stream().filter(f -> f.status() == status).count();
    }
}
