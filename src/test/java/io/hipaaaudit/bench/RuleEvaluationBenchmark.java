package io.hipaaaudit.bench;

import io.hipaaaudit.engine.Environments;
import io.hipaaaudit.engine.Evaluator;
import io.hipaaaudit.engine.ResourceView;
import io.hipaaaudit.engine.Views;
import dev.cel.runtime.CelVariableResolver;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import io.hipaaaudit.findings.Finding;
import io.hipaaaudit.rules.Rule;
import io.hipaaaudit.rules.RuleLoader;
import io.hipaaaudit.rules.RulePack;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Rule evaluation on one thread over a generated inventory: the whole bundled pack on every resource of each
 * rule's type. The score is one pass over the pack; {@code scripts/bench-rules.sh} divides the evaluations per
 * pass by it to get resource-rule evaluations per second per core. Building the views (the analysers) happens in
 * setup and is measured separately by {@link #buildViews}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RuleEvaluationBenchmark {
    @Param({"100000"})
    public int resources;

    private RulePack pack;
    private Evaluator evaluator;
    private io.hipaaaudit.inventory.Inventory inventory;

    @Setup
    public void setup() {
        pack = RuleLoader.load(List.of());
        inventory = SyntheticInventory.of(resources, 42);
        evaluator = new Evaluator(inventory, new Environments("prod", null));
        views = Views.build(inventory, new Environments("prod", null));
        rulesOfType.clear();
        for (Rule rule : pack.rules()) {
            rulesOfType.computeIfAbsent(rule.resourceType(), t -> new java.util.ArrayList<>()).add(rule);
        }
    }

    private static final Instant NOW = Instant.parse("2026-11-24T06:00:00Z");
    private Map<String, List<ResourceView>> views;
    private final Map<String, List<Rule>> rulesOfType = new java.util.LinkedHashMap<>();
    private final java.util.concurrent.ForkJoinPool oneThread = new java.util.concurrent.ForkJoinPool(1);

    /**
     * The engine's own evaluation of the pack ({@link Evaluator#evaluate(RulePack)}: verdicts, messages, evidence,
     * the findings sorted) with its parallel chunks run on one thread.
     */
    @Benchmark
    public void evaluatePackSequentially(Blackhole bh) throws Exception {
        bh.consume(oneThread.submit(() -> evaluator.evaluate(pack)).get());
    }

    /**
     * Verdicts only: applies_if and condition of every rule on every resource of its type, in the engine's order
     * (a resource's rules one after the other, then the next resource), without assembling findings (messages,
     * evidence). This is the rule engine's own cost.
     */
    @Benchmark
    public void evaluateConditionsOnly(Blackhole bh) {
        for (Map.Entry<String, List<Rule>> type : rulesOfType.entrySet()) {
            for (ResourceView r : views.getOrDefault(type.getKey(), List.of())) {
                for (Rule rule : type.getValue()) {
                    Map<String, Object> params = rule.paramsFor(r.environment().name());
                    CelVariableResolver vars = name -> switch (name) {
                        case "resource" -> Optional.of(r.facts());
                        case "params" -> Optional.of(params);
                        case "env" -> Optional.of(r.environment().name());
                        case "now" -> Optional.of(NOW);
                        default -> Optional.empty();
                    };
                    try {
                        if (rule.appliesIf().isEmpty()
                                || Boolean.TRUE.equals(rule.appliesIf().get().eval(r.facts(), vars))) {
                            bh.consume(rule.condition().eval(r.facts(), vars));
                        }
                    } catch (Exception e) {
                        bh.consume(e);
                    }
                }
            }
        }
    }

    @TearDown
    public void tearDown() {
        oneThread.shutdown();
    }

    @Benchmark
    public void buildViews(Blackhole bh) {
        bh.consume(new Evaluator(inventory, new Environments("prod", null)));
    }

    /** Resource-rule evaluations in one pass over the pack (findings produced). */
    public static void main(String[] args) {
        RuleEvaluationBenchmark b = new RuleEvaluationBenchmark();
        b.resources = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        b.setup();
        System.out.println(b.evaluator.evaluate(b.pack).size());
        b.tearDown();
    }
}
