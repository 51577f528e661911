#!/usr/bin/env bash
# Rule evaluation throughput on one core over a generated inventory (default 100,000 resources).
# Prints JMH's time per pass over the bundled rule pack and the derived resource-rule evaluations per second.
# Usage: scripts/bench-rules.sh [RESOURCES]
set -euo pipefail
cd "$(dirname "$0")/.."
resources="${1:-100000}"
mvn -B -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath \
    -Dmdep.includeScope=test >/dev/null
cp="target/test-classes:target/classes:$(cat target/bench.classpath)"
evals=$(java -cp "$cp" io.hipaaaudit.bench.RuleEvaluationBenchmark "$resources")
java -cp "$cp" org.openjdk.jmh.Main RuleEvaluationBenchmark -p resources="$resources" \
    -f 1 -t 1 -wi 2 -w 4s -i 4 -r 4s -rf json -rff target/bench-rules.json | tail -n 6
python3 - "$evals" "$resources" <<'PY'
import json, sys
evals, res = int(sys.argv[1]), int(sys.argv[2])
scores = {b['benchmark'].rsplit('.', 1)[1]: b['primaryMetric']['score'] for b in json.load(open('target/bench-rules.json'))}
print(f"resources={res}, resource-rule evaluations per pass over the pack={evals}")
for name, label in [('evaluateConditionsOnly', 'verdicts (applies_if + condition)'),
                    ('evaluatePackSequentially', 'complete findings (verdict, message, evidence)')]:
    ms = scores[name]
    print(f"  {label}: {ms:.1f} ms per pass -> {evals / (ms / 1000) / 1e6:.2f} M evaluations/s on one core")
print(f"  building the analyser facts (views) once per scan: {scores['buildViews']:.0f} ms")
PY
