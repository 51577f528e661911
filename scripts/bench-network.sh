#!/usr/bin/env bash
# Network analysis time over a synthetic VPC: index, subnet tiers and reach for every database.
# Usage: scripts/bench-network.sh [SUBNETS] [SECURITY_GROUPS] [RUNS]   (defaults 2000 5000 15)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath \
    -Dmdep.includeScope=test >/dev/null
cp="target/test-classes:target/classes:$(cat target/bench.classpath)"
java -cp "$cp" io.hipaaaudit.bench.NetworkAnalysisBenchmark "${1:-2000}" "${2:-5000}" "${3:-15}"
