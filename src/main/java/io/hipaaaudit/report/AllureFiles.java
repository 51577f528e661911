package io.hipaaaudit.report;

import io.hipaaaudit.findings.ScanInfo;
import io.hipaaaudit.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report-wide files of allure-results: executor.json (names the scan as the "build", so the report's history
 * links runs), environment.properties (what was scanned) and categories.json (what a failed, broken or skipped
 * result means here). allure-java-commons writes results only, so these are written here.
 */
final class AllureFiles {
    static final List<String> NAMES = List.of("executor.json", "environment.properties", "categories.json");

    private AllureFiles() {}

    static void write(Path out, ScanInfo scan) throws IOException {
        Map<String, Object> executor = new LinkedHashMap<>();
        executor.put("name", "hipaa-audit");
        executor.put("type", "hipaa-audit");
        executor.put("buildName", "scan " + scan.id());
        executor.put("reportName", "HIPAA Security Rule scan" + (scan.environment().isEmpty() ? "" : " (" + scan.environment() + ")"));
        Files.writeString(out.resolve("executor.json"), Json.write(executor), StandardCharsets.UTF_8);

        Map<String, String> env = new LinkedHashMap<>();
        env.put("Scan", scan.id());
        env.put("Environment", scan.environment());
        env.put("Accounts", String.join(", ", scan.accounts()));
        env.put("Regions", String.join(", ", scan.regions()));
        env.put("Databases", String.join(", ", scan.databases()));
        env.put("Started", scan.startedAt().orElse(""));
        env.put("Finished", scan.finishedAt().orElse(""));
        env.put("Tool", scan.tool() + " " + scan.version());
        env.put("Rule pack sha256", scan.rulePackSha256());
        env.put("Inventory sha256", scan.inventorySha256());
        StringBuilder props = new StringBuilder();
        env.forEach((k, v) -> props.append(escape(k, true)).append('=').append(escape(v, false)).append('\n'));
        // Properties files are ISO-8859-1: escape() leaves only ASCII
        Files.writeString(out.resolve("environment.properties"), props, StandardCharsets.ISO_8859_1);

        List<Map<String, Object>> categories = List.of(
                Map.of("name", "Control not met", "matchedStatuses", List.of("failed")),
                Map.of("name", "Not assessed (data not collected)", "matchedStatuses", List.of("broken")),
                Map.of("name", "Waived", "matchedStatuses", List.of("skipped"), "messageRegex", "(?s)Waived.*"));
        Files.writeString(out.resolve("categories.json"), Json.write(categories), StandardCharsets.UTF_8);
    }

    /** java.util.Properties escaping, without Properties' date comment and hash order. */
    static String escape(String s, boolean key) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '\f' -> b.append("\\f");
                case '=', ':', '#', '!' -> b.append('\\').append(c);
                case ' ' -> b.append(key || i == 0 ? "\\ " : " ");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        b.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
