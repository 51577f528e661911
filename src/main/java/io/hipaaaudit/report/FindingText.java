package io.hipaaaudit.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.hipaaaudit.findings.Finding;
import io.hipaaaudit.findings.ResourceRef;
import io.hipaaaudit.findings.Waiver;
import io.hipaaaudit.json.Json;
import io.hipaaaudit.rules.Areas;
import io.hipaaaudit.rules.Rule;
import io.hipaaaudit.rules.RulePack;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Texts several reporters derive the same way from a finding: names, evidence renderings, causes, keys. */
public final class FindingText {
    /** Built when evidence is first rendered for people: the other texts here need no YAML writer. */
    private static final class Yaml {
        static final YAMLMapper MAPPER = YAMLMapper.builder(new YAMLFactory())
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .build();
    }

    private FindingText() {}

    /** The resource id, with account and region when set: unique per rule, e.g. {@code db-1 (1111/us-east-1)}. */
    static String resourceName(ResourceRef r) {
        String where = String.join("/", List.of(r.account(), r.region()).stream().filter(s -> !s.isEmpty()).toList());
        return r.id() + (where.isEmpty() ? "" : " (" + where + ")");
    }

    /**
     * The resource's ARN or {@code postgresql://} locator; for a scope finding (a type that could not be listed, or
     * matched nothing) which has none, a {@code scope:} name built from type, account, region and id.
     */
    static String locator(ResourceRef r) {
        if (!r.arn().isEmpty()) {
            return r.arn();
        }
        List<String> parts = new ArrayList<>();
        for (String s : List.of(r.type(), r.account(), r.region(), r.id())) {
            if (!s.isEmpty()) {
                parts.add(s);
            }
        }
        return "scope:" + String.join("/", parts);
    }

    /** Evidence as indented YAML lines for people, empty when there is none. */
    static String evidenceText(Map<String, Object> evidence, String indent) {
        if (evidence.isEmpty()) {
            return "";
        }
        try {
            String yaml = Yaml.MAPPER.writeValueAsString(evidence);
            return yaml.lines().map(l -> indent + l).collect(Collectors.joining("\n"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render evidence", e);
        }
    }

    /** Evidence as one line of JSON with sorted keys. */
    static String evidenceJson(Map<String, Object> evidence) {
        try {
            return Json.json().writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(evidence);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise evidence", e);
        }
    }

    /**
     * Why a NOT_ASSESSED finding has no verdict, from its evidence: each failed API call or catalog query
     * ({@code collectionErrors}) with its code, scope and message, or the evaluation error. Empty when the evidence
     * names neither.
     */
    static List<String> notAssessedCauses(Finding f) {
        List<String> out = new ArrayList<>();
        if (f.evidence().get("collectionErrors") instanceof List<?> errors) {
            for (Object o : errors) {
                if (o instanceof Map<?, ?> e) {
                    List<String> scope = new ArrayList<>();
                    for (String k : List.of("account", "region", "database")) {
                        if (e.get(k) != null) {
                            scope.add(String.valueOf(e.get(k)));
                        }
                    }
                    out.add(e.get("operation") + " failed (" + e.get("code") + ")"
                            + (scope.isEmpty() ? "" : " in " + String.join("/", scope))
                            + (e.get("message") == null ? "" : ": " + e.get("message")));
                }
            }
        }
        if (f.evidence().get("evaluationError") != null) {
            out.add("evaluation error: " + f.evidence().get("evaluationError"));
        }
        return out;
    }

    /** One line naming the waiver: id, approver, expiry and justification. */
    /** The waiver of a WAIVED finding; a findings.json edited by hand may lack it, which is said, not a crash. */
    static String waiverText(java.util.Optional<Waiver> w) {
        return w.map(FindingText::waiverText).orElse("waived (the findings file names no waiver)");
    }

    static String waiverText(Waiver w) {
        return "waived by " + w.id() + " (approved by " + w.approvedBy() + ", expires " + w.expires() + "): "
                + w.justification();
    }

    /** A stable hex key of (rule, resource type, account, region, resource id): the gate's notion of "same finding". */
    static String findingKey(Finding f) {
        ResourceRef r = f.resource();
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String s : List.of(f.ruleId(), r.type(), r.account(), r.region(), r.id())) {
                md.update(s.getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The rule a finding came from, when the pack given to the reporter still has it. */
    static Optional<Rule> rule(RulePack pack, String ruleId) {
        return pack == null ? Optional.empty() : pack.find(ruleId);
    }

    /** Findings grouped by area: the known areas in their documented order, then any other, sorted. */
    static Map<String, List<Finding>> byArea(List<Finding> findings) {
        TreeSet<String> others = new TreeSet<>();
        findings.forEach(f -> {
            if (!Areas.ALL.contains(f.area())) {
                others.add(f.area());
            }
        });
        Map<String, List<Finding>> out = new LinkedHashMap<>();
        List<String> order = new ArrayList<>(Areas.ALL);
        order.addAll(others);
        for (String area : order) {
            List<Finding> in = findings.stream().filter(f -> f.area().equals(area)).toList();
            if (!in.isEmpty()) {
                out.put(area, in);
            }
        }
        return out;
    }

    /**
     * The text with every unpaired surrogate replaced by U+FFFD: such a string (a JSON {@code \ud800} escape in an
     * API response) has no UTF-8 form, and writing it would fail or silently become {@code ?}.
     */
    static String wellFormed(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
            if (paired) {
                if (b != null) {
                    b.append(c).append(s.charAt(i + 1));
                }
                i++;
            } else if (Character.isSurrogate(c)) {
                if (b == null) {
                    b = new StringBuilder(s.length()).append(s, 0, i);
                }
                b.append('\uFFFD');
            } else if (b != null) {
                b.append(c);
            }
        }
        return b == null ? s : b.toString();
    }

    /**
     * The text with every character XML 1.0 does not allow replaced by U+FFFD: control characters other than tab,
     * line feed and carriage return, unpaired surrogates, U+FFFE and U+FFFF. For cells and attributes that people
     * read, where a NUL or an ANSI escape from a hostile tag has no business.
     */
    static String printable(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (invisible(cp)) {
                // a bidi override or zero-width character could reorder or hide what a reader sees: name it
                b.append(String.format(java.util.Locale.ROOT, "<U+%04X>", cp));
            } else {
                b.appendCodePoint(cp == '\t' || cp == '\n' || cp == '\r' || xmlChar(cp) ? cp : 0xFFFD);
            }
            i += Character.charCount(cp);
        }
        return b.toString();
    }

    /** Format characters (bidi controls, zero-width, BOM, tag characters) and line/paragraph separators. */
    public static boolean invisible(int cp) {
        int type = Character.getType(cp);
        return type == Character.FORMAT || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
    }

    /** XML 1.0's {@code Char} production less tab, line feed and carriage return. */
    static boolean xmlChar(int cp) {
        return cp >= 0x20 && cp <= 0xD7FF || cp >= 0xE000 && cp <= 0xFFFD || cp >= 0x10000 && cp <= 0x10FFFF;
    }

    /** Rule text as written in YAML folded blocks: surrounding blank space removed. */
    static String clean(String s) {
        return s == null ? "" : s.strip();
    }
}
