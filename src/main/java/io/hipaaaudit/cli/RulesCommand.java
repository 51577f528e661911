package io.hipaaaudit.cli;

import io.hipaaaudit.engine.FixtureRunner;
import io.hipaaaudit.rules.Framework;
import io.hipaaaudit.rules.Rule;
import io.hipaaaudit.rules.RuleLoader;
import io.hipaaaudit.rules.RulePack;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "rules", mixinStandardHelpOptions = true, description = "List, show and test rules.",
        subcommands = {RulesCommand.ListRules.class, RulesCommand.Show.class, RulesCommand.Test.class,
                RulesCommand.FrameworkView.class, RulesCommand.Catalog.class, RulesCommand.Facts.class})
final class RulesCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: list, show, test or framework");
    }

    static class PackOptions {
        @Option(names = "--rules", paramLabel = "DIR", description = "Extra rule folder (repeatable).")
        List<Path> ruleDirs = new ArrayList<>();
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the rules in force with severity, area and HIPAA citations.")
    static final class ListRules implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @CommandLine.Mixin
        PackOptions pack = new PackOptions();

        @Override
        public Integer call() {
            RulePack rules = RuleLoader.load(pack.ruleDirs);
            PrintWriter out = spec.commandLine().getOut();
            out.printf("%-42s %-9s %-19s %-22s %s%n", "ID", "SEVERITY", "AREA", "RESOURCE", "HIPAA");
            for (Rule r : rules.rules()) {
                out.printf("%-42s %-9s %-19s %-22s %s%n", r.id(), r.severity().label(), r.file().area(),
                        r.resourceType(), String.join(", ", r.hipaa()));
            }
            out.printf("%d rules%n", rules.rules().size());
            return ExitCodes.OK;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show one rule: metadata, condition, parameters per environment.")
    static final class Show implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @CommandLine.Mixin
        PackOptions pack = new PackOptions();
        @Parameters(paramLabel = "ID")
        String id;

        @Override
        public Integer call() {
            RulePack rules = RuleLoader.load(pack.ruleDirs);
            Rule r = rules.find(id).orElseThrow(() -> new io.hipaaaudit.json.InputException(
                    "unknown rule id '" + id + "' (see 'hipaa-audit rules list')"));
            PrintWriter out = spec.commandLine().getOut();
            var f = r.file();
            out.printf("%s — %s%n", f.id(), f.title());
            out.printf("severity: %s   area: %s   resource: %s   nprm2025: %s%n", f.severity().label(), f.area(),
                    f.resource(), f.nprm2025());
            for (String c : f.hipaa()) {
                out.printf("hipaa: %s %s%n", c, rules.framework().find(c).map(Framework.Specification::title).orElse(""));
            }
            if (!f.requires().isEmpty()) {
                out.printf("requires: %s%n", String.join(", ", f.requires()));
            }
            f.appliesIf().ifPresent(a -> out.printf("applies_if: %s%n", a.strip()));
            out.printf("condition: %s%n", f.condition().strip());
            r.params().forEach((env, p) -> {
                if (!p.isEmpty()) {
                    out.printf("params[%s]: %s%n", env, new java.util.TreeMap<>(p));
                }
            });
            out.printf("%nrationale:%n  %s%n%nremediation:%n  %s%n", f.rationale().strip().replace("\n", "\n  "),
                    f.remediation().strip().replace("\n", "\n  "));
            out.printf("%nsource: %s%n", r.source());
            return ExitCodes.OK;
        }
    }

    @Command(name = "test", mixinStandardHelpOptions = true, description = "Run the fixtures of the rules (a custom pack with --rules, else the bundled one).")
    static final class Test implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @CommandLine.Mixin
        PackOptions pack = new PackOptions();

        @Override
        public Integer call() {
            RulePack rules = pack.ruleDirs.isEmpty() ? RuleLoader.load(List.of()) : RuleLoader.loadOnly(pack.ruleDirs);
            PrintWriter out = spec.commandLine().getOut();
            int passed = 0;
            int failed = 0;
            for (Rule r : rules.rules()) {
                for (String kind : FixtureRunner.KINDS) {
                    for (Path file : FixtureRunner.fixtures(r.directory(), kind)) {
                        FixtureRunner.Result res = FixtureRunner.run(r, file, kind, rules);
                        if (res.ok()) {
                            passed++;
                        } else {
                            failed++;
                            out.printf("FAIL %s %s/%s%n", r.id(), kind, file.getFileName());
                            res.problems().forEach(p -> out.printf("     %s%n", p));
                        }
                    }
                }
                for (String kind : List.of("pass", "fail")) {
                    if (FixtureRunner.fixtures(r.directory(), kind).isEmpty()) {
                        failed++;
                        out.printf("FAIL %s: no %s fixture (every rule needs fixtures/pass/*.json and "
                                + "fixtures/fail/*.json)%n", r.id(), kind);
                    }
                }
            }
            out.printf("%d passed, %d failed%n", passed, failed);
            return failed == 0 ? ExitCodes.OK : ExitCodes.FAILED;
        }
    }

    @Command(name = "framework", mixinStandardHelpOptions = true, description = "Every HIPAA Security Rule specification and the rules that evidence it.")
    static final class FrameworkView implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @CommandLine.Mixin
        PackOptions pack = new PackOptions();

        @Override
        public Integer call() {
            RulePack rules = RuleLoader.load(pack.ruleDirs);
            PrintWriter out = spec.commandLine().getOut();
            for (Framework.Specification s : rules.framework().specifications()) {
                List<String> ids = rules.rulesFor(s.citation());
                out.printf("%-22s %-11s %-9s %s%n", s.citation(), s.requirement(), s.evidence(), s.title());
                out.printf("%-22s %s%n", "", ids.isEmpty() ? (s.manual() ? "manual: needs an attestation" : "NO RULE YET")
                        : String.join(", ", ids));
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "catalog", mixinStandardHelpOptions = true,
            description = "Print the rule catalog as Markdown (the source of docs/rules.md).")
    static final class Catalog implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @CommandLine.Mixin
        PackOptions pack = new PackOptions();

        @Override
        public Integer call() {
            spec.commandLine().getOut().print(io.hipaaaudit.rules.RuleCatalog.markdown(RuleLoader.load(pack.ruleDirs)));
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "facts", mixinStandardHelpOptions = true,
            description = "Print every fact rules can read, per resource type, as Markdown (the source of docs/inventory.md).")
    static final class Facts implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            spec.commandLine().getOut().print(io.hipaaaudit.inventory.facts.FactsDoc.markdown(
                    io.hipaaaudit.inventory.facts.FactCatalog.bundled()));
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
    }
}
