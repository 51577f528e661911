package io.hipaaaudit.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.hipaaaudit.findings.Finding;
import io.hipaaaudit.findings.Status;
import io.hipaaaudit.inventory.Inventory;
import io.hipaaaudit.json.InputException;
import io.hipaaaudit.json.InputFiles;
import io.hipaaaudit.json.Json;
import io.hipaaaudit.policy.DbPolicy;
import io.hipaaaudit.rules.Rule;
import io.hipaaaudit.rules.RulePack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Runs a rule's fixtures: {@code fixtures/pass/*.json} must give at least one PASS and no FAIL or NOT_ASSESSED,
 * {@code fixtures/fail/*.json} at least one FAIL, {@code fixtures/not-assessed/*.json} at least one
 * NOT_ASSESSED. A fixture may pin exact outcomes in {@code expect}: resource id, status and a message fragment,
 * and may declare the database policy the scan runs with ({@code dbPolicy}), the scan's environment
 * ({@code environment}, {@code environmentTag}) and environment aliases ({@code environmentAliases}, as in the
 * configuration). The environments the rule's pack defines count as defined, as they do in a scan.
 */
public final class FixtureRunner {
    public static final List<String> KINDS = List.of("pass", "fail", "not-assessed");

    private FixtureRunner() {}

    /** The outcome of one fixture; {@code problems} is empty when it behaved as its folder says. */
    public record Result(String ruleId, Path file, String kind, List<String> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    public static List<Path> fixtures(Path ruleDir, String kind) {
        Path dir = ruleDir.resolve("fixtures").resolve(kind);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new InputException(dir + ": cannot list fixtures: " + e.getMessage());
        }
    }

    public static Result run(Rule rule, Path file, String kind, RulePack pack) {
        Fixture fx = Fixture.read(file);
        if (!fx.params().isEmpty()) {
            // the same merge as a configuration file's params: only declared parameters, of the declared kind
            rule = io.hipaaaudit.rules.ParamOverrides.apply(new RulePack(pack.framework(), List.of(rule), pack.sha256()),
                    Map.of(rule.id(), fx.params()), (path, message) -> new InputException(file + ": " + message))
                    .rules().get(0);
        }
        Inventory inv = fx.inventory();
        Environments environments = Environments.of(fx.environment(), "fixture environment", fx.environmentTag(),
                fx.environmentAliases()).definedBy(pack);
        List<Finding> findings = new Evaluator(inv, environments, fx.dbPolicy()).evaluate(rule);
        List<String> problems = new ArrayList<>();
        long pass = count(findings, Status.PASS);
        long fail = count(findings, Status.FAIL);
        long notAssessed = count(findings, Status.NOT_ASSESSED);
        switch (kind) {
            case "pass" -> {
                if (pass == 0 || fail > 0 || notAssessed > 0) {
                    problems.add("expected only passing findings, got " + summary(findings));
                }
            }
            case "fail" -> {
                if (fail == 0) {
                    problems.add("expected a failing finding, got " + summary(findings));
                }
            }
            case "not-assessed" -> {
                if (notAssessed == 0) {
                    problems.add("expected a NOT_ASSESSED finding, got " + summary(findings));
                }
            }
            default -> throw new IllegalArgumentException(kind);
        }
        for (Fixture.Expectation e : fx.expect()) {
            List<Finding> matching = findings.stream().filter(f -> f.resource().id().equals(e.resource())).toList();
            if (matching.isEmpty()) {
                problems.add("no finding for resource '" + e.resource() + "'");
                continue;
            }
            Finding f = matching.get(0);
            if (!f.status().name().equals(e.status())) {
                problems.add(e.resource() + ": expected " + e.status() + ", got " + f.status() + " (" + f.message() + ")");
            }
            if (!e.severity().isEmpty() && !f.severity().label().equals(e.severity())) {
                problems.add(e.resource() + ": expected severity " + e.severity() + ", got " + f.severity().label());
            }
            if (!e.messageContains().isEmpty() && !f.message().contains(e.messageContains())) {
                problems.add(e.resource() + ": message '" + f.message() + "' does not contain '" + e.messageContains() + "'");
            }
        }
        return new Result(rule.id(), file, kind, List.copyOf(problems));
    }

    private static long count(List<Finding> findings, Status s) {
        return findings.stream().filter(f -> f.status() == s).count();
    }

    private static String summary(List<Finding> findings) {
        return findings.stream().map(f -> f.resource().id() + "=" + f.status() + " (" + f.message() + ")").toList().toString();
    }

    /** The fixture file format. */
    record Fixture(String description, String environment, String environmentTag,
                   Map<String, List<String>> environmentAliases, List<Expectation> expect, Inventory inventory,
                   Optional<DbPolicy> dbPolicy, Map<String, Map<String, Object>> params) {
        Fixture {
            params = params == null ? Map.of() : Map.copyOf(params);
            environmentAliases = environmentAliases == null ? Map.of() : Map.copyOf(environmentAliases);
            dbPolicy = dbPolicy == null ? Optional.empty() : dbPolicy;
            description = description == null ? "" : description;
            expect = expect == null ? List.of() : List.copyOf(expect);
            inventory = inventory == null ? Inventory.empty() : inventory;
        }

        record Expectation(String resource, String status, String messageContains, String severity) {
            Expectation {
                severity = severity == null ? "" : severity;
                resource = resource == null ? "" : resource;
                status = status == null ? "" : status;
                messageContains = messageContains == null ? "" : messageContains;
            }
        }

        static Fixture read(Path file) {
            String text = InputFiles.readString(file, InputFiles.Kind.FIXTURE);
            try {
                return Json.json().readValue(text, Fixture.class);
            } catch (JsonProcessingException e) {
                throw InputException.of(file.toString(), e, Json.json().getFactory(), text);
            }
        }
    }
}
