package io.hipaaaudit.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hipaaaudit.findings.Finding;
import io.hipaaaudit.findings.FindingsDocument;
import io.hipaaaudit.findings.ResourceRef;
import io.hipaaaudit.findings.ScanInfo;
import io.hipaaaudit.findings.Severity;
import io.hipaaaudit.findings.Status;
import io.hipaaaudit.findings.Waiver;
import io.hipaaaudit.json.Json;
import io.hipaaaudit.rules.Framework;
import io.hipaaaudit.rules.Rule;
import io.hipaaaudit.rules.RulePack;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * hipaa-audit.sarif: SARIF 2.1.0 for code-scanning dashboards (GitHub code scanning uploads).
 *
 * <ul>
 *   <li>{@code tool.driver.rules[]}: every rule that produced a finding, with title, rationale, help (rationale,
 *       remediation, HIPAA citations), tags ({@code security}, {@code hipaa}, the area, {@code HIPAA-<citation>}),
 *       a default level from the severity and GitHub's {@code security-severity} score.</li>
 *   <li>{@code results[]}: FAIL (level error for critical/high, warning for medium, note for low/info) and
 *       NOT_ASSESSED (level note, the message says what could not be collected). WAIVED findings are left out: GitHub
 *       code scanning ignores {@code suppressions} in uploaded files, so a waived result would be an open alert;
 *       with {@code --sarif-include-waived} they are kept, at their level, with an accepted external suppression
 *       carrying the waiver, for tools that honour suppressions. PASS and NOT_APPLICABLE are left out: GitHub documents no
 *       handling of {@code kind}, so a pass result risks showing as an alert, and an alert whose result is absent
 *       from the next upload is closed as fixed, which is what a pass means there.</li>
 *   <li>Each result's first location is the rule file ({@code rules/<area>/<id>/rule.yaml} under
 *       {@code %SRCROOT%}; GitHub needs a physical location to accept and show a result) and, as a logical
 *       location, the resource: its ARN or {@code postgresql://} locator, id and type. A finding of a template
 *       scan points at the template instead, at the line of the resource's logical id.</li>
 *   <li>{@code partialFingerprints} are derived from (rule, resource type, account, region, id), so an alert
 *       follows its resource across scans. {@code primaryLocationLineHash} is set too: every result of a rule
 *       shares the rule file's location, and GitHub would otherwise compute one line hash for all of them.</li>
 * </ul>
 */
final class SarifReporter implements Reporter {
    static final String FILE = "hipaa-audit.sarif";
    static final String SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
    static final String SRCROOT = "%SRCROOT%";
    static final String FINGERPRINT = "hipaaAuditFinding/v1";
    /** The statuses written as results; PASS and NOT_APPLICABLE are not. */
    static final Set<Status> REPORTED = EnumSet.of(Status.FAIL, Status.WAIVED, Status.NOT_ASSESSED);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Override
    public String format() {
        return "sarif";
    }

    @Override
    public List<Path> write(ReportInput input, Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        Files.writeString(file, render(input.findings(), input.pack(), input.sarifIncludeWaived(), input.docsUrl()),
                StandardCharsets.UTF_8);
        return List.of(file);
    }

    static String render(FindingsDocument doc, RulePack pack) {
        return render(doc, pack, false);
    }

    static String render(FindingsDocument doc, RulePack pack, boolean includeWaived) {
        return render(doc, pack, includeWaived, Optional.empty());
    }

    static String render(FindingsDocument doc, RulePack pack, boolean includeWaived, Optional<java.net.URI> docsUrl) {
        ObjectNode log = NODES.objectNode();
        log.put("$schema", SCHEMA);
        log.put("version", "2.1.0");
        ObjectNode run = log.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        // one alert stream per environment: uploading dev's scan must not close prod's alerts as fixed
        run.putObject("automationDetails").put("id", "hipaa-audit/"
                + (doc.scan().environment().isBlank() ? "default" : doc.scan().environment()) + "/");
        driver.put("name", doc.scan().tool().isEmpty() ? "hipaa-audit" : doc.scan().tool());
        driver.put("version", doc.scan().version());
        docsUrl.ifPresent(u -> driver.put("informationUri", u.resolve("README.md").toString()));

        Map<String, Integer> ruleIndex = new LinkedHashMap<>();
        ArrayNode rules = driver.putArray("rules");
        doc.findings().stream().map(Finding::ruleId).distinct().sorted().forEach(id -> {
            Finding first = doc.findings().stream().filter(f -> f.ruleId().equals(id)).findFirst().orElseThrow();
            ruleIndex.put(id, rules.size());
            rules.add(rule(first, FindingText.rule(pack, id), pack, docsUrl));
        });

        ArrayNode results = run.putArray("results");
        for (Finding f : doc.findings()) {
            if (REPORTED.contains(f.status()) && (includeWaived || f.status() != Status.WAIVED)) {
                results.add(result(f, ruleIndex.get(f.ruleId()), FindingText.rule(pack, f.ruleId())));
            }
        }
        run.set("properties", runProperties(doc.scan()));
        try {
            return FindingText.wellFormed(Json.json().writeValueAsString(log)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise SARIF", e);
        }
    }

    /**
     * A bundled rule's file under the published repository when {@code --docs-url} says where that is; otherwise
     * (and for custom rules) the eCFR paragraph of the rule's first citation, a stable page of the requirement.
     */
    static Optional<String> helpUri(Optional<Rule> rule, List<String> hipaa, Optional<java.net.URI> docsUrl) {
        Optional<String> file = rule.flatMap(r -> Citations.ruleFile(r.source(), docsUrl));
        return file.isPresent() ? file : hipaa.stream().findFirst().map(Citations::ecfr);
    }

    private static ObjectNode rule(Finding f, Optional<Rule> rule, RulePack pack, Optional<java.net.URI> docsUrl) {
        String title = rule.map(r -> r.file().title()).orElse(f.title());
        String rationale = rule.map(r -> FindingText.clean(r.file().rationale())).orElse("");
        String remediation = rule.map(r -> FindingText.clean(r.file().remediation())).orElse(f.remediation());
        List<String> hipaa = rule.map(Rule::hipaa).orElse(f.hipaa());
        Severity severity = rule.map(Rule::severity).orElse(f.severity());
        String area = rule.map(r -> r.file().area()).orElse(f.area());

        ObjectNode d = NODES.objectNode();
        d.put("id", f.ruleId());
        d.put("name", pascal(f.ruleId()));
        d.putObject("shortDescription").put("text", title);
        d.putObject("fullDescription").put("text", rationale.isEmpty() ? title : rationale);
        helpUri(rule, hipaa, docsUrl).ifPresent(u -> d.put("helpUri", u));
        ObjectNode help = d.putObject("help");
        help.put("text", helpText(rationale, remediation, hipaa, pack));
        help.put("markdown", helpMarkdown(title, rationale, remediation, hipaa, pack));
        d.putObject("defaultConfiguration").put("level", level(severity));
        ObjectNode props = d.putObject("properties");
        ArrayNode tags = props.putArray("tags");
        tags.add("security");
        tags.add("hipaa");
        tags.add(area);
        hipaa.forEach(c -> tags.add("HIPAA-" + c));
        props.put("security-severity", securitySeverity(severity));
        props.put("severity", severity.label());
        props.put("area", area);
        return d;
    }

    private static ObjectNode result(Finding f, int ruleIndex, Optional<Rule> rule) {
        ObjectNode r = NODES.objectNode();
        r.put("ruleId", f.ruleId());
        r.put("ruleIndex", ruleIndex);
        r.put("level", f.status() == Status.NOT_ASSESSED ? "note" : level(f.severity()));
        r.putObject("message").put("text", message(f));

        ObjectNode location = r.putArray("locations").addObject();
        ObjectNode physical = location.putObject("physicalLocation");
        ObjectNode artifact = physical.putObject("artifactLocation");
        Optional<String> template = templateFile(f);
        int line = template.isPresent() && f.evidence().get("templateLine") instanceof Number n
                ? Math.max(1, n.intValue()) : 1;
        artifact.put("uri", template.orElseGet(() -> ruleFile(f, rule)));
        artifact.put("uriBaseId", SRCROOT);
        physical.putObject("region").put("startLine", line);
        ResourceRef res = f.resource();
        ObjectNode logical = location.putArray("logicalLocations").addObject();
        logical.put("name", res.id());
        logical.put("fullyQualifiedName", FindingText.locator(res));
        logical.put("kind", res.type());

        String key = FindingText.findingKey(f);
        ObjectNode fp = r.putObject("partialFingerprints");
        fp.put(FINGERPRINT, key);
        fp.put("primaryLocationLineHash", key.substring(0, 16) + ":" + line);

        f.waiver().filter(w -> f.status() == Status.WAIVED).ifPresent(w -> r.putArray("suppressions").add(suppression(w)));

        ObjectNode props = r.putObject("properties");
        props.put("status", f.status().name());
        props.put("severity", f.severity().label());
        props.put("area", f.area());
        ArrayNode hipaa = props.putArray("hipaa");
        f.hipaa().forEach(hipaa::add);
        ObjectNode resource = props.putObject("resource");
        resource.put("type", res.type());
        resource.put("id", res.id());
        resource.put("arn", res.arn());
        resource.put("account", res.account());
        resource.put("region", res.region());
        props.set("evidence", Json.json().valueToTree(f.evidence()));
        if (!f.remediation().isEmpty()) {
            props.put("remediation", f.remediation());
        }
        return r;
    }

    private static String message(Finding f) {
        String where = FindingText.resourceName(f.resource());
        return switch (f.status()) {
            case NOT_ASSESSED -> {
                List<String> causes = FindingText.notAssessedCauses(f);
                String base = f.message().toLowerCase(Locale.ROOT).startsWith("not assessed")
                        ? f.message() : "Not assessed: " + f.message();
                yield base + (causes.isEmpty() ? "" : " — " + String.join("; ", causes)) + " [" + where + "]";
            }
            case WAIVED -> f.message() + " [" + where + "] (" + FindingText.waiverText(f.waiver()) + ")";
            default -> f.message() + " [" + where + "]";
        };
    }

    private static ObjectNode suppression(Waiver w) {
        ObjectNode s = NODES.objectNode();
        s.put("kind", "external");
        s.put("status", "accepted");
        s.put("justification", w.justification());
        ObjectNode props = s.putObject("properties");
        props.put("waiverId", w.id());
        props.put("approvedBy", w.approvedBy());
        props.put("expires", String.valueOf(w.expires()));
        return s;
    }

    /**
     * The rule file relative to the source root: the bundled pack's {@code rules/<area>/<id>/rule.yaml}, a custom
     * rule's path as given to {@code --rules} when relative, else the bundled layout.
     */
    /**
     * The template that declares the finding's resource (a template scan puts it in the evidence), relative to the
     * source root: code scanning then shows the result on the resource's line.
     */
    static Optional<String> templateFile(Finding f) {
        if (f.evidence().get("template") instanceof String t) {
            String source = t.replace('\\', '/');
            if (!source.isEmpty() && !source.startsWith("/") && !source.matches("^[A-Za-z]:/.*")
                    && !source.contains("..")) {
                return Optional.of(source.startsWith("./") ? source.substring(2) : source);
            }
        }
        return Optional.empty();
    }

    static String ruleFile(Finding f, Optional<Rule> rule) {
        String source = rule.map(Rule::source).orElse("").replace('\\', '/');
        if (!source.isEmpty() && !source.startsWith("/") && !source.matches("^[A-Za-z]:/.*") && !source.contains("..")) {
            return source.startsWith("./") ? source.substring(2) : source;
        }
        return "rules/" + f.area() + "/" + f.ruleId() + "/rule.yaml";
    }

    private static ObjectNode runProperties(ScanInfo scan) {
        ObjectNode p = NODES.objectNode();
        p.put("scanId", scan.id());
        scan.startedAt().ifPresent(t -> p.put("startedAt", t));
        scan.finishedAt().ifPresent(t -> p.put("finishedAt", t));
        p.put("environment", scan.environment());
        scan.accounts().forEach(p.putArray("accounts")::add);
        scan.regions().forEach(p.putArray("regions")::add);
        scan.databases().forEach(p.putArray("databases")::add);
        p.put("rulePackSha256", scan.rulePackSha256());
        p.set("counts", Json.json().valueToTree(scan.counts()));
        return p;
    }

    /** error for critical and high, warning for medium, note for low and info. */
    static String level(Severity s) {
        return switch (s) {
            case CRITICAL, HIGH -> "error";
            case MEDIUM -> "warning";
            case LOW, INFO -> "note";
        };
    }

    /** GitHub's buckets: critical over 9.0, high 7.0-8.9, medium 4.0-6.9, low 0.1-3.9, 0.0 none. */
    static String securitySeverity(Severity s) {
        return switch (s) {
            case CRITICAL -> "9.5";
            case HIGH -> "8.0";
            case MEDIUM -> "5.5";
            case LOW -> "3.0";
            case INFO -> "0.0";
        };
    }

    private static String helpText(String rationale, String remediation, List<String> hipaa, RulePack pack) {
        StringBuilder b = new StringBuilder();
        if (!rationale.isEmpty()) {
            b.append(rationale).append("\n\n");
        }
        b.append("Remediation: ").append(remediation).append("\n\nHIPAA Security Rule:\n");
        hipaa.forEach(c -> b.append("- 45 CFR ").append(citationTitle(c, pack)).append('\n'));
        return b.toString().strip();
    }

    private static String helpMarkdown(String title, String rationale, String remediation, List<String> hipaa,
                                       RulePack pack) {
        StringBuilder b = new StringBuilder("**").append(title).append("**\n\n");
        if (!rationale.isEmpty()) {
            b.append(rationale).append("\n\n");
        }
        b.append("## Remediation\n\n").append(remediation).append("\n\n## HIPAA Security Rule\n\n");
        hipaa.forEach(c -> b.append("- 45 CFR ").append(citationTitle(c, pack)).append('\n'));
        return b.toString().strip();
    }

    /** {@code §164.312(a)(2)(iv) Encryption and decryption (addressable)} when the framework knows the citation. */
    private static String citationTitle(String citation, RulePack pack) {
        Optional<Framework.Specification> spec = pack == null ? Optional.empty() : pack.framework().find(citation);
        return "§" + citation + spec.map(s -> " " + s.title() + " (" + s.requirement() + ")").orElse("");
    }

    /** {@code kms-key-rotation-enabled} to {@code KmsKeyRotationEnabled}. */
    static String pascal(String id) {
        StringBuilder b = new StringBuilder();
        for (String part : id.split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                b.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return b.isEmpty() ? id : b.toString();
    }
}
