package io.hipaaaudit.bench;

import io.hipaaaudit.engine.Environments;
import io.hipaaaudit.engine.Evaluator;
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
    }

    @Benchmark
    public void evaluatePackSequentially(Blackhole bh) {
        for (Rule rule : pack.rules()) {
            List<Finding> findings = evaluator.evaluate(rule);
            bh.consume(findings);
        }
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
        long n = b.pack.rules().stream().mapToLong(r -> b.evaluator.evaluate(r).size()).sum();
        System.out.println(n);
    }
}
