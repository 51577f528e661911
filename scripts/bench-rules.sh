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
    -f 1 -t 1 -wi 3 -w 5s -i 5 -r 5s -rf json -rff target/bench-rules.json | tail -n 6
ms=$(python3 -c "import json;d=json.load(open('target/bench-rules.json'));print([b for b in d if b['benchmark'].endswith('evaluatePackSequentially')][0]['primaryMetric']['score'])")
python3 - "$evals" "$ms" "$resources" <<'PY'
import sys
evals, ms, res = int(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3])
print(f"resources={res} resource-rule evaluations per pass={evals} time per pass={ms:.1f} ms "
      f"-> {evals / (ms / 1000) / 1e6:.2f} M evaluations/s on one core")
PY
